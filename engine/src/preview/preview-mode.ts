import type { Request, RequestHandler } from 'express';
import type { Knex } from 'knex';
import type { Actor } from '../actor.js';
import { actAs, actorOf } from '../api/actor.js';
import { modelOf, repinModel } from '../api/pin-model.js';
import type { AppContext } from '../context.js';
import { readDraft } from '../db/definitions-repo.js';
import { hashDefinitionSet } from '../definitions/definition-set.js';
import { validateDefinitionSet } from '../definitions/validate-definition-set.js';
import { ConflictError, ForbiddenError, NotFoundError, type Text } from '../errors.js';
import { findUserById } from '../identity/users-repo.js';
import type { Model } from '../model/compile-model.js';
import { isAdmin } from '../permissions/entity-grant.js';
import { compilePreviewModel, type PreviewModel } from './preview-model.js';
import { decodePreviewToken, PREVIEW_HEADER, type PreviewToken } from './preview-token.js';

/** The id of the person a role preview acts as: nobody, so `own` scopes show what a new holder of the role sees. */
export const PREVIEW_PERSON = '00000000-0000-4000-8000-000000000000';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const PREVIEW_READ_ONLY: Text = {
  en: 'this is a preview: nothing can be saved, changed or deleted here (close the preview to work for real)',
  zh: '当前是预览：这里不能保存、修改或删除任何内容（关闭预览后再正式操作）',
};

/** A draft with definition issues cannot be compiled, so it cannot be previewed. */
export const DRAFT_HAS_ISSUES: Text = {
  en: 'the draft has problems to fix before it can be previewed',
  zh: '草稿中有问题需要先修正，才能预览',
};

const ADMINS_ONLY: Text = {
  en: 'only the administrator who started this preview may use it',
  zh: '只有开启此预览的系统管理员可以使用它',
};

/**
 * Preview mode ("view as", issue 19): a request carrying `X-Lodestar-Preview` runs on the draft's model and as
 * the previewed role or user, and may only read. Installed after identity and before every route, so no route
 * can write in preview mode whatever the UI shows: any method but GET/HEAD/OPTIONS is refused with 403 here,
 * before a body is read by a route. The token is honoured only for the signed-in administrator who started it
 * (see preview-token.ts), so a preview never reaches further than that administrator already does.
 */
export function previewMode(ctx: AppContext): RequestHandler {
  const models = new PreviewModels();
  return (req, res, next) => {
    const header = req.get(PREVIEW_HEADER);
    if (header === undefined) return next();
    enterPreview(ctx, models, req, header).then((answered) => {
      if (answered === 'empty') res.json({ data: [], nextCursor: null });
      else next();
    }, next);
  };
}

/**
 * Before the routes that identify their caller themselves (`/auth`: sign out, change password): a request in
 * preview mode may not write there either. Refusing needs no identity, so it runs before any.
 */
export const refuseWritesInPreview: RequestHandler = (req, _res, next) => {
  if (req.get(PREVIEW_HEADER) !== undefined && !READS.has(req.method))
    throw new ForbiddenError(PREVIEW_READ_ONLY, { extra: { preview: 'readOnly' } });
  next();
};

async function enterPreview(
  ctx: AppContext,
  models: PreviewModels,
  req: Request,
  header: string,
): Promise<'empty' | void> {
  const token = decodePreviewToken(header, ctx.clock());
  const admin = actorOf(req);
  if (!isAdmin(admin.roles) || admin.id !== token.by)
    throw new ForbiddenError(ADMINS_ONLY, { extra: { preview: 'notYours' } });
  if (!READS.has(req.method)) throw new ForbiddenError(PREVIEW_READ_ONLY, { extra: { preview: 'readOnly' } });
  const preview = await models.of(ctx.db.knex, modelOf(req), token.draft);
  repinModel(req, preview.model);
  actAs(req, await previewActor(ctx.db.knex, token, admin));
  return newEntityAnswer(req, preview);
}

/**
 * An entity the draft adds has no table yet: its list is empty, and anything else about its records is not found.
 */
function newEntityAnswer(req: Request, preview: PreviewModel): 'empty' | void {
  const match = /^\/records\/([^/]+)(\/.*)?$/.exec(req.path);
  if (!match || !preview.newEntities.has(decodeURIComponent(match[1]!))) return;
  if (!match[2] || match[2] === '/') return 'empty';
  throw new NotFoundError({
    en: 'this record type is new in the draft: it has records only once published',
    zh: '这个对象是草稿中新增的：发布后才会有记录',
  });
}

/** Who a preview acts as: the user as stored (their roles and org unit), or a person holding only the role. */
export async function previewActor(knex: Knex, token: PreviewToken, admin: Actor): Promise<Actor> {
  if (token.as.kind === 'role') return { id: PREVIEW_PERSON, roles: [token.as.id], orgUnitId: admin.orgUnitId ?? null };
  const user = await findUserById(knex, token.as.id);
  if (!user) throw new NotFoundError({ en: 'the previewed user does not exist', zh: '预览的用户不存在' });
  return {
    id: String(user.id),
    roles: (user.roles as string[]) ?? [],
    orgUnitId: (user.org_unit_id as string) ?? null,
  };
}

/** Compiled preview models, per draft as last saved and published version: a draft compiles once per change. */
class PreviewModels {
  private readonly cache = new Map<string, PreviewModel>();

  async of(knex: Knex, published: Model, draftId: string | null): Promise<PreviewModel> {
    if (draftId === null) return { model: published, newEntities: new Set() };
    const draft = await readDraft(knex, draftId);
    // A draft published (and so removed) since the preview began: the published model is what it became.
    if (!draft) return { model: published, newEntities: new Set() };
    const key = `${draftId}\u0000${String(draft.updated_at)}\u0000${published.version}\u0000${published.hash}`;
    let preview = this.cache.get(key);
    if (!preview) {
      if (validateDefinitionSet(draft.definitions).length) throw new ConflictError(DRAFT_HAS_ISSUES);
      preview = compilePreviewModel(draft.definitions, published, `preview:${hashDefinitionSet(draft.definitions)}`);
      if (this.cache.size >= 8) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, preview);
    }
    return preview;
  }
}
