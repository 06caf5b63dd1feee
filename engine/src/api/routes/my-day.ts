import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { readMyDay } from '../../agenda/read-my-day.js';
import { accessFor } from '../../permissions/model-access.js';
import { actorOf } from '../actor.js';
import { companyTimeZone } from '../../records/company-time-zone.js';
import { MY_DAY } from '../contract/runtime-ui.js';
import { route } from '../contract/route.js';
import { validQuery } from '../contract/validate.js';
import { modelOf } from '../pin-model.js';

/** `GET /my-day?tz=Asia/Shanghai`: what the caller owns that is due, overdue, to be reminded of, breached or stuck. */
export function myDayRouter(ctx: AppContext): Router {
  const router = Router();
  route(router, MY_DAY.routes.read, async (req, res) => {
    // `tz`: an IANA time zone name (checked by the contract); the company's zone when absent.
    const timeZone = validQuery<{ tz: string }>(req).tz ?? companyTimeZone();
    const model = modelOf(req);
    const actor = actorOf(req);
    res.json(
      await readMyDay(ctx.db.knex, { model, actor, access: accessFor(model, actor), now: ctx.clock(), timeZone }),
    );
  });
  return router;
}
