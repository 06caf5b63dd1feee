import type { Knex } from 'knex';
import type { Approval } from '../workflow/reference.js';
import { UUID_RE, type HistoryRow } from '@lodestar/core';
import type { CtePart } from './cte-parts.js';

/** The one module whose SQL names `lodestar_history`, with its pure half history-sql.ts (the reports' reads). */
const HISTORY = 'lodestar_history';

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
  /** An approval decision: the approver's role (or step id), the step, and whom a delegate decided for. */
  approval?: Pick<Approval, 'role' | 'step' | 'decision' | 'onBehalfOf'> | undefined;
  modelVersion: number;
  at: Date;
}

/** A history row as the API answers it (core's type: the runtime UI reads the same). */
export type HistoryJson = HistoryRow;

/** The columns of a history row, in the order historyValues gives them. */
export const HISTORY_COLUMNS = [
  'entity',
  'record_id',
  'record_type',
  'workflow',
  'from_state',
  'to_state',
  'event',
  'actor_id',
  'owner_id',
  'comment',
  'approval_role',
  'decision',
  'approval_step',
  'on_behalf_of',
  'model_version',
  'at',
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
    entry.approval?.step ?? null,
    entry.approval?.onBehalfOf ?? null,
    entry.modelVersion,
    entry.at,
  ];
}

/** Appends one row and answers its id; history is never updated or deleted. */
export async function appendHistory(trx: Knex, entry: HistoryEntry): Promise<number> {
  const sql = `insert into ${HISTORY} (${HISTORY_COLUMNS.join(', ')}) values (${HISTORY_COLUMNS.map(() => '?').join(', ')}) returning id`;
  const result = (await trx.raw(sql, historyValues(entry))) as { rows: { id: string | number }[] };
  return Number(result.rows[0]!.id);
}

/** A record's history, oldest first. */
/** When each record's history begins (its workflow start), by id: the instant of a record made in the past. */
export async function firstHistoryAt(knex: Knex, entity: string, ids: string[]): Promise<Map<string, Date>> {
  const rows = (await knex(HISTORY)
    .where({ entity })
    .whereIn('record_id', ids)
    .groupBy('record_id')
    .select('record_id')
    .min({ at: 'at' })) as { record_id: string; at: Date | string }[];
  return new Map(rows.map((row) => [row.record_id, new Date(row.at)]));
}

export async function readHistory(knex: Knex, entity: string, recordId: string): Promise<HistoryJson[]> {
  const rows = (await knex(HISTORY)
    .where({ entity, record_id: recordId })
    .orderBy('id')
    .select(
      'id',
      'workflow',
      'from_state',
      'to_state',
      'event',
      'actor_id',
      'comment',
      'approval_role',
      'decision',
      'approval_step',
      'on_behalf_of',
      'at',
    )) as Record<string, unknown>[];
  return rows.map((row) => ({
    id: Number(row.id),
    workflow: row.workflow as string,
    from: (row.from_state as string | null) ?? null,
    to: row.to_state as string,
    event: row.event as string,
    actor: (row.actor_id as string | null) ?? null,
    comment: (row.comment as string | null) ?? null,
    approval: row.decision
      ? {
          role: row.approval_role as string,
          decision: row.decision as Approval['decision'],
          ...(row.approval_step != null && { step: row.approval_step as string }),
          ...(row.on_behalf_of != null && { onBehalfOf: row.on_behalf_of as string }),
        }
      : null,
    at: (row.at as Date).toISOString(),
  }));
}

/** Approval decisions recorded since the record entered its current state (what `approvalGiven` judges). */
export async function approvalsSince(
  trx: Knex,
  entity: string,
  recordId: string,
  since: Date | null,
): Promise<Approval[]> {
  const query = trx(HISTORY).where({ entity, record_id: recordId }).whereNotNull('decision').orderBy('id');
  if (since) query.where('at', '>=', since);
  const rows = (await query.select(
    'approval_role',
    'approval_step',
    'decision',
    'actor_id',
    'on_behalf_of',
    'at',
  )) as Record<string, unknown>[];
  return rows.map((row) => ({
    role: row.approval_role as string,
    ...(row.approval_step != null && { step: row.approval_step as string }),
    decision: row.decision as Approval['decision'],
    by: (row.actor_id as string | null) ?? '',
    ...(row.on_behalf_of != null && { onBehalfOf: row.on_behalf_of as string }),
    at: (row.at as Date).toISOString(),
  }));
}

/** Approval decisions of many records of one entity since `since` (the approval inbox), oldest first. */
export async function approvalsOfRecords(
  db: Knex,
  entity: string,
  since: Date,
  recordIds: string[],
): Promise<Map<string, (Approval & { atDate: Date })[]>> {
  const byRecord = new Map<string, (Approval & { atDate: Date })[]>();
  if (!recordIds.length) return byRecord;
  const rows = (await db(HISTORY)
    .where({ entity })
    .whereIn('record_id', recordIds)
    .whereNotNull('decision')
    .where('at', '>=', since)
    .orderBy('id')
    .select('record_id', 'approval_role', 'approval_step', 'decision', 'actor_id', 'on_behalf_of', 'at')) as Record<
    string,
    unknown
  >[];
  for (const row of rows) {
    const list = byRecord.get(row.record_id as string) ?? [];
    list.push({
      role: row.approval_role as string,
      ...(row.approval_step != null && { step: row.approval_step as string }),
      decision: row.decision as Approval['decision'],
      by: (row.actor_id as string | null) ?? '',
      ...(row.on_behalf_of != null && { onBehalfOf: row.on_behalf_of as string }),
      at: (row.at as Date).toISOString(),
      atDate: row.at as Date,
    });
    byRecord.set(row.record_id as string, list);
  }
  return byRecord;
}

/**
 * The history row of a change, inserted from the CTE `source` that wrote the record (its id and its
 * owner after the write come from there); answers its id as `h`.
 */
export function historyPart(source: string, entry: Omit<HistoryEntry, 'ownerId' | 'recordId'>): CtePart {
  const values = historyValues({ ...entry, recordId: '', ownerId: null });
  return { sql: historySql(source), bindings: values.filter((_value, i) => i !== RECORD_ID && i !== OWNER_ID) };
}

const RECORD_ID = HISTORY_COLUMNS.indexOf('record_id');
const OWNER_ID = HISTORY_COLUMNS.indexOf('owner_id');
const historySqls = new Map<string, string>();

// The same text for every row of a source: built once (it is on every transition and create).
function historySql(source: string): string {
  let sql = historySqls.get(source);
  if (sql === undefined) {
    const selects = HISTORY_COLUMNS.map((_c, i) =>
      i === RECORD_ID ? `${source}.id` : i === OWNER_ID ? `${source}.owner_id` : '?',
    );
    historySqls.set(
      source,
      (sql = `h as (insert into ${HISTORY} (${HISTORY_COLUMNS.join(', ')}) select ${selects.join(', ')} from ${source} returning id)`),
    );
  }
  return sql;
}

/**
 * The `MIGRATE` history rows of records a publish moved, one per row of the CTE `source` (returning
 * id, record_type, owner_id). Bindings, in order: entity, workflow, from state, to state, actor, model version.
 */
export function migratedHistorySql(source: string): string {
  return `INSERT INTO ${HISTORY} (entity, record_id, record_type, workflow, from_state, to_state, event, actor_id, owner_id, model_version)
     SELECT ?::text, id, record_type, ?::text, ?::text, ?::text, 'MIGRATE', ?::uuid, owner_id, ?::int FROM ${source}`;
}

// Actors without a user record (the engine itself, timers) are stored as no one.
function asUserId(id: string | null): string | null {
  return id && UUID_RE.test(id) ? id : null;
}
