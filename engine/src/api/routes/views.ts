import type { ViewSharing } from '@lodestar/core';
import { type Request, type RequestHandler, Router } from 'express';
import type { AppContext } from '../../context.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { accessFor } from '../../permissions/model-access.js';
import { isRecordId } from '../../records/read-records.js';
import { toViewBody } from '../../views/view-body.js';
import { checkSharing } from '../../views/view-sharing.js';
import { deleteView, listViews, saveView, shareView } from '../../views/views-repo.js';
import { actorOf } from '../actor.js';
import { route } from '../contract/route.js';
import { VIEWS } from '../contract/views.js';
import { modelOf } from '../pin-model.js';

/**
 * Saved list views: each user's own named queries per entity, and views shared with their org unit or roles,
 * which others only read (and copy). Only the owner (or an administrator) shares, changes or deletes a view.
 */
export function viewsRouter(ctx: AppContext): Router {
  const router = Router();
  const { routes } = VIEWS;
  route(router, routes.list, async (req, res) => {
    const { entity } = target(req);
    res.json({ data: await listViews(ctx.db.knex, actorOf(req), entity) });
  });
  // Who may see the entity is answered (403, 404) before the body is judged (422).
  route(router, routes.save, readableEntity, async (req, res) => {
    const { entity } = target(req);
    const { view, created } = await saveView(ctx.db.knex, actorOf(req), entity, toViewBody(req.body));
    res.status(created ? 201 : 200).json(view);
  });
  route(router, routes.share, readableEntity, async (req, res) => {
    const { entity } = target(req);
    const sharing = await checkSharing(ctx.db.knex, modelOf(req).set, req.body as ViewSharing);
    const view = await shareView(ctx.db.knex, actorOf(req), entity, req.params.id as string, sharing);
    if (!view) throw noView(req.params.id as string);
    res.json(view);
  });
  route(router, routes.remove, readableEntity, async (req, res) => {
    const { entity } = target(req);
    const id = req.params.id as string;
    if (!(await deleteView(ctx.db.knex, actorOf(req), entity, id))) throw noView(id);
    res.status(204).end();
  });
  return router;
}

const noView = (id: string) =>
  new NotFoundError({ en: `you have no view ${JSON.stringify(id)} here`, zh: '您没有这个视图，或它不归您管理' });

const readableEntity: RequestHandler = (req, _res, next) => {
  target(req);
  next();
};

/** The caller and the entity: 404 for an entity that does not exist, 403 for one the caller may not read (as on its records routes). */
function target(req: Request): { userId: string; entity: string } {
  const model = modelOf(req);
  const actor = actorOf(req);
  const entity = req.params.entity as string;
  const readable = accessFor(model, actor)?.views ?? model.entities;
  if (!model.entities.has(entity) || !isRecordId(actor.id))
    throw new NotFoundError({ en: `there is no entity "${entity}"`, zh: `没有实体“${entity}”` });
  if (!readable.has(entity))
    throw new ForbiddenError({
      en: `your roles do not allow you to read ${entity} records`,
      zh: '您的角色无权查看此类记录',
    });
  return { userId: actor.id, entity };
}
