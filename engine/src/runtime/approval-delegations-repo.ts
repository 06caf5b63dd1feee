import type { Knex } from 'knex';

/** The one module whose SQL names `lodestar_approval_delegations`: rows in and out, rules stay with callers. */
const DELEGATIONS = 'lodestar_approval_delegations';

type Db = Knex | Knex.Transaction;

/** A user's approvals handed to another user from `startsAt` until `endsAt`. */
export interface DelegationRow {
  userId: string;
  delegateId: string;
  startsAt: Date;
  endsAt: Date;
  setBy: string | null;
  setAt: Date;
}

const toRow = (row: Record<string, unknown>): DelegationRow => ({
  userId: row.user_id as string,
  delegateId: row.delegate_id as string,
  startsAt: row.starts_at as Date,
  endsAt: row.ends_at as Date,
  setBy: (row.set_by as string | null) ?? null,
  setAt: row.set_at as Date,
});

/** The user's delegation (current or future), if any. */
export async function findDelegation(db: Db, userId: string): Promise<DelegationRow | undefined> {
  const row = (await db(DELEGATIONS).where({ user_id: userId }).first()) as Record<string, unknown> | undefined;
  return row && toRow(row);
}

/** Every delegation still running or to come (the admin's list), ending soonest first. */
export async function listDelegations(db: Db, now: Date): Promise<DelegationRow[]> {
  const rows = (await db(DELEGATIONS)
    .where('ends_at', '>', now)
    .orderBy([{ column: 'ends_at' }, { column: 'user_id' }])) as Record<string, unknown>[];
  return rows.map(toRow);
}

/** Sets (or replaces) the user's delegation. */
export async function upsertDelegation(db: Db, row: Omit<DelegationRow, 'setAt'>, now: Date): Promise<DelegationRow> {
  const values = {
    user_id: row.userId,
    delegate_id: row.delegateId,
    starts_at: row.startsAt,
    ends_at: row.endsAt,
    set_by: row.setBy,
    set_at: now,
  };
  const [stored] = (await db(DELEGATIONS).insert(values).onConflict('user_id').merge().returning('*')) as Record<
    string,
    unknown
  >[];
  return toRow(stored!);
}

/** Removes the user's delegation; answers whether there was one. */
export async function deleteDelegation(db: Db, userId: string): Promise<boolean> {
  return (await db(DELEGATIONS).where({ user_id: userId }).delete()) > 0;
}

/** The users who handed their approvals to `delegateId` for a period holding `at` (by the delegations index). */
export async function delegatorIds(db: Db, delegateId: string, at: Date): Promise<string[]> {
  return (await db(DELEGATIONS)
    .where({ delegate_id: delegateId })
    .andWhere('ends_at', '>', at)
    .andWhere('starts_at', '<=', at)
    .orderBy('user_id')
    .pluck('user_id')) as string[];
}
