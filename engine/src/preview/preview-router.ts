import { Router } from 'express';
import { actorOf } from '../api/actor.js';
import { adminOnly } from '../api/admin-only.js';
import { PREVIEW } from '../api/contract/preview.js';
import { route } from '../api/contract/route.js';
import { modelOf } from '../api/pin-model.js';
import type { AppContext } from '../context.js';
import { readDraft } from '../db/definitions-repo.js';
import type { DefinitionSet } from '../definitions/definition-set.js';
import { ConflictError, issueOf, NotFoundError, ValidationError, type Text } from '../errors.js';
import { validateDefinitionSet } from '../definitions/validate-definition-set.js';
import { findUserById } from '../identity/users-repo.js';
import { DRAFT_HAS_ISSUES, previewActor } from './preview-mode.js';
import { encodePreviewToken, PREVIEW_HEADER, PREVIEW_TTL_MS, type PreviewSubject } from './preview-token.js';

/** The draft the studio edits. */
const STUDIO_DRAFT = 'studio';

/** `POST /meta/preview`: administrators start a read-only "view as" preview (see preview-mode.ts). */
export function previewRouter(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;
  route(
    router,
    PREVIEW.routes.start,
    adminOnly({ en: 'preview the draft as a role or a user', zh: '以角色或用户身份预览草稿' }),
    async (req, res) => {
      const body = (req.body ?? {}) as { draft?: string | null; role?: string; user?: string };
      if ((body.role === undefined) === (body.user === undefined))
        throw new ValidationError(
          { en: 'choose either a role or a user to preview as', zh: '请选择一个角色或一个用户来预览' },
          {
            issues: [issueOf('/role', 'oneOf', { en: 'give a role or a user, not both', zh: '角色和用户只能选一个' })],
          },
        );
      const draftId = body.draft === undefined ? STUDIO_DRAFT : body.draft;
      const draft = draftId === null ? undefined : await readDraft(knex, draftId);
      if (draftId !== null && body.draft !== undefined && !draft)
        throw new NotFoundError({ en: `draft "${draftId}" does not exist`, zh: `草稿“${draftId}”不存在` });
      if (draft && validateDefinitionSet(draft.definitions).length) throw new ConflictError(DRAFT_HAS_ISSUES);
      // No studio draft yet: the published model is what the draft would be.
      const shown = draft ? draftId : null;
      const set = draft?.definitions ?? modelOf(req).set;
      const as: PreviewSubject =
        body.role !== undefined ? { kind: 'role', id: body.role } : { kind: 'user', id: body.user! };
      const title = as.kind === 'role' ? roleTitle(set, as.id) : await userTitle(ctx, as.id);
      const now = ctx.clock().getTime();
      const exp = now + PREVIEW_TTL_MS;
      const admin = actorOf(req);
      const actor = await previewActor(knex, { draft: shown, as, by: admin.id, exp }, admin);
      const person = { id: actor.id, email: '', roles: actor.roles, orgUnitId: actor.orgUnitId ?? null };
      const token = encodePreviewToken({ draft: shown, as, by: admin.id, exp, title, person });
      res.status(201).json({
        token,
        header: PREVIEW_HEADER,
        expiresAt: new Date(exp).toISOString(),
        draft: shown,
        as: { ...as, title },
        banner: bannerOf(title, shown !== null),
      });
    },
  );
  return router;
}

function roleTitle(set: DefinitionSet, id: string): Text {
  const role = set.roles?.roles?.[id] as { title?: unknown } | undefined;
  if (!role && id !== 'admin')
    throw new ValidationError(
      { en: `there is no role "${id}" to preview as`, zh: `没有可预览的角色“${id}”` },
      { issues: [issueOf('/role', 'enum', { en: 'no such role', zh: '没有这个角色' })] },
    );
  const title = role?.title;
  if (typeof title === 'string') return { en: title, zh: title };
  if (title && typeof title === 'object') {
    const t = title as Partial<Text>;
    return { en: t.en ?? t.zh ?? id, zh: t.zh ?? t.en ?? id };
  }
  return id === 'admin' ? { en: 'Administrator', zh: '系统管理员' } : { en: id, zh: id };
}

async function userTitle(ctx: AppContext, id: string): Promise<Text> {
  const user = await findUserById(ctx.db.knex, id);
  if (!user) throw new NotFoundError({ en: 'there is no such user to preview as', zh: '没有这个用户，无法预览' });
  const name = String(user.display_name || user.email);
  return { en: name, zh: name };
}

function bannerOf(title: Text, draft: boolean): Text {
  return draft
    ? {
        zh: `预览：以 ${title.zh} 身份查看草稿（不会保存任何更改）`,
        en: `Preview: viewing the draft as ${title.en} (nothing is saved)`,
      }
    : {
        zh: `预览：以 ${title.zh} 身份查看当前发布的版本（不会保存任何更改）`,
        en: `Preview: viewing the published version as ${title.en} (nothing is saved)`,
      };
}
