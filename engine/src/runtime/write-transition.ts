import type { Knex } from 'knex';
import type { CompiledEntity } from '../model/compile-model.js';
import { toUpdateSql, type Row } from '../records/records-repo.js';
import { historyValues, HISTORY_COLUMNS, type HistoryEntry } from './history-repo.js';

/**
 * Writes a transition's record update, its history row and (when the record left its state) the
 * cancellation of its pending timers as ONE statement of data-modifying CTEs: a transition is hot,
 * and each round trip inside the locked transaction holds the row lock longer.
 */
export async function writeTransition(
  trx: Knex,
  entity: CompiledEntity,
  change: { id: string; version: number; columns: Row; history: Omit<HistoryEntry, 'ownerId'>; cancelTimers: boolean },
): Promise<{ row: Row; historyId: number }> {
  const update = toUpdateSql(entity, change);
  // The history row takes the owner the update leaves (an action may have assigned one).
  const values = historyValues({ ...change.history, ownerId: null });
  const ownerAt = HISTORY_COLUMNS.indexOf('owner_id');
  const selects = values.map((_value, i) => (i === ownerAt ? 'u.owner_id' : i === 1 ? 'u.id' : '?'));
  const bindings = [...update.bindings, ...values.filter((_value, i) => i !== ownerAt && i !== 1)];
  let sql = `with u as (${update.sql}), h as (insert into lodestar_history (${HISTORY_COLUMNS.join(', ')}) select ${selects.join(', ')} from u returning id)`;
  if (change.cancelTimers) {
    sql += `, c as (update lodestar_timers set status = 'cancelled', done_at = now() where entity = ? and record_id = ? and status = 'pending' and exists (select 1 from u))`;
    bindings.push(entity.id, change.id);
  }
  sql += ` select u.*, (select id from h) as "__history_id" from u`;
  const result = (await trx.raw(sql, bindings)) as { rows: Row[] };
  const row = result.rows[0];
  if (!row) throw new Error(`${entity.id} ${change.id} changed under its row lock`);
  return { row, historyId: Number(row.__history_id) };
}
