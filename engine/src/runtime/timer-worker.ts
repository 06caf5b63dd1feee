import type { Knex } from 'knex';
import type { Logger } from '../log.js';
import type { ModelCache } from '../model/model-cache.js';
import { fireNextTimer } from './fire-timer.js';
import { failTimer } from './timers-repo.js';

export interface TimerWorkerDeps {
  knex: Knex;
  models: ModelCache;
  log: Logger;
  clock: () => Date;
  /** Called after a fired timer committed (its transition may have queued mail). */
  afterFire?: () => void;
}

export interface TimerWorker {
  /** Fires every timer due now; resolves with how many were handled. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

const MAX_ATTEMPTS = 10;

/**
 * Polls for due timers every `pollMs` and fires them one transaction each. Any number of engine
 * processes may run one: claiming skips rows another process holds.
 */
export function startTimerWorker(deps: TimerWorkerDeps, options: { pollMs?: number } = {}): TimerWorker {
  const pollMs = options.pollMs ?? 1000;
  let stopped = false;
  let running: Promise<number> | undefined;
  let handle: NodeJS.Timeout | undefined;

  const drainOnce = async (): Promise<number> => {
    let handled = 0;
    while (!stopped) {
      let claimed: number | undefined;
      let attempts = 0;
      const model = deps.models.current();
      try {
        const outcome = await fireNextTimer(deps.knex, model, deps.clock(), (timer) => {
          claimed = timer.id;
          attempts = timer.attempts;
        });
        if (outcome.kind === 'none') break;
        handled++;
        deps.afterFire?.();
      } catch (error) {
        if (claimed === undefined) throw error;
        // A publish changed the schema under this model: nothing was kept, fire again on the newer one.
        if ((await deps.models.refresh().catch(() => model)).version !== model.version) continue;
        // The transaction rolled back; count the attempt and retry later with backoff.
        const retryAt = new Date(deps.clock().getTime() + Math.min(2 ** attempts * 30_000, 3_600_000));
        deps.log.error({ err: error, timer: claimed }, 'timer failed; it will be retried');
        await failTimer(deps.knex, claimed, String((error as Error).message ?? error), {
          retryAt,
          maxAttempts: MAX_ATTEMPTS,
        });
      }
    }
    return handled;
  };

  const drain = (): Promise<number> => {
    running ??= drainOnce().finally(() => (running = undefined));
    return running;
  };

  const tick = async () => {
    try {
      await drain();
    } catch (error) {
      deps.log.error({ err: error }, 'timer poll failed');
    }
    if (!stopped) handle = setTimeout(tick, pollMs);
  };
  handle = setTimeout(tick, pollMs);

  return {
    drain,
    async stop() {
      stopped = true;
      if (handle) clearTimeout(handle);
      await running?.catch(() => undefined);
    },
  };
}
