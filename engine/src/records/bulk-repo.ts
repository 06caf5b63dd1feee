import type { Knex } from 'knex';

/** The first answer to a request, kept under its idempotency key. */
export interface StoredAnswer {
  status: number;
  answer: unknown;
}

export type Claim = { claimed: true } | { claimed: false; hash: string; stored: StoredAnswer };

const TABLE = 'lodestar_bulk_requests';

/**
 * Claims an idempotency key for a request in the caller's transaction. A concurrent request with the same
 * key waits on the row until this transaction ends (PostgreSQL's unique index does the waiting), then sees
 * the stored answer: a key is answered once. An expired row is taken over.
 */
export async function claimKey(
  trx: Knex,
  claim: { userId: string; key: string; entity: string; hash: string; now: Date; expiresAt: Date },
): Promise<Claim> {
  await trx(TABLE).where('expires_at', '<', claim.now).del();
  const inserted = await trx(TABLE)
    .insert({
      user_id: claim.userId,
      key: claim.key,
      entity: claim.entity,
      hash: claim.hash,
      expires_at: claim.expiresAt,
    })
    .onConflict(['user_id', 'key'])
    .ignore()
    .returning('key');
  if (inserted.length) return { claimed: true };
  const row = (await trx(TABLE).where({ user_id: claim.userId, key: claim.key }).first('hash', 'status', 'answer')) as
    { hash: string; status: number; answer: unknown } | undefined;
  // Gone between the two statements (expired and purged by another request): claim it again.
  if (!row) return claimKey(trx, claim);
  return { claimed: false, hash: row.hash, stored: { status: row.status, answer: row.answer } };
}

/** Stores the answer under a claimed key, in the transaction of the writes it reports. */
export async function storeAnswer(trx: Knex, userId: string, key: string, stored: StoredAnswer): Promise<void> {
  await trx(TABLE)
    .where({ user_id: userId, key })
    .update({ status: stored.status, answer: JSON.stringify(stored.answer) });
}
