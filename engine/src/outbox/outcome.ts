import type { Knex } from 'knex';
import { retryDelayMs, type BackoffPolicy } from './backoff.js';
import { sqlTime, type Clock } from './db-time.js';
import { updateClaimed as update } from './outbox-repo.js';
import type { DeliveryResult, OutboxRow } from './types.js';

/** What became of a claimed row; `lost` means its lease ran out and another sender has it now. */
export type Outcome = 'sent' | 'retried' | 'failed' | 'lost';

export interface OutcomeOptions {
  maxAttempts: number;
  backoff: BackoffPolicy;
  clock?: Clock;
}

/**
 * Stores the result of one attempt in its own short statement. The `attempts = ?` guard makes it a
 * no-op when the claim expired and another sender re-claimed the row (its attempt counts, not ours).
 */
export async function recordOutcome(
  knex: Knex,
  row: OutboxRow,
  result: DeliveryResult,
  options: OutcomeOptions,
): Promise<{ outcome: Outcome; nextAttemptAt?: Date }> {
  const guard = [row.id, row.attempts] as const;
  if (result.ok) {
    const sent = await update(
      knex,
      `status = 'sent', sent_at = ?, last_error = null`,
      [sqlTime(knex, options.clock)],
      guard,
    );
    return { outcome: sent ? 'sent' : 'lost' };
  }
  if (result.permanent || row.attempts >= options.maxAttempts) {
    const failed = await update(knex, `status = 'failed', last_error = ?`, [result.error], guard);
    return { outcome: failed ? 'failed' : 'lost' };
  }
  const at = sqlTime(knex, options.clock, retryDelayMs(row.attempts, options.backoff));
  const retried = await update(
    knex,
    `next_attempt_at = ?, last_error = ?`,
    [at, result.error],
    guard,
    'next_attempt_at',
  );
  return retried ? { outcome: 'retried', nextAttemptAt: retried.next_attempt_at as Date } : { outcome: 'lost' };
}
