import type { SignedIn } from '@lodestar/core';
import type { Knex } from 'knex';
import type { PrincipalCache } from './principal-cache.js';
import { TooManyRequestsError, UnauthorizedError } from '../errors.js';
import {
  attemptOf,
  blockedFor,
  normalizeEmail,
  recordFailure,
  recordSuccess,
  type LoginClient,
} from './login-throttle.js';
import { API_KEY_PREFIX, decoyHash, hashSecret, newSecret, SESSION_PREFIX, verifyPassword } from './secrets.js';
import { toUserJson, type UserJson } from './users.js';
import {
  deleteSession,
  findPrincipalRow,
  findUserByEmail,
  insertApiKey,
  insertSession,
  updateUserRow,
} from './users-repo.js';

export const SESSION_HOURS = 12;

/** Who a valid token or API key belongs to. */
export interface Principal {
  user: UserJson;
  /** 'session' for a login token, 'apiKey' for an integration key. */
  via: 'session' | 'apiKey';
}

/**
 * Checks email and password, throttled by login-throttle.ts. Every attempt that is not throttled
 * verifies a password hash (a decoy one when the email has no account, or the account is inactive), and
 * every failure is counted the same way: status, body and timing do not tell whether an account exists.
 * Answers the device cookie to set beside the session.
 */
export async function login(
  knex: Knex,
  email: string,
  password: string,
  now: Date,
  client: LoginClient = { address: 'unknown' },
): Promise<{ token: string; expiresAt: Date; user: UserJson; device: string }> {
  const attempt = await attemptOf(knex, email, client);
  const wait = await blockedFor(knex, attempt, now);
  if (wait > 0) throw new TooManyAttempts(wait);
  const row = await findUserByEmail(knex, normalizeEmail(email));
  const verified = await verifyPassword(row?.active ? (row.password_hash as string) : await decoyHash(), password);
  if (!verified || !row?.active) {
    await recordFailure(knex, attempt, now);
    throw badCredentials();
  }
  const device = await recordSuccess(knex, email, client, attempt, now);
  await updateUserRow(knex, row.id as string, { last_login_at: now });
  const { token, expiresAt } = await openSession(knex, row.id as string, now);
  return { token, expiresAt, user: toUserJson(row), device };
}

/** The sign-in answer (core's SignedIn): the session's expiry as ISO text at the edge. */
export function signedIn(session: { token: string; expiresAt: Date }, user: UserJson): SignedIn {
  return { token: session.token, expiresAt: session.expiresAt.toISOString(), user };
}

/** A throttled sign-in: 429 with Retry-After; it reads the same whether the email has an account or not. */
export class TooManyAttempts extends TooManyRequestsError {
  constructor(readonly retryAfterSeconds: number) {
    super({
      en: 'too many failed sign-ins for this email from your network: wait a moment, then try again',
      zh: '此邮箱在您的网络上登录失败次数过多，请稍候再试',
    });
  }
}

/** Ends a session (logout); unknown tokens are ignored. */
export async function endSession(knex: Knex, token: string): Promise<void> {
  await deleteSession(knex, hashSecret(token));
}

/** Issues a session for a user without a password check (the first-run setup, tests through the API). */
export async function openSession(knex: Knex, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret(SESSION_PREFIX);
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await insertSession(knex, { token_hash: hashSecret(token), user_id: userId, expires_at: expiresAt });
  return { token, expiresAt };
}

/**
 * The active user behind a session token or API key, or undefined: from the process's cache when it can
 * answer (principal-cache.ts says when), else one look-up, remembered unless the cache emptied meanwhile.
 */
export async function findPrincipal(
  knex: Knex,
  secret: string,
  now: Date,
  cache?: PrincipalCache<Principal>,
): Promise<Principal | undefined> {
  const hash = hashSecret(secret);
  const cached = cache?.get(hash, now);
  if (cached) return cached;
  const generation = cache?.mark() ?? 0;
  const via = secret.startsWith(API_KEY_PREFIX) ? 'apiKey' : 'session';
  const row = await findPrincipalRow(knex, via, hash, now);
  if (!row) return undefined;
  const principal: Principal = { user: toUserJson(row), via };
  const expiresAt = row.session_expires_at as Date | string | undefined;
  cache?.set(hash, { row: principal, ...(expiresAt && { expiresAt: new Date(expiresAt) }) }, generation);
  return principal;
}

/** Creates an API key acting as `userId`; the key is shown once, only its hash is kept. */
export async function createApiKey(
  knex: Knex,
  userId: string,
  name: string,
): Promise<{ id: string; key: string; prefix: string }> {
  const key = newSecret(API_KEY_PREFIX);
  const prefix = key.slice(0, 10);
  const id = await insertApiKey(knex, { user_id: userId, name, key_hash: hashSecret(key), prefix });
  return { id, key, prefix };
}

function badCredentials(): UnauthorizedError {
  return new UnauthorizedError({ en: 'the email or password is wrong', zh: '邮箱或密码不正确' });
}
