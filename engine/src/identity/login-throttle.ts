import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

/**
 * Failed sign-ins slow down the one who fails, not the account's owner. Failures are counted per
 * (email, client address), per address and per email, all in one atomic upsert. Once a counter reaches
 * its allowance, each failure blocks further attempts for twice as long as the last (1 s, 2 s, 4 s …
 * 15 min); attempts while blocked are refused unchecked and do not count:
 *
 * - email + address: 5 free. Guessing one account from one place slows to a crawl; nobody else is touched.
 * - address: 100 free, whatever the emails. One place spraying many accounts.
 * - email: 100 free from all addresses together. Guessing from many places.
 * - The address and email counters do not apply to a client address that signed in to the account
 *   successfully before: an outsider cannot lock the owner out of a place they use.
 * - a browser holding a device cookie from an earlier successful sign-in to the account counts only
 *   its own failures: the owner's browser signs in whatever others try, from anywhere.
 *
 * Emails without an account are counted exactly like the others (by a hash of the normalized email), so
 * neither the answers nor their timing tell whether an account exists. A counter forgets after an hour
 * without failures.
 */
const FREE = { pair: 5, address: 100, email: 100 };
const MAX_BLOCK_SECONDS = 15 * 60;
const FORGET_AFTER = '1 hour';
const ANY = '';

/** The stored key of an email: its normalized form hashed, so unknown emails are not kept in clear. */
export function emailKey(email: string): string {
  return createHash('sha256')
    .update(`login:${normalizeEmail(email)}`)
    .digest('hex');
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Who attempts a sign-in: the client address the app trusts, and the device cookie it sent, if any. */
export interface LoginClient {
  address: string;
  /** The `lodestar_device` cookie: set at each successful sign-in, it marks a browser the owner used. */
  device?: string;
}

/** An attempt's counters: [email key, address] pairs ('' for "any"), and whether it comes from a known client. */
export interface Attempt {
  counters: [string, string][];
  known: 'device' | 'address' | false;
}

const deviceKey = (device: string) => `device:${createHash('sha256').update(device).digest('hex')}`;

/**
 * Which counters an attempt touches. A browser whose device cookie signed in to this account before
 * counts only its own failures (an attacker elsewhere, even at the same address, does not slow it);
 * everyone else touches (email, address), address and email, where the email-wide counter spares an
 * address the account signed in from. One query either way, for any email, known or not.
 */
export async function attemptOf(knex: Knex, email: string, client: LoginClient): Promise<Attempt> {
  const key = emailKey(email);
  const device = client.device ? deviceKey(client.device) : undefined;
  const known: string[] = await knex('lodestar_login_known_clients')
    .where({ email_key: key })
    .whereIn('address', device ? [client.address, device] : [client.address])
    .pluck('address');
  if (device && known.includes(device)) return { counters: [[key, device]], known: 'device' };
  return {
    counters: [
      [key, client.address],
      [ANY, client.address],
      [key, ANY],
    ],
    known: known.length ? 'address' : false,
  };
}

/** Seconds until this attempt may be checked, or 0. */
export async function blockedFor(knex: Knex, attempt: Attempt, now: Date): Promise<number> {
  const rows: { email_key: string; address: string; blocked_until: Date }[] = await knex('lodestar_login_failures')
    .whereIn(['email_key', 'address'], attempt.counters)
    .where('blocked_until', '>', now)
    .select('email_key', 'address', 'blocked_until');
  // A known client answers only to its own counter (the first).
  const [own] = attempt.counters;
  const blocking = rows.filter((row) => !attempt.known || (row.email_key === own![0] && row.address === own![1]));
  const until = Math.max(0, ...blocking.map((row) => new Date(row.blocked_until).getTime()));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/**
 * Counts one failure on each counter of the attempt in a single statement (concurrent failures all
 * count) and sets the backoff of every counter that reached its allowance. Answers the counts in order.
 */
export async function recordFailure(knex: Knex, attempt: Attempt, now: Date): Promise<number[]> {
  const keys = attempt.counters;
  const values = keys.map(() => '(?, ?, 1, ?::timestamptz, null::timestamptz)').join(', ');
  const free = `case when f.email_key = '' then ${FREE.address} when f.address = '' then ${FREE.email} else ${FREE.pair} end`;
  const count = `case when f.last_failure_at < excluded.last_failure_at - interval '${FORGET_AFTER}' then 1 else f.failures + 1 end`;
  const { rows } = await knex.raw(
    `insert into lodestar_login_failures as f (email_key, address, failures, last_failure_at, blocked_until)
     values ${values}
     on conflict (email_key, address) do update set
       failures = ${count},
       last_failure_at = excluded.last_failure_at,
       blocked_until = case when ${count} >= ${free}
         then excluded.last_failure_at + make_interval(secs => least(power(2, ${count} - ${free}), ${MAX_BLOCK_SECONDS}))
         else null end
     returning email_key, address, failures`,
    keys.flatMap(([key, addr]) => [key, addr, now.toISOString()]),
  );
  const byKey = new Map(
    (rows as { email_key: string; address: string; failures: number }[]).map((r) => [
      `${r.email_key}|${r.address}`,
      Number(r.failures),
    ]),
  );
  return keys.map(([key, addr]) => byKey.get(`${key}|${addr}`) ?? 0);
}

/**
 * A successful sign-in clears its own counter, and makes its address and its browser known to the
 * account. Answers the device cookie to keep (the one sent when it was known, else a new one).
 */
export async function recordSuccess(
  knex: Knex,
  email: string,
  client: LoginClient,
  attempt: Attempt,
  now: Date,
): Promise<string> {
  const key = emailKey(email);
  const device = attempt.known === 'device' && client.device ? client.device : randomBytes(32).toString('base64url');
  await knex('lodestar_login_failures').whereIn(['email_key', 'address'], [attempt.counters[0]!]).del();
  await knex('lodestar_login_known_clients')
    .insert([client.address, deviceKey(device)].map((address) => ({ email_key: key, address, last_login_at: now })))
    .onConflict(['email_key', 'address'])
    .merge(['last_login_at']);
  return device;
}

/** An administrator's unlock: every counter of the account's email, whatever the address. */
export async function clearFailures(knex: Knex, email: string): Promise<number> {
  const cleared = await knex('lodestar_login_failures')
    .where({ email_key: emailKey(email) })
    .del();
  return Number(cleared);
}

/** Until when an account's email is blocked from any address (for the administrators' user list), or null. */
export async function blockedUntil(knex: Knex, emails: string[], now: Date): Promise<Map<string, Date>> {
  if (!emails.length) return new Map();
  const byKey = new Map(emails.map((email) => [emailKey(email), email]));
  const rows: { email_key: string; until: Date }[] = await knex('lodestar_login_failures')
    .whereIn('email_key', [...byKey.keys()])
    .where('blocked_until', '>', now)
    .groupBy('email_key')
    .select('email_key', knex.raw('max(blocked_until) as until'));
  return new Map(rows.map((row) => [byKey.get(row.email_key)!, new Date(row.until)]));
}
