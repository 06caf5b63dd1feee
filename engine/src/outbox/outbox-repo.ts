import type { Knex } from 'knex';
import { sqlTime, type Clock } from './db-time.js';
import type { NewOutboxRow, OutboxRow } from './types.js';

/**
 * The one module whose SQL names `lodestar_outbox`: rows are written with a transition (inside its
 * one statement, or in its transaction), claimed, and settled here (engine/test/table-owners.test.ts).
 */
const OUTBOX = 'lodestar_outbox';

/** One `name as (…)` part of a WITH statement and its bindings, in text order. */
export interface OutboxCte {
  sql: string;
  bindings: Knex.RawBinding[];
}

/**
 * The outbox rows of a transition as the CTE `o`, caused by the history row of CTE `h` (nothing is
 * inserted when `h` inserted nothing, i.e. the record update matched no row).
 */
export function outboxPart(cause: { entity: string; recordId: string }, rows: NewOutboxRow[]): OutboxCte {
  const values = rows.map(() => '(?, ?::jsonb)').join(', ');
  return {
    sql: `o as (insert into ${OUTBOX} (kind, payload, entity, record_id, history_id) select v.kind, v.payload, ?, ?::uuid, h.id from (values ${values}) as v(kind, payload), h)`,
    bindings: [cause.entity, cause.recordId, ...rows.flatMap((o) => [o.kind, JSON.stringify(o.payload)])],
  };
}

/**
 * Settles a claimed row in its own short statement. The `attempts = ?` guard makes it a no-op when the
 * claim expired and another sender re-claimed the row (its attempt counts, not ours).
 */
export async function updateClaimed(
  knex: Knex,
  set: string,
  bindings: unknown[],
  [id, attempts]: readonly [number, number],
  returning = 'id',
): Promise<Record<string, unknown> | undefined> {
  const result = (await knex.raw(
    `update ${OUTBOX} set ${set} where id = ? and attempts = ? and status = 'pending' returning ${returning}`,
    [...bindings, id, attempts] as Knex.RawBinding[],
  )) as { rows: Record<string, unknown>[] };
  return result.rows[0];
}

export interface ClaimOptions {
  /** Most rows to claim. */
  limit: number;
  /** How long a claim holds before the row is due again; must outlast a delivery (a sender that crashed leaves it). */
  leaseMs: number;
  /** Rows already attempted this often are not claimed (see `failAbandoned`). */
  maxAttempts: number;
  /** Kinds this sender cannot deliver now (email without SMTP): they stay pending, attempts untouched. */
  skipKinds?: string[];
  clock?: Clock;
}

/**
 * Claims due rows in one autocommitted statement, so no transaction stays open while they are sent
 * (PGlite has one connection: an open transaction would stall every request for the network's sake).
 * Counting the attempt and pushing `next_attempt_at` out by a lease is the claim: other senders no
 * longer see the rows as due, SKIP LOCKED keeps two concurrent claims from waiting on or taking the
 * same row, and if this sender dies the rows come due again once the lease runs out. A row with an
 * `ordering_key` waits while an earlier row of the same key is pending (claimed, or due again later):
 * a record's change events go out one after the other, each after the one before succeeded or failed for good.
 */
export async function claimDue(knex: Knex, options: ClaimOptions): Promise<OutboxRow[]> {
  const skip = options.skipKinds ?? [];
  const result = (await knex.raw(
    `update ${OUTBOX} set attempts = attempts + 1, next_attempt_at = ?
     where id in (
       select id from ${OUTBOX}
       where status = 'pending' and next_attempt_at <= ? and attempts < ?${skip.length ? ` and kind not in (${skip.map(() => '?').join(', ')})` : ''}
         and (ordering_key is null or not exists (
           select 1 from ${OUTBOX} as earlier
           where earlier.ordering_key = ${OUTBOX}.ordering_key and earlier.status = 'pending' and earlier.id < ${OUTBOX}.id))
       order by next_attempt_at, id
       limit ?
       for update skip locked)
     returning *`,
    [
      sqlTime(knex, options.clock, options.leaseMs),
      sqlTime(knex, options.clock),
      options.maxAttempts,
      ...skip,
      options.limit,
    ],
  )) as { rows: Record<string, unknown>[] };
  return result.rows.map(toOutboxRow).sort((a, b) => a.id - b.id);
}

/**
 * Fails due rows that have used up their attempts without an outcome: each claim counted an attempt,
 * so these are rows whose senders kept dying mid-delivery. Without this they would stay pending forever.
 */
export async function failAbandoned(knex: Knex, options: { maxAttempts: number; clock?: Clock }): Promise<number> {
  const result = (await knex.raw(
    `update ${OUTBOX} set status = 'failed',
       last_error = 'gave up after ' || attempts || ' attempts: the last sender never reported a result'
     where status = 'pending' and next_attempt_at <= ? and attempts >= ?
     returning id`,
    [sqlTime(knex, options.clock), options.maxAttempts],
  )) as { rows: unknown[] };
  return result.rows.length;
}

/** One page of a webhook subscription's deliveries, newest first. */
export async function readSubscriptionDeliveries(
  knex: Knex,
  subscriptionId: string,
  options: { limit: number; beforeId?: number | undefined },
): Promise<OutboxRow[]> {
  const rows = (await knex(OUTBOX)
    .where('subscription_id', subscriptionId)
    .modify((q) => {
      if (options.beforeId !== undefined) q.where('id', '<', options.beforeId);
    })
    .orderBy('id', 'desc')
    .limit(options.limit)) as Record<string, unknown>[];
  return rows.map(toOutboxRow);
}

/**
 * Queues a subscription's delivery again now, with a fresh count of attempts (a person asked for it).
 * A sent row is retried too: the receiver may have lost what it accepted. Undefined when no such row.
 */
export async function retrySubscriptionDelivery(
  knex: Knex,
  subscriptionId: string,
  id: number,
): Promise<OutboxRow | undefined> {
  const result = (await knex.raw(
    `update ${OUTBOX} set status = 'pending', attempts = 0, next_attempt_at = now(), last_error = null, sent_at = null
     where id = ? and subscription_id = ? and status <> 'pending' returning *`,
    [id, subscriptionId],
  )) as { rows: Record<string, unknown>[] };
  const row = result.rows[0];
  if (row) return toOutboxRow(row);
  const pending = (await knex(OUTBOX).where({ id, subscription_id: subscriptionId }).first()) as
    Record<string, unknown> | undefined;
  return pending && toOutboxRow(pending);
}

function toOutboxRow(row: Record<string, unknown>): OutboxRow {
  return {
    id: Number(row.id),
    kind: row.kind as string,
    payload: row.payload,
    entity: (row.entity as string | null) ?? null,
    recordId: (row.record_id as string | null) ?? null,
    historyId: row.history_id == null ? null : Number(row.history_id),
    subscriptionId: (row.subscription_id as string | null) ?? null,
    status: row.status as OutboxRow['status'],
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at as Date,
    lastError: (row.last_error as string | null) ?? null,
    createdAt: row.created_at as Date,
    sentAt: (row.sent_at as Date | null) ?? null,
  };
}

/** Outbox rows pending, retrying and given up on (metrics/backlog.ts composes it into one statement). */
export const outboxBacklogSql = (): string =>
  `(select count(*) from ${OUTBOX} where status = 'pending') as outbox_pending,
    (select count(*) from ${OUTBOX} where status = 'pending' and attempts > 0) as outbox_retrying,
    (select count(*) from ${OUTBOX} where status = 'failed') as outbox_failed`;
