import type { Knex } from 'knex';

/**
 * One `name as (…)` part of a WITH statement and its bindings, in text order. The parts that name an
 * engine table are built by that table's repository (history-repo, timers-repo, outbox/outbox-repo,
 * records/audit-parts), so a write stays one statement while each table's SQL lives in one module.
 */
export interface CtePart {
  sql: string;
  bindings: Knex.RawBinding[];
}
