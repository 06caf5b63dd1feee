import type { Knex } from 'knex';
import type { CompiledEntity } from '../model/compile-model.js';
import { runPrepared } from '../db/prepared.js';
import { quoteIdent } from '../records/quote-ident.js';
import { toUpdateSql, type Row } from '../records/records-repo.js';
import { auditPart, updatedChanges } from '../records/audit-parts.js';
import { outboxPart } from '../outbox/outbox-repo.js';
import { notificationsPart } from '../notifications/notifications-repo.js';
import type { CtePart } from './cte-parts.js';
import { historyPart } from './history-repo.js';
import { cancelEventTimersPart, cancelTimersPart, timersPart } from './timers-repo.js';
import type { TransitionWrite, WorkflowWrite } from './workflow-write.js';

export type { TransitionWrite } from './workflow-write.js';

/**
 * The parts every workflow write adds after the CTE `source` that wrote (or read) the record: its
 * history row `h`, the cancelled timers `c`, the new timers `t` and the outbox rows `o` (caused by `h`).
 * Each depends on `source`, so nothing is written when the record write matched no row.
 */
export function workflowParts(source: string, entity: string, recordId: string, write: WorkflowWrite): CtePart[] {
  return [
    historyPart(source, write.history),
    write.cancelTimers && cancelTimersPart(source, entity, recordId),
    write.movedTimers && cancelEventTimersPart(source, { entity, recordId, ...write.movedTimers }),
    write.timers.length > 0 && timersPart(source, write.timers),
    write.outbox.length > 0 && outboxPart({ entity, recordId }, write.outbox),
    Boolean(write.notifications?.length) && notificationsPart({ entity, recordId }, write.notifications!),
  ].filter((part): part is CtePart => Boolean(part));
}

/**
 * Writes a transition as ONE statement of data-modifying CTEs: the record update at the decided
 * version, its audit row, then its workflow parts. One statement is atomic on its own, so a transition
 * needs no explicit transaction unless an action writes other records; and every part depends on the
 * update, so a record that moved on meanwhile gets nothing written (undefined: the caller decides
 * again under a row lock).
 */
export async function writeTransition(
  db: Knex,
  entity: CompiledEntity,
  change: TransitionWrite,
): Promise<{ row: Row; historyId: number } | undefined> {
  const update = toUpdateSql(entity, change);
  const changes = updatedChanges(
    entity,
    'u',
    Object.keys(change.columns).filter(
      (name) => name !== 'updated_by' && name !== 'state_entered_at' && name !== 'sla_due_at',
    ),
  );
  const detail = {
    sql: '?::jsonb',
    bindings: [
      JSON.stringify({
        workflow: change.history.workflow,
        event: change.history.event,
        from: change.history.from,
        to: change.history.to,
      }),
    ],
  };
  const audit = auditPart(
    'u',
    entity,
    'transition',
    { actorId: change.history.actorId, requestId: change.requestId },
    changes,
    detail,
  );
  const [history, ...rest] = workflowParts('u', entity.id, change.id, change);
  const parts: CtePart[] = [
    { sql: `u as (${update.sql})`, bindings: update.bindings },
    history!,
    audit as CtePart,
    ...rest,
  ];
  const sql = `with ${parts.map((p) => p.sql).join(', ')} select u.*, (select id from h) as "__history_id" from u`;
  const row = (
    await runPrepared<Row>(
      db,
      sql,
      parts.flatMap((p) => p.bindings),
    )
  )[0];
  return row && { row, historyId: Number(row.__history_id) };
}

/**
 * Writes a start's workflow parts for a record already inserted in this transaction (a start whose
 * entry effects had to run first), as one statement reading the record as it now stands (and setting when
 * its first stage's SLA is due, which the business calendar read in this transaction decided).
 */
export async function writeStart(
  trx: Knex,
  entity: CompiledEntity,
  recordId: string,
  write: WorkflowWrite,
  slaDueAt?: Date | null,
): Promise<void> {
  const table = quoteIdent(entity.table.name);
  const parts: CtePart[] = [
    slaDueAt
      ? {
          sql: `r as (update ${table} set sla_due_at = ? where id = ? returning id, owner_id)`,
          bindings: [slaDueAt, recordId],
        }
      : { sql: `r as (select id, owner_id from ${table} where id = ?)`, bindings: [recordId] },
    ...workflowParts('r', entity.id, recordId, write),
  ];
  await trx.raw(
    `with ${parts.map((p) => p.sql).join(', ')} select 1`,
    parts.flatMap((p) => p.bindings),
  );
}
