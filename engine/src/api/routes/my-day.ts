import { Router } from 'express';
import type { AppContext } from '../../context.js';
import type { Issue } from '../../errors.js';
import { isTimeZone } from '../../agenda/day.js';
import { readMyDay } from '../../agenda/read-my-day.js';
import { accessFor } from '../../permissions/model-access.js';
import { paramIssue, singleParam, throwIfIssues, type QueryParams } from '../../records/query-params.js';
import { actorOf } from '../actor.js';
import { modelOf } from '../pin-model.js';

/** `GET /my-day?tz=Asia/Shanghai`: what the caller owns that is due, overdue, to be reminded of, breached or stuck. */
export function myDayRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const timeZone = parseTimeZone(req.query as QueryParams);
    const model = modelOf(req);
    const actor = actorOf(req);
    res.json(await readMyDay(ctx.db.knex, { model, actor, access: accessFor(model, actor), now: ctx.clock(), timeZone }));
  });
  return router;
}

/** `tz`: an IANA time zone name; the server's own zone when absent. */
function parseTimeZone(query: QueryParams): string {
  const issues: Issue[] = [];
  for (const name of Object.keys(query)) if (name !== 'tz') issues.push(paramIssue(name, 'unknownParameter', `unknown query parameter "${name}"`));
  const tz = singleParam(query, 'tz', issues);
  if (tz !== undefined && !isTimeZone(tz)) issues.push(paramIssue('tz', 'timeZone', `tz must be an IANA time zone name such as Asia/Shanghai, not ${JSON.stringify(tz)}`));
  throwIfIssues(issues);
  return tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
