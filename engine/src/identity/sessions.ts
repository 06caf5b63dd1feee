import type { Knex } from 'knex';
import { UnauthorizedError } from '../errors.js';
import { API_KEY_PREFIX, decoyHash, hashSecret, newSecret, SESSION_PREFIX, verifyPassword } from './secrets.js';
import { toUserJson, type UserJson } from './users.js';

export const SESSION_HOURS = 12;
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

/** Who a valid token or API key belongs to. */
export interface Principal {
  user: UserJson;
  /** 'session' for a login token, 'apiKey' for an integration key. */
  via: 'session' | 'apiKey';
}

/**
 * Checks email and password. Five wrong passwords in a row lock the account for 15 minutes; the
 * answer never says whether the email exists, and a miss costs as much time as a wrong password.
 */
export async function login(knex: Knex, email: string, password: string, now: Date): Promise<{ token: string; expiresAt: Date; user: UserJson }> {
  const row = await knex('lodestar_users').where({ email: email.trim().toLowerCase() }).first();
  if (!row) {
    await verifyPassword(await decoyHash(), password);
    throw badCredentials();
  }
  if (row.locked_until && new Date(row.locked_until) > now) {
    throw new UnauthorizedError('too many failed logins: the account is locked for a while; try again later', { extra: { lockedUntil: new Date(row.locked_until).toISOString() } });
  }
  if (!(await verifyPassword(row.password_hash, password)) || !row.active) {
    const failures = Number(row.failed_logins) + 1;
    const lock = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await knex('lodestar_users').where({ id: row.id }).update({ failed_logins: lock ? 0 : failures, locked_until: lock });
    throw badCredentials();
  }
  await knex('lodestar_users').where({ id: row.id }).update({ failed_logins: 0, locked_until: null, last_login_at: now });
  const token = newSecret(SESSION_PREFIX);
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await knex('lodestar_sessions').insert({ token_hash: hashSecret(token), user_id: row.id, expires_at: expiresAt });
  return { token, expiresAt, user: toUserJson(row) };
}

/** Ends a session (logout); unknown tokens are ignored. */
export async function endSession(knex: Knex, token: string): Promise<void> {
  await knex('lodestar_sessions').where({ token_hash: hashSecret(token) }).del();
}

/** Issues a session for a user without a password check (the first-run setup, tests through the API). */
export async function openSession(knex: Knex, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret(SESSION_PREFIX);
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await knex('lodestar_sessions').insert({ token_hash: hashSecret(token), user_id: userId, expires_at: expiresAt });
  return { token, expiresAt };
}

/** The active user behind a session token or API key, or undefined. */
export async function findPrincipal(knex: Knex, secret: string, now: Date): Promise<Principal | undefined> {
  const hash = hashSecret(secret);
  if (secret.startsWith(API_KEY_PREFIX)) {
    const row = await knex('lodestar_api_keys as k').join('lodestar_users as u', 'u.id', 'k.user_id').where({ 'k.key_hash': hash, 'u.active': true }).whereNull('k.revoked_at').first('u.*');
    return row ? { user: toUserJson(row), via: 'apiKey' } : undefined;
  }
  const row = await knex('lodestar_sessions as s').join('lodestar_users as u', 'u.id', 's.user_id').where({ 's.token_hash': hash, 'u.active': true }).where('s.expires_at', '>', now).first('u.*');
  return row ? { user: toUserJson(row), via: 'session' } : undefined;
}

/** Creates an API key acting as `userId`; the key is shown once, only its hash is kept. */
export async function createApiKey(knex: Knex, userId: string, name: string): Promise<{ id: string; key: string; prefix: string }> {
  const key = newSecret(API_KEY_PREFIX);
  const prefix = key.slice(0, 10);
  const [row] = await knex('lodestar_api_keys').insert({ user_id: userId, name, key_hash: hashSecret(key), prefix }).returning('id');
  return { id: row.id as string, key, prefix };
}

function badCredentials(): UnauthorizedError {
  return new UnauthorizedError('the email or password is wrong');
}
