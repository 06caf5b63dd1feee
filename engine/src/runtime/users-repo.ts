import type { Knex } from 'knex';
import { UUID_RE } from '../records/filter-values.js';

/**
 * The addresses a `notify` reaches: `owner`, `owner.manager`, `actor` (looked up in the same
 * transaction, so an owner changed by this transition is the one notified) or a literal address.
 * Unknown or inactive users reach no one.
 */
export async function recipientsOf(trx: Knex, to: string, ids: { ownerId: unknown; actorId: string }): Promise<string[]> {
  if (to.includes('@')) return [to];
  const userId = to === 'actor' ? ids.actorId : ids.ownerId;
  if (typeof userId !== 'string' || !UUID_RE.test(userId)) return [];
  const sql =
    to === 'owner.manager'
      ? `select m.email from lodestar_users u join lodestar_users m on m.id = u.manager_id where u.id = ? and m.active`
      : `select email from lodestar_users where id = ? and active`;
  const result = (await trx.raw(sql, [userId])) as { rows: { email: string }[] };
  return result.rows.map((row) => row.email);
}

/**
 * The next active user holding `role`, in id order after the last one picked; the rotation row is
 * locked for the transaction, so concurrent assignments take turns instead of picking the same user.
 */
export async function nextInRotation(trx: Knex, role: string): Promise<string | undefined> {
  await trx.raw(`insert into lodestar_round_robin (role) values (?) on conflict (role) do nothing`, [role]);
  const last = (await trx.raw(`select last_user_id from lodestar_round_robin where role = ? for update`, [role])) as { rows: { last_user_id: string | null }[] };
  const after = last.rows[0]?.last_user_id ?? null;
  const pick = (await trx.raw(
    `select id from lodestar_users where active and ? = any(roles)
     order by (case when ?::uuid is not null and id > ?::uuid then 0 else 1 end), id limit 1`,
    [role, after, after],
  )) as { rows: { id: string }[] };
  const userId = pick.rows[0]?.id;
  if (userId) await trx.raw(`update lodestar_round_robin set last_user_id = ? where role = ?`, [userId, role]);
  return userId;
}
