import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';

/** What one unit of work (an HTTP request) has made durable so far. */
export interface WorkLog {
  committed: boolean;
}

const current = new AsyncLocalStorage<WorkLog>();
const watched = new WeakSet<object>();

/**
 * Runs `work` with a fresh log of committed writes: a later failure can then tell whether running
 * the work again would repeat something (a write outside a transaction, or a transaction's COMMIT).
 */
export function withWorkLog<T>(log: WorkLog, work: () => T): T {
  return current.run(log, work);
}

/** Notes a statement that ran outside a transaction and succeeded: if it writes, it is durable now. */
export function noteStatement(sql: string): void {
  const log = current.getStore();
  if (log && !log.committed && writes(sql)) log.committed = true;
}

/**
 * Follows a knex instance's statements into the running unit's log. A statement inside a transaction
 * counts only once its transaction commits (the COMMIT is noted before it runs: a failed commit is
 * counted too, which only ever forgoes a retry).
 */
export function watchCommits(knex: Knex): void {
  if (watched.has(knex)) return;
  watched.add(knex);
  knex.on('query', (query: { sql?: string; __knexTxId?: string }) => {
    if (query.__knexTxId && query.sql === 'COMMIT;') {
      const log = current.getStore();
      if (log) log.committed = true;
    }
  });
  knex.on('query-response', (_response: unknown, query: { sql?: string; __knexTxId?: string }) => {
    if (!query.__knexTxId && typeof query.sql === 'string') noteStatement(query.sql);
  });
}

// A plain select writes nothing (most statements end here); otherwise quoted identifiers and
// literals are removed first, so a field named "update" writes nothing either.
function writes(sql: string): boolean {
  if (/^\s*select\b/i.test(sql)) return false;
  return /\b(insert|update|delete|merge|truncate|create|alter|drop)\b/i.test(sql.replace(/"[^"]*"|'[^']*'/g, ''));
}
