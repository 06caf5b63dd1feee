import type { Knex } from 'knex';
import { activeEmailOf } from '../identity/users-repo.js';
import { UUID_RE } from '@lodestar/core';

/**
 * The addresses a `notify` reaches: `owner`, `owner.manager`, `actor` (looked up in the same
 * transaction, so an owner changed by this transition is the one notified) or a literal address.
 * Unknown or inactive users reach no one.
 */
export async function recipientsOf(
  trx: Knex,
  to: string,
  ids: { ownerId: unknown; actorId: string },
): Promise<string[]> {
  if (to.includes('@')) return [to];
  const userId = to === 'actor' ? ids.actorId : ids.ownerId;
  if (typeof userId !== 'string' || !UUID_RE.test(userId)) return [];
  return activeEmailOf(trx, userId, to === 'owner.manager');
}
