import type { Knex } from 'knex';
import type { OutboxRow } from './apply-effects.js';

/** Queues external effects in the transition's transaction; the outbox worker delivers them after commit. */
export async function insertOutbox(trx: Knex, rows: OutboxRow[], cause: { entity: string; recordId: string; historyId: number }): Promise<void> {
  if (!rows.length) return;
  await trx('lodestar_outbox').insert(
    rows.map((row) => ({ kind: row.kind, payload: JSON.stringify(row.payload), entity: cause.entity, record_id: cause.recordId, history_id: cause.historyId })),
  );
}
