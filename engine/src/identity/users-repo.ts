import type { Knex } from 'knex';
import { runPrepared } from '../db/prepared.js';
import { forgetPrincipals } from './principal-cache.js';

/**
 * The repository of the directory tables: `lodestar_users`, `lodestar_sessions`, `lodestar_api_keys`,
 * `lodestar_org_units` and `lodestar_round_robin`. Rules (who may do what, audit, the last administrator)
 * stay with the callers; here are only rows in and rows out, so a column change is made in one place.
 * Its pure half is the team-members subquery in permissions/scope-condition.ts (engine/test/table-owners.test.ts).
 */

type Db = Knex | Knex.Transaction;
export type UserRow = Record<string, unknown>;

const USERS = 'lodestar_users';
const SESSIONS = 'lodestar_sessions';
const API_KEYS = 'lodestar_api_keys';
const ORG_UNITS = 'lodestar_org_units';

// ---- users

export const findUserById = (db: Db, id: string, lock?: 'update' | 'share'): Promise<UserRow | undefined> =>
  db(USERS)
    .where({ id })
    .modify((q) => (lock === 'update' ? q.forUpdate() : lock === 'share' ? q.forShare() : q))
    .first();

export const findUserByEmail = (db: Db, email: string, lock?: 'share'): Promise<UserRow | undefined> =>
  db(USERS)
    .where({ email })
    .modify((q) => lock === 'share' && q.forShare())
    .first();

export const listUserRows = (db: Db): Promise<UserRow[]> => db(USERS).orderBy('email');

/** Active users by display name: the directory everyone may read (no roles, no login data). */
export const listActiveDirectory = (
  db: Db,
): Promise<{ id: string; display_name: string; email: string; org_unit_id: string | null }[]> =>
  db(USERS)
    .select('id', 'display_name', 'email', 'org_unit_id')
    .where({ active: true })
    .orderBy([{ column: 'display_name' }, { column: 'id' }]);

/** Display names (or else emails) of the given users. */
export const userNameRows = (
  db: Db,
  ids: string[],
): Promise<{ id: string; display_name: string | null; email: string }[]> =>
  db(USERS).whereIn('id', ids).select('id', 'display_name', 'email');

/** Names and managers of the given users (the approval inbox: owners' names, whose manager decides). */
export const userManagerRows = (
  db: Db,
  ids: string[],
): Promise<{ id: string; display_name: string | null; email: string; manager_id: string | null }[]> =>
  db(USERS).whereIn('id', ids).select('id', 'display_name', 'email', 'manager_id');

/** The users whose manager is one of the given users, leavers included (their records still need deciding). */
export const reportIds = (db: Db, managerIds: string[]): Promise<string[]> =>
  db(USERS).whereIn('manager_id', managerIds).orderBy('id').pluck('id');

/** Which of the given ids are active users. */
export async function activeUserIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return new Set(
    ((await db(USERS).whereIn('id', ids).andWhere('active', true).select('id')) as { id: string }[]).map((u) => u.id),
  );
}

export async function countUserRows(db: Db): Promise<number> {
  const [row] = await db(USERS).count<{ count: string | number }[]>('* as count');
  return Number(row!.count);
}

/** The first-run setup holds this until it commits, so two visitors cannot both become the first admin. */
export async function lockUsersTable(trx: Knex.Transaction): Promise<void> {
  await trx.raw(`lock table ${USERS} in exclusive mode`);
}

export async function insertUserRow(trx: Db, columns: Record<string, unknown>): Promise<UserRow> {
  const [row] = await trx(USERS).insert(columns).returning('*');
  return row as UserRow;
}

export async function updateUserRow(trx: Db, id: string, columns: Record<string, unknown>): Promise<UserRow> {
  const [row] = await trx(USERS).where({ id }).update(columns).returning('*');
  forgetPrincipals();
  return row as UserRow;
}

/**
 * Serializes manager changes (and bulk invites) for the transaction: two that would each close half of a
 * loop (A under B, B under A) then see each other's row, so the second is refused.
 */
export async function lockManagerChanges(trx: Knex.Transaction): Promise<void> {
  await trx.raw(`select pg_advisory_xact_lock(hashtext('lodestar_users.manager_id'))`);
}

/** The user `id` and everyone above them by manager, each with their manager and name (at most 1,000 up). */
export async function managerChainRows(
  db: Db,
  id: string,
): Promise<{ id: string; manager_id: string | null; display_name: string; email: string }[]> {
  const result = (await db.raw(
    `with recursive up(id, manager_id, display_name, email, depth) as (
       select id, manager_id, display_name, email, 0 from ${USERS} where id = ?
       union all
       select u.id, u.manager_id, u.display_name, u.email, up.depth + 1 from ${USERS} u join up on u.id = up.manager_id
       where up.depth < 1000)
     select id, manager_id, display_name, email from up`,
    [id],
  )) as { rows: { id: string; manager_id: string | null; display_name: string; email: string }[] };
  return result.rows;
}

/** The active administrators, locked in id order (one order for every caller, so no deadlock). */
export const lockActiveAdmins = (trx: Knex.Transaction): Promise<string[]> =>
  trx(USERS).where({ active: true }).whereRaw(`'admin' = any(roles)`).orderBy('id').forUpdate().pluck('id');

// ---- sessions and API keys

export async function insertSession(
  db: Db,
  row: { token_hash: string; user_id: string; expires_at: Date },
): Promise<void> {
  await db(SESSIONS).insert(row);
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db(SESSIONS).where({ token_hash: tokenHash }).del();
  forgetPrincipals();
}

/** Ends a user's sessions (but `keepTokenHash`) and, unless `keepKeys`, revokes their API keys. */
export async function endUserAccess(
  db: Db,
  userId: string,
  options: { keepTokenHash?: string; keepKeys?: boolean },
): Promise<void> {
  await db(SESSIONS)
    .where({ user_id: userId })
    .modify((q) => options.keepTokenHash && q.whereNot({ token_hash: options.keepTokenHash }))
    .del();
  if (!options.keepKeys)
    await db(API_KEYS).where({ user_id: userId }).whereNull('revoked_at').update({ revoked_at: db.fn.now() });
  forgetPrincipals();
}

// Asked whenever the process's principal cache cannot answer, so fetch only what a principal needs (not the
// password hash), as a prepared statement: knex's query building cost more client CPU than the lookup itself.
const PRINCIPAL =
  'u.id, u.email, u.display_name, u.roles, u.org_unit_id, u.manager_id, u.active, u.must_change_password';
const PRINCIPAL_BY_KEY = `select ${PRINCIPAL} from ${API_KEYS} k join ${USERS} u on u.id = k.user_id where k.key_hash = ? and u.active and k.revoked_at is null limit 1`;
// A session's end comes along: a remembered principal is still held to it.
const PRINCIPAL_BY_SESSION = `select ${PRINCIPAL}, s.expires_at as session_expires_at from ${SESSIONS} s join ${USERS} u on u.id = s.user_id where s.token_hash = ? and u.active and s.expires_at > ? limit 1`;

/** The active user behind an unrevoked API key's hash, or a live session's hash. */
export async function findPrincipalRow(
  db: Db,
  via: 'apiKey' | 'session',
  hash: string,
  now: Date,
): Promise<UserRow | undefined> {
  const rows =
    via === 'apiKey'
      ? await runPrepared<UserRow>(db, PRINCIPAL_BY_KEY, [hash])
      : await runPrepared<UserRow>(db, PRINCIPAL_BY_SESSION, [hash, now]);
  return rows[0];
}

export async function insertApiKey(
  db: Db,
  row: { user_id: string; name: string; key_hash: string; prefix: string },
): Promise<string> {
  const [inserted] = await db(API_KEYS).insert(row).returning('id');
  return inserted.id as string;
}

export const listApiKeyRows = (db: Db, userId: string): Promise<Record<string, unknown>[]> =>
  db(API_KEYS)
    .where({ user_id: userId })
    .orderBy('created_at')
    .select('id', 'name', 'prefix', 'created_at', 'revoked_at');

/** Revokes one of the user's own live keys; false when there is none with that id. */
export async function revokeApiKey(db: Db, id: string, userId: string): Promise<boolean> {
  const revoked =
    (await db(API_KEYS).where({ id, user_id: userId }).whereNull('revoked_at').update({ revoked_at: db.fn.now() })) > 0;
  forgetPrincipals();
  return revoked;
}

// ---- org units

/**
 * Fragments other repositories compose into their one statement (saved views name their owners and reach
 * the units above the reader): this module stays the only one naming the identity tables.
 */
export const userNameJoinSql = (alias: string, on: string): string =>
  `join ${USERS} as ${alias} on ${alias}.id = ${on}`;
/** The ids of the unit bound to the next `?` and of every unit above it. */
export const unitAndAboveSql = (): string =>
  `select p.id from ${ORG_UNITS} as p, ${ORG_UNITS} as mine where mine.id = ? and mine.path like p.path || '%'`;

export const findOrgUnitPath = async (db: Db, id: string): Promise<string | undefined> =>
  (await db(ORG_UNITS).where({ id }).first('path'))?.path;

export async function insertOrgUnitRow(
  db: Db,
  row: { id: string; parent_id: unknown; name: string; path: string },
): Promise<Record<string, unknown>> {
  const [inserted] = await db(ORG_UNITS).insert(row).returning('*');
  return inserted as Record<string, unknown>;
}

/** Deletes users and org units (the demo company's); their sessions, keys and notifications go by cascade. */
export async function deleteUsersAndUnits(trx: Db, userIds: string[], unitIds: string[]): Promise<void> {
  if (userIds.length) await trx(USERS).whereIn('id', userIds).del();
  if (unitIds.length) await trx(ORG_UNITS).whereIn('id', unitIds).del();
  forgetPrincipals();
}

/** The unit's row, locked for the transaction. */
export const findOrgUnitRow = (db: Db, id: string, lock?: 'update'): Promise<Record<string, unknown> | undefined> =>
  db(ORG_UNITS)
    .where({ id })
    .modify((q) => lock === 'update' && q.forUpdate())
    .first();

/** Serializes moves in the org tree: a move rewrites the paths below the unit, which another move may be reading. */
export async function lockOrgTree(trx: Knex.Transaction): Promise<void> {
  await trx.raw(`lock table ${ORG_UNITS} in share row exclusive mode`);
}

/** Moves the unit at `oldPath` (and everything below it) to `newPath`, under `parentId`, renamed when `name` is given. */
export async function moveOrgUnitRows(
  trx: Db,
  id: string,
  change: { parentId: string | null; oldPath: string; newPath: string; name?: string },
): Promise<Record<string, unknown>> {
  await trx(ORG_UNITS)
    .where('path', 'like', `${change.oldPath}%`)
    .update({ path: trx.raw('? || substr(path, ?)', [change.newPath, change.oldPath.length + 1]) });
  const [row] = await trx(ORG_UNITS)
    .where({ id })
    .update({ parent_id: change.parentId, ...(change.name !== undefined && { name: change.name }) })
    .returning('*');
  return row as Record<string, unknown>;
}

export const listOrgUnitRows = (db: Db): Promise<Record<string, unknown>[]> => db(ORG_UNITS).orderBy('path');

export const orgUnitIdsUnder = (db: Db, path: string): Promise<string[]> =>
  db(ORG_UNITS).where('path', 'like', `${path}%`).pluck('id');

// ---- what workflows read and write

/** The active user with this id, if any. */
export const isActiveUser = async (db: Db, id: string): Promise<boolean> =>
  Boolean(await db(USERS).where({ id, active: true }).first('id'));

/** Whom a notification reaches, by kind; each list may be empty. */
export interface Reach {
  userIds: string[];
  /** Users whose managers are reached. */
  managersOf: string[];
  roles: string[];
  /** Org units by id or name: their members. */
  units: string[];
  /** Org units by id or name: their members and the members of every unit below them. */
  unitsBelow: string[];
}

/** A list as a PostgreSQL array literal: one binding on every driver. */
const arrayLiteral = (items: string[]): string => `{${items.map((i) => `"${i.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

/** The active users `reach` names, each once, in id order. */
export async function activeUsersReached(
  db: Db,
  reach: Reach,
): Promise<{ id: string; email: string; display_name: string; lang: string | null }[]> {
  const units = (below: boolean) =>
    `u.org_unit_id in (select c.id from ${ORG_UNITS} o join ${ORG_UNITS} c on ${below ? `c.path like o.path || '%'` : 'c.id = o.id'}
       where o.id::text = any(?::text[]) or o.name = any(?::text[]))`;
  const result = (await db.raw(
    `select u.id, u.email, u.display_name, u.lang from ${USERS} u where u.active and (
       u.id = any(?::uuid[])
       or u.id in (select m.manager_id from ${USERS} m where m.id = any(?::uuid[]))
       or u.roles && ?::text[]
       or ${units(false)}
       or ${units(true)})
     order by u.id`,
    [reach.userIds, reach.managersOf, reach.roles, reach.units, reach.units, reach.unitsBelow, reach.unitsBelow].map(
      arrayLiteral,
    ),
  )) as { rows: { id: string; email: string; display_name: string; lang: string | null }[] };
  return result.rows;
}

/** Remembers the language a user reads the product in (notifications and mails are written in it). */
export async function setUserLang(db: Db, id: string, lang: 'zh' | 'en'): Promise<void> {
  await db(USERS).where({ id }).update({ lang });
  forgetPrincipals();
}

/**
 * The next active user holding `role`, in id order after the last one picked; the rotation row is
 * locked for the transaction, so concurrent assignments take turns instead of picking the same user.
 */
export async function nextInRotation(trx: Db, role: string): Promise<string | undefined> {
  await trx.raw(`insert into lodestar_round_robin (role) values (?) on conflict (role) do nothing`, [role]);
  const last = (await trx.raw(`select last_user_id from lodestar_round_robin where role = ? for update`, [role])) as {
    rows: { last_user_id: string | null }[];
  };
  const after = last.rows[0]?.last_user_id ?? null;
  const pick = (await trx.raw(
    `select id from ${USERS} where active and ? = any(roles)
     order by (case when ?::uuid is not null and id > ?::uuid then 0 else 1 end), id limit 1`,
    [role, after, after],
  )) as { rows: { id: string }[] };
  const userId = pick.rows[0]?.id;
  if (userId) await trx.raw(`update lodestar_round_robin set last_user_id = ? where role = ?`, [userId, role]);
  return userId;
}

/** How many users a database holds, for a PGlite folder read on its own (db/pglite-archive.ts). */
export const COUNT_USERS_SQL = `select count(*)::int as n from ${USERS}`;
