import { type Request, Router } from 'express';
import type { AppContext } from '../context.js';
import { insertAudit } from '../audit/audit-repo.js';
import { EMPTY_SET, hashDefinitionSet, toCanonicalSet } from '../definitions/definition-set.js';
import { deleteDraft, readCurrentVersion, readDraft, readVersion } from '../db/definitions-repo.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { stateMappingOfBody } from '../migrate/state-mapping.js';
import { planChange } from '../store/plan-change.js';
import { publish } from '../store/publish.js';
import { diffDefinitionSets } from '../versions/diff-definitions.js';
import { actorOf } from '../api/actor.js';
import { adminOnly } from '../api/admin-only.js';
import { route } from '../api/contract/route.js';
import { validQuery } from '../api/contract/validate.js';
import { requestIdOf } from '../api/request-id.js';
import { directPublishReasons } from './review-gate.js';
import { reviewReasons } from './review-reasons.js';
import { REVIEWS } from '../api/contract/reviews.js';
import { toReviewJson, type ReviewJson } from './review-json.js';
import {
  decideReview,
  insertReview,
  listReviews,
  readReview,
  readReviewSettings,
  writeReviewSettings,
  type ReviewStatus,
  type StoredReview,
} from './reviews-repo.js';
import { staleReason } from './stale-reason.js';

/** Audit rows of submissions and the setting: a system object, like the model and users. */
const AUDITED = 'lodestar.review';
const ADMINS = adminOnly({ en: 'review publishes', zh: '审核发布' });

/** The review routes under /meta: the setting, submitting a draft, listing, approving, returning. */
export function reviewsRouter(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;
  const { routes } = REVIEWS;
  const answer = async (stored: StoredReview): Promise<ReviewJson> => (await toReviewJson(knex, [stored]))[0]!;

  route(router, routes.settings, ADMINS, async (_req, res) => {
    res.json(await readReviewSettings(knex));
  });
  route(router, routes.saveSettings, ADMINS, async (req, res) => {
    const actor = actorOf(req);
    const next = req.body.requireReview === true;
    await knex.transaction(async (trx) => {
      const before = (await readReviewSettings(trx)).requireReview;
      await writeReviewSettings(trx, next, actor.id);
      if (before !== next)
        await insertAudit(trx, [
          {
            actorId: actor.id,
            entity: AUDITED,
            recordId: 'settings',
            action: 'update',
            changes: { requireReview: [before, next] },
            requestId: requestIdOf(req) ?? null,
          },
        ]);
    });
    res.json(await readReviewSettings(knex));
  });
  route(router, routes.draftReview, ADMINS, async (req, res) => {
    const draft = await draftOf(knex, req);
    const { requireReview, reasons } = await directPublishReasons(knex, draft.definitions, {});
    const [latest] = await listReviews(knex, { draftId: draft.id, limit: 1 });
    res.json({ requireReview, required: reasons.length > 0, reasons, latest: latest ? await answer(latest) : null });
  });
  route(router, routes.submit, ADMINS, async (req, res) => {
    const draft = await draftOf(knex, req);
    const actor = actorOf(req);
    const stateMapping = stateMappingOfBody(req.body?.stateMapping);
    // The plan is frozen now, on the published version the reviewer will compare against.
    const plan = await planChange(knex, draft.definitions, undefined, { stateMapping });
    if (plan.steps.some((s) => s.safety === 'blocked'))
      throw new ConflictError({
        en: 'some steps of the plan cannot apply: change the draft before submitting it',
        zh: '迁移计划中有无法执行的步骤：请先修改草稿再提交审核',
      });
    const current = await readCurrentVersion(knex);
    const definitions = toCanonicalSet(draft.definitions);
    const note = typeof req.body?.note === 'string' && req.body.note.trim() ? req.body.note.trim() : null;
    const { review } = await knex.transaction(async (trx) => {
      const stored = await insertReview(trx, {
        draftId: draft.id,
        baseVersion: plan.baseVersion,
        definitions,
        hash: hashDefinitionSet(definitions),
        plan,
        stateMapping,
        reasons: reviewReasons(current?.definitions ?? EMPTY_SET, definitions, plan.steps),
        note,
        submittedBy: actor.id,
      });
      await insertAudit(trx, [
        {
          actorId: actor.id,
          entity: AUDITED,
          recordId: stored.review.id,
          action: 'create',
          changes: { status: [null, 'pending'] },
          detail: {
            draft: draft.id,
            baseVersion: plan.baseVersion,
            note,
            reasons: stored.review.reasons.map((r) => r.code),
            superseded: stored.superseded,
          },
          requestId: requestIdOf(req) ?? null,
        },
      ]);
      return stored;
    });
    res.status(201).json(await answer(review));
  });
  route(router, routes.list, ADMINS, async (req, res) => {
    const query = validQuery<{ status: ReviewStatus; draft: string }>(req);
    const rows = await listReviews(knex, {
      status: query.status ?? 'pending',
      ...(query.draft && { draftId: query.draft }),
    });
    res.json({ data: await toReviewJson(knex, rows) });
  });
  route(router, routes.read, ADMINS, async (req, res) => {
    const stored = await reviewOf(knex, req);
    const base = stored.baseVersion > 0 ? await readVersion(knex, stored.baseVersion) : undefined;
    const diff = {
      from: stored.baseVersion,
      to: stored.version ?? stored.baseVersion + 1,
      ...diffDefinitionSets(base?.definitions ?? EMPTY_SET, stored.definitions),
      plan: { steps: stored.plan.steps },
    };
    res.json({ review: await answer(stored), diff });
  });
  route(router, routes.approve, ADMINS, async (req, res) => {
    const stored = await pendingReviewOf(knex, req);
    const actor = actorOf(req);
    if (stored.submittedBy === actor.id)
      throw new ForbiddenError({
        en: 'you submitted this change: another administrator must approve it',
        zh: '这项变更是您提交的，需由另一位管理员批准',
      });
    const stale = await staleReason(knex, stored);
    if (stale) throw new ConflictError(stale);
    const note = typeof req.body?.note === 'string' && req.body.note.trim() ? req.body.note.trim() : null;
    const result = await publish(knex, {
      definitions: stored.definitions,
      source: 'review',
      baseVersion: stored.baseVersion,
      // The reviewer saw the plan with its destructive steps: the approval is their confirmation.
      allowDestructive: true,
      stateMapping: stored.stateMapping,
      ...(stored.note && { note: stored.note }),
      publishedBy: actor.id,
      ...(requestIdOf(req) && { requestId: requestIdOf(req) }),
      alsoInTransaction: async (trx, version) => {
        if (!(await decideReview(trx, stored.id, { status: 'approved', by: actor.id, note, version })))
          throw new ConflictError(ALREADY_DECIDED);
        await insertAudit(trx, [
          {
            actorId: actor.id,
            entity: AUDITED,
            recordId: stored.id,
            action: 'update',
            changes: { status: ['pending', 'approved'], version: [null, version] },
            detail: { draft: stored.draftId, submittedBy: stored.submittedBy, note: stored.note, reviewNote: note },
            requestId: requestIdOf(req) ?? null,
          },
        ]);
      },
    });
    // The draft was what got published: it is done, like after a publish, unless someone edited it meanwhile.
    const draft = await readDraft(knex, stored.draftId);
    if (draft && hashDefinitionSet(toCanonicalSet(draft.definitions)) === stored.hash)
      await deleteDraft(knex, stored.draftId);
    await ctx.models.refresh();
    res.status(201).json({ ...result, review: await answer((await readReview(knex, stored.id))!) });
  });
  route(router, routes.return, ADMINS, async (req, res) => {
    const stored = await pendingReviewOf(knex, req);
    const actor = actorOf(req);
    const comment = String(req.body.comment).trim();
    await knex.transaction(async (trx) => {
      if (!(await decideReview(trx, stored.id, { status: 'returned', by: actor.id, note: comment })))
        throw new ConflictError(ALREADY_DECIDED);
      await insertAudit(trx, [
        {
          actorId: actor.id,
          entity: AUDITED,
          recordId: stored.id,
          action: 'update',
          changes: { status: ['pending', 'returned'] },
          detail: { draft: stored.draftId, submittedBy: stored.submittedBy, reviewNote: comment },
          requestId: requestIdOf(req) ?? null,
        },
      ]);
    });
    res.json(await answer((await readReview(knex, stored.id))!));
  });
  return router;
}

const ALREADY_DECIDED = {
  en: 'this submission is no longer waiting for review',
  zh: '这项审核申请已不在待审核状态',
};

async function draftOf(knex: AppContext['db']['knex'], req: Request) {
  const id = String(req.params.id);
  const draft = await readDraft(knex, id);
  if (!draft) throw new NotFoundError({ en: `draft "${id}" does not exist`, zh: `草稿“${id}”不存在` });
  return draft;
}

async function reviewOf(knex: AppContext['db']['knex'], req: Request): Promise<StoredReview> {
  const stored = await readReview(knex, String(req.params.id));
  if (!stored) throw new NotFoundError({ en: 'there is no such submission', zh: '没有这个审核申请' });
  return stored;
}

async function pendingReviewOf(knex: AppContext['db']['knex'], req: Request): Promise<StoredReview> {
  const stored = await reviewOf(knex, req);
  if (stored.status !== 'pending') throw new ConflictError(ALREADY_DECIDED);
  return stored;
}
