import type { Knex } from 'knex';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenForChanges, type ChangeSignals } from '../src/db/change-signals.js';
import { migrateEngineTables } from '../src/db/engine-tables.js';
import { PrincipalCache } from '../src/identity/principal-cache.js';
import { findPrincipal, openSession, type Principal } from '../src/identity/sessions.js';
import { createUser } from '../src/identity/users.js';
import { createTestDb, type TestDb } from './support/test-db.js';

/**
 * The principal cache on a real PostgreSQL: hits cost no statement, a write by any connection (here one
 * that is not the engine's) empties it at commit, a lost notification connection stops caching, and a
 * cached session still ends on time.
 */
let testDb: TestDb;
let signals: ChangeSignals;
let cache: PrincipalCache<Principal>;
let other: pg.Client;
let lookups = 0;

beforeAll(async () => {
  testDb = await createTestDb('postgres');
  await migrateEngineTables(testDb.db.knex);
  signals = await listenForChanges(testDb.url!, pino({ level: 'silent' }));
  cache = new PrincipalCache<Principal>(signals);
  other = new pg.Client({ connectionString: testDb.url });
  await other.connect();
  // Every look-up takes a pooled connection: count them.
  const client = testDb.db.knex.client as Knex.Client & { acquireConnection(): Promise<unknown> };
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = () => {
    lookups++;
    return acquire();
  };
});
afterAll(async () => {
  cache?.dispose();
  await signals?.close();
  await other?.end();
  await testDb?.drop();
});

async function signedIn(email: string, now = new Date()) {
  const user = await createUser(testDb.db.knex, {
    email,
    password: 'a long enough password 1',
    roles: ['salesperson'],
  });
  const token = (await openSession(testDb.db.knex, user.id, now)).token;
  // Creating them notified too: let that emptying pass before the cache is watched.
  await new Promise((r) => setTimeout(r, 100));
  return { user, token };
}

/** Polls until `check` holds; answers how long it took (ms), or fails after `withinMs`. */
async function within(withinMs: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
  return Date.now() - start;
}

describe('the principal cache', () => {
  it('answers a known token without a statement', async () => {
    const { user, token } = await signedIn('cached@example.com');
    const before = lookups;
    expect((await findPrincipal(testDb.db.knex, token, new Date(), cache))?.user.id).toBe(user.id);
    expect(lookups).toBe(before + 1);
    expect((await findPrincipal(testDb.db.knex, token, new Date(), cache))?.user.id).toBe(user.id);
    expect(lookups).toBe(before + 1);
  });

  it('forgets every principal when another connection deactivates a user, at its commit', async () => {
    const { user, token } = await signedIn('leaver@example.com');
    await findPrincipal(testDb.db.knex, token, new Date(), cache);
    await other.query('update lodestar_users set active = false where id = $1', [user.id]);
    const ms = await within(
      1000,
      async () => (await findPrincipal(testDb.db.knex, token, new Date(), cache)) === undefined,
    );
    expect(ms).toBeLessThan(1000);
  });

  it('forgets a revoked session written inside another connection’s transaction only once it commits', async () => {
    const { token } = await signedIn('revoked@example.com');
    await findPrincipal(testDb.db.knex, token, new Date(), cache);
    await other.query('begin');
    await other.query('delete from lodestar_sessions');
    await new Promise((r) => setTimeout(r, 50));
    // Not committed yet: still valid, and still answered from memory.
    const before = lookups;
    expect(await findPrincipal(testDb.db.knex, token, new Date(), cache)).toBeDefined();
    expect(lookups).toBe(before);
    await other.query('commit');
    await within(1000, async () => (await findPrincipal(testDb.db.knex, token, new Date(), cache)) === undefined);
  });

  it('ends a cached session at its end time without asking the database', async () => {
    const start = new Date();
    const { token } = await signedIn('short@example.com', start);
    await findPrincipal(testDb.db.knex, token, start, cache);
    const later = new Date(start.getTime() + 13 * 3_600_000);
    expect(await findPrincipal(testDb.db.knex, token, later, cache)).toBeUndefined();
  });

  it('does not remember a look-up that overlapped an emptying', async () => {
    const { token } = await signedIn('overlap@example.com');
    const lookup = findPrincipal(testDb.db.knex, token, new Date(), cache);
    cache.clear();
    expect(await lookup).toBeDefined();
    const before = lookups;
    await findPrincipal(testDb.db.knex, token, new Date(), cache);
    expect(lookups).toBe(before + 1);
  });

  it('caches nothing once the notification connection is gone', async () => {
    const { token } = await signedIn('unheard@example.com');
    await findPrincipal(testDb.db.knex, token, new Date(), cache);
    // The server ends the listening connection, as a restart or a network cut would.
    await other.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`,
    );
    await within(2000, async () => !signals.listening);
    const before = lookups;
    await findPrincipal(testDb.db.knex, token, new Date(), cache);
    await findPrincipal(testDb.db.knex, token, new Date(), cache);
    expect(lookups).toBe(before + 2);
    // It listens again after the backoff, and caches again from an empty start.
    await within(5000, async () => signals.listening);
    await findPrincipal(testDb.db.knex, token, new Date(), cache);
    const after = lookups;
    await findPrincipal(testDb.db.knex, token, new Date(), cache);
    expect(lookups).toBe(after);
  });
});
