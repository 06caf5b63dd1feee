import type { Knex } from 'knex';

/** The one module whose SQL names `lodestar_webhook_attempts`: the delivery log, one row per attempt. */
const ATTEMPTS = 'lodestar_webhook_attempts';

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  /** The receiver's HTTP status; null when there was no answer (refused, timed out). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export async function recordAttempt(knex: Knex, outboxId: number, attempt: Omit<DeliveryAttempt, 'at'>): Promise<void> {
  await knex(ATTEMPTS).insert({
    outbox_id: outboxId,
    attempt: attempt.attempt,
    status_code: attempt.statusCode,
    error: attempt.error,
    duration_ms: attempt.durationMs,
  });
}

/** The attempts of each given delivery, oldest first. */
export async function attemptsOf(knex: Knex, outboxIds: number[]): Promise<Map<number, DeliveryAttempt[]>> {
  const byDelivery = new Map<number, DeliveryAttempt[]>(outboxIds.map((id) => [id, []]));
  if (!outboxIds.length) return byDelivery;
  const rows = (await knex(ATTEMPTS).whereIn('outbox_id', outboxIds).orderBy('id')) as Record<string, unknown>[];
  for (const row of rows)
    byDelivery.get(Number(row.outbox_id))?.push({
      attempt: Number(row.attempt),
      at: new Date(row.at as Date).toISOString(),
      statusCode: row.status_code == null ? null : Number(row.status_code),
      error: (row.error as string | null) ?? null,
      durationMs: Number(row.duration_ms),
    });
  return byDelivery;
}
