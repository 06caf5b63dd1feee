import { type Request, Router } from 'express';
import type { AppContext } from '../../context.js';
import { EMPTY_SET, type DefinitionSet } from '../../definitions/definition-set.js';
import { checkRemovedReferences } from '../../definitions/references-removed.js';
import { validateDefinitionSet } from '../../definitions/validate-definition-set.js';
import { NotFoundError } from '../../errors.js';
import { checkStateRenames } from '../../migrate/check-state-renames.js';
import { stateMappingOfBody } from '../../migrate/state-mapping.js';
import {
  deleteDraft,
  listDrafts,
  listVersions,
  readCurrentVersion,
  readDraft,
  readVersion,
  writeDraft,
} from '../../db/definitions-repo.js';
import { planChange } from '../../store/plan-change.js';
import { gateDirectPublish, gateTemplateInstall } from '../../reviews/review-gate.js';
import { publish } from '../../store/publish.js';
import { withNoteText } from '../../store/seed.js';
import { diffDefinitionSets } from '../../versions/diff-definitions.js';
import { exportTemplate, installTemplate } from '../../versions/install-template.js';
import { readInstalled, toInstalledList } from '../../versions/installed-templates.js';
import { planBetween } from '../../versions/plan-between.js';
import { listShipped, readShipped } from '../../versions/shipped-templates.js';
import { fromTemplate } from '../../versions/template-json.js';
import { accessFor } from '../../permissions/model-access.js';
import { entityPermissions, visibleDefinitions } from '../../permissions/visible-definitions.js';
import { ACTIONS } from '../../workflow/actions/index.js';
import { GUARDS } from '../../workflow/guards/index.js';
import { actorOf } from '../actor.js';
import { adminOnly } from '../admin-only.js';
import { META } from '../contract/meta.js';
import { route } from '../contract/route.js';
import { validQuery } from '../contract/validate.js';
import { modelOf } from '../pin-model.js';
import { requestIdOf } from '../request-id.js';

/** Definitions, drafts, plans, publish and versions: the API the studio sits on. */
export function metaRouter(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;
  const { routes } = META;

  // Readable by every signed-in user, as their roles let them see it (the web apps build screens from it).
  route(router, routes.model, (req, res) => {
    const model = modelOf(req);
    const access = accessFor(model, actorOf(req));
    res.json({
      version: model.version,
      hash: model.hash,
      definitions: visibleDefinitions(model, access),
      permissions: entityPermissions(model, access),
    });
  });
  route(router, routes.entities, (req, res) => {
    const model = modelOf(req);
    const access = accessFor(model, actorOf(req));
    const entities = visibleDefinitions(model, access).entities;
    // Field kinds come from the engine so the apps never re-derive them from JSON Schema.
    const kinds = Object.fromEntries(
      entities.map((e) => [
        e.$id,
        Object.fromEntries(
          [...model.entities.get(e.$id)!.fields.values()]
            .filter((f) => f.name in e.properties)
            .map((f) => [f.name, f.kind]),
        ),
      ]),
    );
    res.json({ data: entities, kinds, permissions: entityPermissions(model, access) });
  });
  route(router, routes.entity, (req, res) => {
    const model = modelOf(req);
    const entity = visibleDefinitions(model, accessFor(model, actorOf(req))).entities.find(
      (e) => e.$id === req.params.id,
    );
    if (!entity)
      throw new NotFoundError({ en: `entity "${req.params.id}" does not exist`, zh: `实体“${req.params.id}”不存在` });
    res.json(entity);
  });
  // Everything below shapes the model: administrators only.
  router.use(adminOnly({ en: 'read versions, edit drafts and publish', zh: '查看版本、编辑草稿和发布' }));
  route(router, routes.versions, async (_req, res) => {
    res.json({ data: (await listVersions(knex)).map(withNoteText) });
  });
  route(router, routes.version, async (req, res) => {
    const stored = await readVersion(knex, Number(req.params.version));
    if (!stored)
      throw new NotFoundError({
        en: `version ${req.params.version} does not exist`,
        zh: `版本 ${req.params.version} 不存在`,
      });
    res.json(stored);
  });
  // Compare two versions: what differs per definition, and the table steps between them (no row counts).
  route(router, routes.diff, async (req, res) => {
    const [from, to] = [
      await storedVersion(knex, String(req.params.from)),
      await storedVersion(knex, String(req.params.to)),
    ];
    const diff = { from: from.version, to: to.version, ...diffDefinitionSets(from.definitions, to.definitions) };
    // The plan is a bonus: an old version the compiler no longer accepts still gets its diff.
    const plan = (() => {
      try {
        return { steps: planBetween(from.definitions, to.definitions) };
      } catch {
        return undefined;
      }
    })();
    res.json(plan ? { ...diff, plan } : diff);
  });
  // A rollback is a new publish, never a rewrite of history: version v becomes the studio draft, planned
  // against the current version; the admin publishes it like any draft (same plan, same confirmation).
  route(router, routes.rollback, async (req, res) => {
    const target = await storedVersion(knex, String(req.params.version));
    const current = await readCurrentVersion(knex);
    await writeDraft(knex, {
      id: STUDIO_DRAFT,
      definitions: target.definitions,
      base_version: current?.version ?? 0,
      updated_by: actorOf(req).id,
    });
    const plan = await planChange(knex, target.definitions, undefined, {
      stateMapping: stateMappingOfBody(req.body?.stateMapping),
    });
    res.json({ draft: STUDIO_DRAFT, rollbackTo: target.version, ...plan });
  });
  // Templates: the published model as one JSON document (see versions/template-json.ts), and its install.
  route(router, routes.exportTemplate, async (req, res) => {
    const query = validQuery<{ name: string; version: string; title: string }>(req);
    const text = (value: string | undefined) => (value !== '' ? value : undefined);
    res.json(
      await exportTemplate(knex, { name: text(query.name), version: text(query.version), title: text(query.title) }),
    );
  });
  route(router, routes.installTemplate, async (req, res) => {
    const { dryRun, confirmDestructive, stateMapping, ...template } = (req.body ?? {}) as Record<string, unknown>;
    const source = fromTemplate(template);
    const options = {
      dryRun: dryRun === true,
      allowDestructive: confirmDestructive === true,
      stateMapping: stateMappingOfBody(stateMapping),
      publishedBy: actorOf(req).id,
      ...(requestIdOf(req) && { requestId: requestIdOf(req) }),
      ...(ctx.definitionsDir && { definitionsDir: ctx.definitionsDir }),
    };
    const allowDestructive = await gateTemplateInstall(knex, source, options);
    const result = await installTemplate(knex, source, { ...options, allowDestructive });
    if (result.status === 'published') await ctx.models.refresh();
    res.status(result.status === 'published' ? 201 : 200).json(result);
  });
  // What the model is made of, and the gallery of templates shipped beside the definitions (templates/).
  route(router, routes.installedTemplates, async (_req, res) => {
    res.json({ data: toInstalledList(await readInstalled(knex, ctx.definitionsDir)) });
  });
  route(router, routes.shippedTemplates, async (_req, res) => {
    res.json({ data: await listShipped(ctx.definitionsDir, await readInstalled(knex, ctx.definitionsDir)) });
  });
  route(router, routes.installShippedTemplate, async (req, res) => {
    const source = await readShipped(ctx.definitionsDir, String(req.params.folder));
    const options = {
      dryRun: req.body?.dryRun === true,
      allowDestructive: req.body?.confirmDestructive === true,
      stateMapping: stateMappingOfBody(req.body?.stateMapping),
      publishedBy: actorOf(req).id,
      ...(requestIdOf(req) && { requestId: requestIdOf(req) }),
      ...(ctx.definitionsDir && { definitionsDir: ctx.definitionsDir }),
    };
    const allowDestructive = await gateTemplateInstall(knex, source, options);
    const result = await installTemplate(knex, source, { ...options, allowDestructive });
    if (result.status === 'published') await ctx.models.refresh();
    res.status(result.status === 'published' ? 201 : 200).json(result);
  });
  // The workflow library a designer picks from: each guard and action with the JSON Schema of its params.
  route(router, routes.library, (_req, res) => {
    res.json({
      guards: [...GUARDS.values()].map((g) => ({ name: g.name, params: g.params })),
      actions: [...ACTIONS.values()].map((a) => ({ name: a.name, params: a.params, phase: a.phase })),
    });
  });
  route(router, routes.validate, (req, res) => {
    const definitions = toDefinitionSet(req.body.definitions);
    const before = req.body.before === undefined ? undefined : toDefinitionSet(req.body.before);
    res.json({
      issues: [...(before ? checkRemovedReferences(before, definitions) : []), ...validateDefinitionSet(definitions)],
    });
  });
  // The drafts that exist, `?id=` narrowing to one: the studio asks whether its draft exists without a 404.
  route(router, routes.drafts, async (req, res) => {
    const { id } = validQuery<{ id: string }>(req);
    res.json({ data: await listDrafts(knex, id) });
  });
  route(router, routes.draft, async (req, res) => {
    const draft = await readDraft(knex, draftId(req));
    if (!draft)
      throw new NotFoundError({ en: `draft "${draftId(req)}" does not exist`, zh: `草稿“${draftId(req)}”不存在` });
    res.json(draft);
  });
  route(router, routes.saveDraft, async (req, res) => {
    const definitions = toDefinitionSet(req.body.definitions);
    const current = await readCurrentVersion(knex);
    const base = req.body?.baseVersion ?? current?.version ?? 0;
    await writeDraft(knex, { id: draftId(req), definitions, base_version: base, updated_by: actorOf(req).id });
    // State renames are judged against the published version, so only a draft (not /validate) reports them.
    const issues = [
      ...validateDefinitionSet(definitions),
      ...checkStateRenames(current?.definitions ?? EMPTY_SET, definitions),
      ...checkRemovedReferences(current?.definitions ?? EMPTY_SET, definitions),
    ];
    res.json({ id: draftId(req), baseVersion: base, issues });
  });
  route(router, routes.deleteDraft, async (req, res) => {
    if (!(await deleteDraft(knex, draftId(req))))
      throw new NotFoundError({ en: `draft "${draftId(req)}" does not exist`, zh: `草稿“${draftId(req)}”不存在` });
    res.status(204).end();
  });
  route(router, routes.planDraft, async (req, res) => {
    const draft = await readDraft(knex, draftId(req));
    if (!draft)
      throw new NotFoundError({ en: `draft "${draftId(req)}" does not exist`, zh: `草稿“${draftId(req)}”不存在` });
    res.json(
      await planChange(knex, draft.definitions, undefined, {
        stateMapping: stateMappingOfBody(req.body?.stateMapping),
      }),
    );
  });
  route(router, routes.publishDraft, async (req, res) => {
    const draft = await readDraft(knex, draftId(req));
    if (!draft)
      throw new NotFoundError({ en: `draft "${draftId(req)}" does not exist`, zh: `草稿“${draftId(req)}”不存在` });
    const stateMapping = stateMappingOfBody(req.body?.stateMapping);
    // Four eyes (reviews/): a risky publish is refused here when the installation requires review.
    const allowDestructive = await gateDirectPublish(knex, draft.definitions, {
      stateMapping,
      confirmDestructive: req.body?.confirmDestructive === true,
    });
    const result = await publish(knex, {
      definitions: draft.definitions,
      source: 'draft',
      baseVersion: draft.base_version,
      allowDestructive,
      stateMapping,
      note: typeof req.body?.note === 'string' ? req.body.note : undefined,
      publishedBy: actorOf(req).id,
      ...(requestIdOf(req) && { requestId: requestIdOf(req) }),
    });
    await deleteDraft(knex, draftId(req));
    await ctx.models.refresh();
    res.status(201).json(result);
  });
  return router;
}

/** The `:id` of a draft route (a string, as its contract says). */
const draftId = (req: Request) => String(req.params.id);

/** The draft the studio edits; a rollback writes into it. */
const STUDIO_DRAFT = 'studio';

async function storedVersion(knex: AppContext['db']['knex'], param: string | undefined) {
  const stored = /^[1-9]\d{0,8}$/.test(param ?? '') ? await readVersion(knex, Number(param)) : undefined;
  if (!stored)
    throw new NotFoundError({ en: `version ${String(param)} does not exist`, zh: `版本 ${String(param)} 不存在` });
  return stored;
}

/** `definitions` of a body its contract validated (arrays of entities and workflows) as a set. */
function toDefinitionSet(value: unknown): DefinitionSet {
  const set = value as DefinitionSet;
  // roles (roles.json) is optional and validated with the rest; absent or null means no roles.
  return {
    entities: set.entities,
    workflows: set.workflows,
    ...(set.roles != null && { roles: set.roles }),
    ...(Array.isArray(set.dashboards) && set.dashboards.length > 0 && { dashboards: set.dashboards }),
  };
}
