import type { Knex } from 'knex';
import { sqlTime, type Clock } from './db-time.js';
import type { OutboxRow } from './types.js';

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
 * same row, and if this sender dies the rows come due again once the lease runs out.
 */
export async function claimDue(knex: Knex, options: ClaimOptions): Promise<OutboxRow[]> {
  const skip = options.skipKinds ?? [];
  const result = (await knex.raw(
    `update lodestar_outbox set attempts = attempts + 1, next_attempt_at = ?
     where id in (
       select id from lodestar_outbox
       where status = 'pending' and next_attempt_at <= ? and attempts < ?${skip.length ? ` and kind not in (${skip.map(() => '?').join(', ')})` : ''}
       order by next_attempt_at, id
       limit ?
       for update skip locked)
     returning *`,
    [sqlTime(knex, options.clock, options.leaseMs), sqlTime(knex, options.clock), options.maxAttempts, ...skip, options.limit],
  )) as { rows: Record<string, unknown>[] };
  return result.rows.map(toOutboxRow).sort((a, b) => a.id - b.id);
}

/**
 * Fails due rows that have used up their attempts without an outcome: each claim counted an attempt,
 * so these are rows whose senders kept dying mid-delivery. Without this they would stay pending forever.
 */
export async function failAbandoned(knex: Knex, options: { maxAttempts: number; clock?: Clock }): Promise<number> {
  const result = (await knex.raw(
    `update lodestar_outbox set status = 'failed',
       last_error = 'gave up after ' || attempts || ' attempts: the last sender never reported a result'
     where status = 'pending' and next_attempt_at <= ? and attempts >= ?
     returning id`,
    [sqlTime(knex, options.clock), options.maxAttempts],
  )) as { rows: unknown[] };
  return result.rows.length;
}

function toOutboxRow(row: Record<string, unknown>): OutboxRow {
  return {
    id: Number(row.id),
    kind: row.kind as string,
    payload: row.payload,
    entity: (row.entity as string | null) ?? null,
    recordId: (row.record_id as string | null) ?? null,
    historyId: row.history_id == null ? null : Number(row.history_id),
    status: row.status as OutboxRow['status'],
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at as Date,
    lastError: (row.last_error as string | null) ?? null,
    createdAt: row.created_at as Date,
    sentAt: (row.sent_at as Date | null) ?? null,
  };
}
