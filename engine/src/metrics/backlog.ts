import type { Knex } from 'knex';

/** Work waiting in the engine's tables, as one scrape reads it. */
export interface Backlog {
  timersDue: number;
  timersLate: number;
  outboxPending: number;
  outboxRetrying: number;
  outboxFailed: number;
  importsQueued: number;
  importsRunning: number;
}

/** A timer is late when it is due longer than this: the timer worker polls every second. */
export const LATE_AFTER_SECONDS = 60;

/**
 * One statement, database time. Pending timers and outbox rows are read through their partial indexes;
 * failed outbox rows have no index of their own (the table's size bounds that count's cost).
 */
export async function readBacklog(knex: Knex): Promise<Backlog> {
  const result = await knex.raw(`select
    (select count(*) from lodestar_timers where status = 'pending' and due_at <= now()) as timers_due,
    (select count(*) from lodestar_timers where status = 'pending'
       and due_at <= now() - interval '${LATE_AFTER_SECONDS} seconds') as timers_late,
    (select count(*) from lodestar_outbox where status = 'pending') as outbox_pending,
    (select count(*) from lodestar_outbox where status = 'pending' and attempts > 0) as outbox_retrying,
    (select count(*) from lodestar_outbox where status = 'failed') as outbox_failed,
    (select count(*) from lodestar_imports where status = 'queued') as imports_queued,
    (select count(*) from lodestar_imports where status = 'running') as imports_running`);
  const row = (result as { rows: Record<string, string | number>[] }).rows[0]!;
  return {
    timersDue: Number(row.timers_due),
    timersLate: Number(row.timers_late),
    outboxPending: Number(row.outbox_pending),
    outboxRetrying: Number(row.outbox_retrying),
    outboxFailed: Number(row.outbox_failed),
    importsQueued: Number(row.imports_queued),
    importsRunning: Number(row.imports_running),
  };
}
