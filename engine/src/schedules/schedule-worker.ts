import type { Knex } from 'knex';
import type { Logger } from '../log.js';
import type { ModelCache } from '../model/model-cache.js';
import { dueToRun } from './due-times.js';
import { executeRun } from './run-schedule.js';
import { claimCronRun, lastCronDue, schedulesSince, takeOpenRun } from './runs-repo.js';
import { scheduleSpecsOf } from './schedule-specs.js';

export interface ScheduleWorkerDeps {
  knex: Knex;
  models: ModelCache;
  log: Logger;
  clock: () => Date;
  afterCommit?: () => void;
  /** The engine's daily upkeep (month partitions ahead, retention), run at the first poll of each UTC day. */
  daily?: () => Promise<unknown>;
}

export interface ScheduleWorkerOptions {
  pollMs?: number;
  batchSize?: number;
  /** A running run whose engine has not written progress for this long is taken over (resumed). */
  staleMs?: number;
}

export interface ScheduleWorker {
  /** Claims what is due now and runs it, with any queued or abandoned run; resolves with how many ran. */
  drain(): Promise<number>;
  /** Wakes the worker now (after "run now"). */
  nudge(): void;
  stop(): Promise<void>;
}

/**
 * Polls every `pollMs`: claims each schedule's due time (one engine wins it, see runs-repo), then runs
 * claimed, queued and abandoned runs one at a time. Any number of engines may run one.
 */
export function startScheduleWorker(deps: ScheduleWorkerDeps, options: ScheduleWorkerOptions = {}): ScheduleWorker {
  const pollMs = options.pollMs ?? 15_000;
  const staleMs = options.staleMs ?? 120_000;
  const runDeps = { ...deps, batchSize: options.batchSize ?? 5_000 };
  let stopped = false;
  let running: Promise<number> | undefined;
  let handle: NodeJS.Timeout | undefined;

  const claimDue = async () => {
    const model = deps.models.current();
    const specs = scheduleSpecsOf(model.set.workflows).filter((s) => s.enabled);
    const keys = specs.map((s) => s.key);
    const now = deps.clock();
    const since = await schedulesSince(deps.knex, keys, now);
    const last = await lastCronDue(deps.knex, keys);
    const claimed = [];
    for (const spec of specs) {
      const due = dueToRun(spec.cron, spec.timeZone, now, {
        since: since.get(spec.key) ?? now,
        lastDue: last.get(spec.key) ?? null,
      });
      if (!due) continue;
      const run = await claimCronRun(deps.knex, spec.key, due, model.version, now);
      if (run) claimed.push(run);
    }
    return claimed;
  };

  let lastDay = '';
  const dailyOnce = async () => {
    const day = deps.clock().toISOString().slice(0, 10);
    if (!deps.daily || day === lastDay) return;
    lastDay = day;
    try {
      await deps.daily();
    } catch (error) {
      deps.log.error({ err: error }, 'daily upkeep failed');
    }
  };

  const drainOnce = async (): Promise<number> => {
    await dailyOnce();
    let ran = 0;
    for (const run of await claimDue()) {
      if (stopped) return ran;
      await executeRun(runDeps, deps.models.current(), run);
      ran++;
    }
    while (!stopped) {
      const now = deps.clock();
      const run = await takeOpenRun(deps.knex, new Date(now.getTime() - staleMs), now);
      if (!run) break;
      await executeRun(runDeps, deps.models.current(), run);
      ran++;
    }
    return ran;
  };

  const drain = (): Promise<number> => {
    running ??= drainOnce().finally(() => (running = undefined));
    return running;
  };

  const schedule = (ms: number) => {
    if (handle) clearTimeout(handle);
    if (!stopped) handle = setTimeout(tick, ms);
  };
  const tick = async () => {
    handle = undefined;
    try {
      await drain();
    } catch (error) {
      deps.log.error({ err: error }, 'schedule poll failed');
    }
    schedule(pollMs);
  };
  schedule(pollMs);

  return {
    drain,
    nudge: () => schedule(0),
    async stop() {
      stopped = true;
      if (handle) clearTimeout(handle);
      await running?.catch(() => undefined);
    },
  };
}
