import type { Knex } from 'knex';
import type { Approval } from '../workflow/reference.js';
import { UUID_RE } from '../records/filter-values.js';

/** One history row as written: a start, a transition, an approval decision or an SLA breach. */
export interface HistoryEntry {
  entity: string;
  recordId: string;
  recordType: string | null;
  workflow: string;
  from: string | null;
  to: string;
  event: string;
  actorId: string | null;
  ownerId: string | null;
  comment?: string | undefined;
  approval?: { role: string; decision: 'approved' | 'rejected' } | undefined;
  modelVersion: number;
  at: Date;
}

/** A history row as the API answers it. */
export interface HistoryJson {
  id: number;
  workflow: string;
  from: string | null;
  to: string;
  event: string;
  actor: string | null;
  comment: string | null;
  approval: { role: string; decision: string } | null;
  at: string;
}

/** The columns of a history row, in the order historyValues gives them. */
export const HISTORY_COLUMNS = [
  'entity', 'record_id', 'record_type', 'workflow', 'from_state', 'to_state', 'event',
  'actor_id', 'owner_id', 'comment', 'approval_role', 'decision', 'model_version', 'at',
] as const;

/** A history entry as bindings for HISTORY_COLUMNS. */
export function historyValues(entry: HistoryEntry): Knex.RawBinding[] {
  return [
    entry.entity,
    entry.recordId,
    entry.recordType,
    entry.workflow,
    entry.from,
    entry.to,
    entry.event,
    asUserId(entry.actorId),
    asUserId(entry.ownerId),
    entry.comment ?? null,
    entry.approval?.role ?? null,
    entry.approval?.decision ?? null,
    entry.modelVersion,
    entry.at,
  ];
}

/** Appends one row and answers its id; history is never updated or deleted. */
export async function appendHistory(trx: Knex, entry: HistoryEntry): Promise<number> {
  const sql = `insert into lodestar_history (${HISTORY_COLUMNS.join(', ')}) values (${HISTORY_COLUMNS.map(() => '?').join(', ')}) returning id`;
  const result = (await trx.raw(sql, historyValues(entry))) as { rows: { id: string | number }[] };
  return Number(result.rows[0]!.id);
}

/** A record's history, oldest first. */
export async function readHistory(knex: Knex, entity: string, recordId: string): Promise<HistoryJson[]> {
  const rows = (await knex('lodestar_history')
    .where({ entity, record_id: recordId })
    .orderBy('id')
    .select('id', 'workflow', 'from_state', 'to_state', 'event', 'actor_id', 'comment', 'approval_role', 'decision', 'at')) as Record<string, unknown>[];
  return rows.map((row) => ({
    id: Number(row.id),
    workflow: row.workflow as string,
    from: (row.from_state as string | null) ?? null,
    to: row.to_state as string,
    event: row.event as string,
    actor: (row.actor_id as string | null) ?? null,
    comment: (row.comment as string | null) ?? null,
    approval: row.decision ? { role: row.approval_role as string, decision: row.decision as string } : null,
    at: (row.at as Date).toISOString(),
  }));
}

/** Approval decisions recorded since the record entered its current state (what `approvalGiven` judges). */
export async function approvalsSince(trx: Knex, entity: string, recordId: string, since: Date | null): Promise<Approval[]> {
  const query = trx('lodestar_history').where({ entity, record_id: recordId }).whereNotNull('decision').orderBy('id');
  if (since) query.where('at', '>=', since);
  const rows = (await query.select('approval_role', 'decision', 'actor_id', 'at')) as Record<string, unknown>[];
  return rows.map((row) => ({
    role: row.approval_role as string,
    decision: row.decision as Approval['decision'],
    by: (row.actor_id as string | null) ?? '',
    at: (row.at as Date).toISOString(),
  }));
}

// Actors without a user record (the engine itself, timers) are stored as no one.
function asUserId(id: string | null): string | null {
  return id && UUID_RE.test(id) ? id : null;
}
