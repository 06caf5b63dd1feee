import { Router } from 'express';
import type { AppContext } from '../../context.js';
import {
  markNotificationsRead,
  readNotifications,
  type NotificationOrder,
} from '../../notifications/read-notifications.js';
import { rememberReaderLanguage } from '../../notifications/reader-language.js';
import { serveInboxStream } from '../../notifications/stream.js';
import { NotFoundError } from '../../errors.js';
import { actorOf } from '../actor.js';
import { NOTIFICATIONS } from '../contract/notifications.js';
import { route } from '../contract/route.js';
import { validQuery } from '../contract/validate.js';

/** `/me/notifications`: the signed-in user's inbox; every query is limited to their own rows. */
export function notificationsRouter(ctx: AppContext): Router {
  const router = Router();
  route(router, NOTIFICATIONS.routes.list, async (req, res) => {
    const query = validQuery<{ order: NotificationOrder; limit: number; cursor: string }>(req);
    res.json(
      await readNotifications(ctx.db.knex, actorOf(req).id, {
        order: query.order ?? 'unread',
        limit: query.limit ?? 20,
        cursor: query.cursor,
      }),
    );
  });
  route(router, NOTIFICATIONS.routes.stream, async (req, res) => {
    const { inboxStreams, identify } = ctx;
    if (!inboxStreams || !identify)
      throw new NotFoundError({ en: 'this engine serves no notification streams', zh: '此引擎不提供通知推送' });
    const knex = ctx.db.knex;
    await serveInboxStream(
      { knex, streams: inboxStreams, models: ctx.models, clock: ctx.clock, identify, log: ctx.log },
      req,
      res,
      actorOf(req),
    );
  });
  route(router, NOTIFICATIONS.routes.readAll, async (req, res) => {
    res.json(await markNotificationsRead(ctx.db.knex, actorOf(req).id));
  });
  route(router, NOTIFICATIONS.routes.language, async (req, res) => {
    await rememberReaderLanguage(ctx.db.knex, actorOf(req).id, (req.body as { lang: 'zh' | 'en' }).lang);
    res.status(204).end();
  });
  route(router, NOTIFICATIONS.routes.readOne, async (req, res) => {
    res.json(await markNotificationsRead(ctx.db.knex, actorOf(req).id, Number(req.params.id)));
  });
  return router;
}
