import { Router, type RequestHandler } from 'express';
import type { AppContext } from '../../context.js';
import { LodestarError } from '../../errors.js';
import { HEALTH } from '../contract/health.js';
import { route } from '../contract/route.js';
import { sendProblem } from '../problem.js';
import { requestIdOf } from '../request-id.js';
import { checkReadiness, type CheckResult, type Readiness } from './health-checks.js';

/** 503: the engine runs but should get no traffic yet; `checks` says which check failed and why. */
class NotReady extends LodestarError {
  readonly status = 503;
  readonly type = 'not-ready';
  readonly title = 'Not ready';
}

/** A check as answered: no error objects (the route is public; errors go to the log). */
const shown = (c: CheckResult) => ({ ok: c.ok, ...(c.text && { detail: c.text.en, i18n: c.text }) });

function notReady(readiness: Readiness): NotReady {
  const failing = Object.entries(readiness.checks).filter(([, c]) => !c.ok);
  const line = (lang: 'en' | 'zh', separator: string) =>
    failing.map(([name, c]) => `${name}: ${c.text?.[lang] ?? ''}`).join(separator);
  return new NotReady(
    { en: `not ready: ${line('en', '; ')}`, zh: `尚未就绪：${line('zh', '；')}` },
    { extra: { checks: Object.fromEntries(Object.entries(readiness.checks).map(([n, c]) => [n, shown(c)])) } },
  );
}

/** `GET /health`, as it always answered (tests and `npm start` wait on it): the database answers a query. */
export function health(ctx: AppContext): RequestHandler {
  return async (_req, res) => {
    await ctx.db.knex.raw('select 1');
    res.json({ status: 'ok', modelVersion: ctx.models.current().version, database: ctx.db.kind });
  };
}

/**
 * `/health/live` (the process serves HTTP: restart it when this fails) and `/health/ready` (send it
 * traffic: database, engine migrations, model). Mounted before the API's model pinning, so a lost
 * database makes readiness answer 503 rather than fail on the way in.
 */
export function healthRouter(ctx: AppContext): Router {
  const router = Router();
  const started = Date.now();
  route(router, HEALTH.routes.live, (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'live', uptimeSeconds: (Date.now() - started) / 1000 });
  });
  route(router, HEALTH.routes.ready, async (req, res) => {
    const readiness = await checkReadiness(ctx.db.knex, ctx.models);
    res.set('Cache-Control', 'no-store');
    if (readiness.ready) {
      const checks = Object.fromEntries(Object.entries(readiness.checks).map(([n, c]) => [n, shown(c)]));
      res.json({ status: 'ready', modelVersion: readiness.modelVersion, checks });
      return;
    }
    const failures = Object.entries(readiness.checks).filter(([, c]) => !c.ok);
    ctx.log.warn(
      {
        reqId: requestIdOf(req),
        checks: Object.fromEntries(failures.map(([n, c]) => [n, String(c.error ?? c.text?.en)])),
      },
      'not ready',
    );
    sendProblem(res, notReady(readiness));
  });
  return router;
}
