import type { Knex } from 'knex';
import type { CompiledEntity } from '../model/compile-model.js';
import { runPrepared } from '../db/prepared.js';
import { toUpdateSql, type Row } from '../records/records-repo.js';
import type { NewOutboxRow } from '../outbox/types.js';
import { outboxPart } from '../outbox/outbox-repo.js';
import { auditPart, updatedChanges } from '../records/audit-parts.js';
import { historyPart, type HistoryEntry } from './history-repo.js';
import { cancelTimersPart, timersPart, type TimerRow } from './timers-repo.js';

/** Everything one transition writes. */
export interface TransitionWrite {
  id: string;
  /** The version the decision was made on: the update matches only while the record is still at it. */
  version: number;
  columns: Row;
  history: Omit<HistoryEntry, 'ownerId' | 'recordId'>;
  /** Cancel the record's pending timers (it left its state). */
  cancelTimers: boolean;
  timers: TimerRow[];
  outbox: NewOutboxRow[];
  /** The request that sent the event, for the audit trail. */
  requestId?: string | undefined;
}

/**
 * Writes a transition as ONE statement of data-modifying CTEs: the record update at the decided
 * version, its history row, the cancelled and new timers, the outbox rows. One statement is atomic
 * on its own, so a transition needs no explicit transaction unless an action writes other records;
 * and every part depends on the update, so a record that moved on meanwhile gets nothing written
 * (undefined: the caller decides again under a row lock).
 */
export async function writeTransition(db: Knex, entity: CompiledEntity, change: TransitionWrite): Promise<{ row: Row; historyId: number } | undefined> {
  const update = toUpdateSql(entity, change);
  const history = historyPart('u', change.history);
  const bindings: Knex.RawBinding[] = [...update.bindings, ...history.bindings];
  const changes = updatedChanges(entity, 'u', Object.keys(change.columns).filter((name) => name !== 'updated_by' && name !== 'state_entered_at'));
  const detail = { sql: '?::jsonb', bindings: [JSON.stringify({ workflow: change.history.workflow, event: change.history.event, from: change.history.from, to: change.history.to })] };
  const audit = auditPart('u', entity, 'transition', { actorId: change.history.actorId, requestId: change.requestId }, changes, detail);
  const parts = [`u as (${update.sql})`, history.sql, audit.sql];
  bindings.push(...(audit.bindings as Knex.RawBinding[]));
  const more = [
    change.cancelTimers && cancelTimersPart('u', entity.id, change.id),
    change.timers.length > 0 && timersPart('u', change.timers),
    change.outbox.length > 0 && outboxPart({ entity: entity.id, recordId: change.id }, change.outbox),
  ];
  for (const part of more) {
    if (!part) continue;
    parts.push(part.sql);
    bindings.push(...part.bindings);
  }
  const sql = `with ${parts.join(', ')} select u.*, (select id from h) as "__history_id" from u`;
  const row = (await runPrepared<Row>(db, sql, bindings))[0];
  return row && { row, historyId: Number(row.__history_id) };
}
