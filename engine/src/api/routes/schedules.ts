import { Router } from 'express';
import type { ScheduleListing, ScheduleRun } from '@lodestar/core';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { nextDue } from '../../schedules/due-times.js';
import { findRun, latestRuns, listRuns, queueManualRun, type RunRow } from '../../schedules/runs-repo.js';
import { scheduleSpecsOf } from '../../schedules/schedule-specs.js';
import { actorOf } from '../actor.js';
import { adminOnly } from '../admin-only.js';
import { route } from '../contract/route.js';
import { SCHEDULES } from '../contract/schedules.js';
import { validQuery } from '../contract/validate.js';
import { modelOf } from '../pin-model.js';

/** The scheduled jobs of the published model, their run log and "run now", for administrators. */
export function schedulesRouter(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;
  router.use(adminOnly({ en: 'see and run scheduled jobs', zh: '查看和运行定时任务' }));
  const { routes } = SCHEDULES;
  route(router, routes.listSchedules, async (req, res) => {
    const specs = scheduleSpecsOf(modelOf(req).set.workflows);
    const last = await latestRuns(
      knex,
      specs.map((s) => s.key),
    );
    const now = ctx.clock();
    const data: ScheduleListing[] = specs.map((spec) => ({
      key: spec.key,
      workflow: spec.workflow,
      id: spec.id,
      title: spec.title,
      entity: spec.entity,
      cron: spec.cron,
      timeZone: spec.timeZone,
      action: spec.action.kind,
      enabled: spec.enabled,
      nextDueAt: spec.enabled ? (nextDue(spec.cron, spec.timeZone, now)?.toISOString() ?? null) : null,
      lastRun: last.has(spec.key) ? toRunJson(last.get(spec.key)!) : null,
    }));
    res.json({ data });
  });
  route(router, routes.listScheduleRuns, async (req, res) => {
    const query = validQuery<{ schedule: string; limit: number }>(req);
    const runs = await listRuns(knex, { ...(query.schedule && { key: query.schedule }), limit: query.limit ?? 50 });
    res.json({ data: runs.map(toRunJson) });
  });
  route(router, routes.getScheduleRun, async (req, res) => {
    const run = await findRun(knex, Number(req.params.run));
    if (!run) throw new NotFoundError({ en: 'no such run', zh: '没有这次运行' });
    res.json(toRunJson(run));
  });
  route(router, routes.runSchedule, async (req, res) => {
    const key = `${String(req.params.workflow)}/${String(req.params.id)}`;
    if (!scheduleSpecsOf(modelOf(req).set.workflows).some((s) => s.key === key))
      throw new NotFoundError({ en: `no schedule ${key}`, zh: `没有定时任务 ${key}` });
    const run = await queueManualRun(knex, key, actorOf(req).id, ctx.clock());
    ctx.nudgeSchedules?.();
    res.status(202).json(toRunJson(run));
  });
  return router;
}

function toRunJson(run: RunRow): ScheduleRun {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: run.id,
    schedule: run.scheduleKey,
    trigger: run.trigger,
    dueAt: run.dueAt.toISOString(),
    status: run.status,
    requestedBy: run.requestedBy,
    total: run.total,
    processed: run.processed,
    changed: run.changed,
    failed: run.failed,
    refusals: run.refusals,
    samples: run.samples,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
  };
}
