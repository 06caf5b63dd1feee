import type { Knex } from 'knex';
import { importsBacklogSql } from '../import/imports-repo.js';
import { outboxBacklogSql } from '../outbox/outbox-repo.js';
import { timersBacklogSql } from '../runtime/timers-repo.js';

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
  const result = await knex.raw(
    `select ${timersBacklogSql(LATE_AFTER_SECONDS)}, ${outboxBacklogSql()}, ${importsBacklogSql()}`,
  );
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
