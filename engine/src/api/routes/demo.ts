import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { planDemoJob, runDemoJob, type DemoJob } from '../../demo/demo-job.js';
import { DEMO_PASSWORD, loadInstalledDemo } from '../../demo/load-installed.js';
import { removeDemo } from '../../demo/remove-demo.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { actorOf } from '../actor.js';
import { adminOnly } from '../admin-only.js';
import { DEMO } from '../contract/demo.js';
import { route } from '../contract/route.js';
import { modelOf } from '../pin-model.js';

/**
 * Sample data from the UI: on the embedded database the server holds the data folder, so `lodestar demo`
 * cannot run beside it. Same loader and remover as the CLI, on the model this request pinned.
 */
// The first run's job (demo/demo-job.ts): one at a time per server, kept in memory for the page to read back.
const JOBS = new WeakMap<AppContext, { job?: DemoJob }>();
function jobsOf(ctx: AppContext): { job?: DemoJob } {
  if (!JOBS.has(ctx)) JOBS.set(ctx, {});
  return JOBS.get(ctx)!;
}

/**
 * A job's progress by its id, mounted before sign-in is checked: on the embedded database the load holds the
 * only connection, and a session look-up would wait for it. Reads memory only; the id (random, answered only
 * to the administrator who started the job) is the key, and the demo users and password are left out.
 */
export function demoProgressRouter(ctx: AppContext): Router {
  const router = Router();
  const jobs = jobsOf(ctx);
  route(router, DEMO.routes.demoJobProgress, (req, res) => {
    const job = jobs.job;
    if (!job || job.id !== req.params.id)
      throw new NotFoundError({ en: 'no such sample data job', zh: '没有这个示例数据任务' });
    const { result: _result, ...progress } = job;
    res.json(progress);
  });
  return router;
}

export function demoRouter(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;
  const admins = adminOnly({ en: 'load and remove sample data', zh: '加载和删除示例数据' });
  route(router, DEMO.routes.loadDemo, admins, async (req, res) => {
    const summary = await loadInstalledDemo(knex, modelOf(req), ctx.definitionsDir, ctx.clock());
    res.status(201).json({
      counts: summary.counts,
      events: summary.events,
      refused: summary.refusedCount,
      users: summary.users,
      password: DEMO_PASSWORD,
    });
  });
  const jobs = jobsOf(ctx);
  route(router, DEMO.routes.startDemoJob, admins, (req, res) => {
    const preset = typeof req.body?.preset === 'string' ? req.body.preset : null;
    if (jobs.job?.status === 'running') {
      if (jobs.job.preset !== preset)
        throw new ConflictError({
          en: 'sample data are being prepared already; wait for that to finish',
          zh: '示例数据正在准备中，请等它完成',
        });
      res.status(202).json(jobs.job);
      return;
    }
    const next = planDemoJob(ctx.definitionsDir, preset);
    jobs.job = next;
    void runDemoJob(next, {
      knex,
      definitionsDir: ctx.definitionsDir,
      clock: ctx.clock,
      currentModel: () => ctx.models.current(),
      refreshModel: () => ctx.models.refresh(),
      publishedBy: actorOf(req).id,
    });
    res.status(202).json(next);
  });
  route(router, DEMO.routes.demoJob, admins, (_req, res) => {
    if (!jobs.job) throw new NotFoundError({ en: 'no sample data job has run yet', zh: '还没有运行过示例数据任务' });
    res.json(jobs.job);
  });
  route(router, DEMO.routes.removeDemo, admins, async (req, res) => {
    res.json({ counts: await removeDemo(knex, modelOf(req)) });
  });
  return router;
}
