import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin, spawnEngine, waitForHealth, type EngineProcess } from './support/engine-process.js';
import { startTopology, type Topology } from './support/pg-cluster.js';

/*
 * An engine on a primary with a streaming replica (DATABASE_REPLICA_URL), both real PostgreSQL servers made
 * with initdb and pg_basebackup. With the replica's replay paused, what each caller reads shows where it was
 * read: a colleague's list and search come from the replica (without the new record), the writer's own list
 * from the primary (read-your-writes), and so does anyone's who echoes the write's position.
 */
let topology: Topology;
let engine: EngineProcess;
const tokens = { writer: '', colleague: '' };

async function sql(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

async function call(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${engine.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const names = async (token: string, headers: Record<string, string> = {}) =>
  (
    await call(
      token,
      'GET',
      `/records/customer?filter[name][eq]=${encodeURIComponent('青岛海晏重工有限公司')}&fields=name`,
      undefined,
      headers,
    )
  ).body.data.map((r: { name: string }) => r.name);

beforeAll(async () => {
  topology = startTopology();
  await sql(topology.primary.url(), 'create database lodestar');
  engine = spawnEngine({
    DATABASE_URL: topology.primary.url('lodestar'),
    DATABASE_REPLICA_URL: topology.replica.url('lodestar'),
    LOG_LEVEL: 'error',
  });
  await waitForHealth(engine.url, Date.now() + 150_000);
  tokens.writer = await loginAdmin(engine.url);
  const colleague = {
    email: 'zhou@lodestar.test',
    password: 'first password 1',
    displayName: '周颖',
    roles: ['admin'],
  };
  expect((await call(tokens.writer, 'POST', '/admin/users', colleague)).status).toBe(201);
  const login = await fetch(`${engine.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: colleague.email, password: colleague.password }),
  });
  tokens.colleague = ((await login.json()) as { token: string }).token;
  const changed = await call(tokens.colleague, 'POST', '/auth/password', {
    currentPassword: colleague.password,
    newPassword: 'second password 2',
  });
  expect(changed.status, JSON.stringify(changed.body)).toBe(200);
  if (changed.body.token) tokens.colleague = changed.body.token;
}, 240_000);

afterAll(async () => {
  engine?.child.kill('SIGKILL');
  await engine?.exited;
  await topology?.stop();
});

describe('reads on a streaming replica', () => {
  it('serve a colleague from the replica, the writer and whoever echoes the write from what they wrote', async () => {
    // Everything so far (the colleague's password change is a write of theirs) replayed, then replay paused.
    const [primary] = (await sql(topology.primary.url('lodestar'), 'select pg_current_wal_lsn()::text as lsn')) as {
      lsn: string;
    }[];
    for (let caughtUp = false; !caughtUp;) {
      const [row] = (await sql(
        topology.replica.url('lodestar'),
        `select pg_last_wal_replay_lsn() >= '${primary!.lsn}'::pg_lsn as caught`,
      )) as { caught: boolean }[];
      caughtUp = row!.caught;
      if (!caughtUp) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await sql(topology.replica.url('lodestar'), 'select pg_wal_replay_pause()');
    const created = await call(tokens.writer, 'POST', '/records/customer', {
      record_type: 'company',
      name: '青岛海晏重工有限公司',
      industry: 'manufacturing',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const lsn = created.headers.get('x-lodestar-lsn');
    expect(lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

    // The writer's next read, echoing the position as the apps do (`lodestar start` runs one engine process per
    // core, and the one that answers may not be the one that remembers the write).
    expect(await names(tokens.writer, { 'x-lodestar-read-after': lsn! })).toEqual(['青岛海晏重工有限公司']);
    expect(await names(tokens.colleague)).toEqual([]);
    const found = await call(tokens.colleague, 'GET', `/search?q=${encodeURIComponent('海晏')}`);
    expect(found.status).toBe(200);
    expect(JSON.stringify(found.body)).not.toContain('海晏重工');
    expect(await names(tokens.colleague, { 'x-lodestar-read-after': lsn! })).toEqual(['青岛海晏重工有限公司']);
    // A single record is never read from the replica: it is what an edit starts from.
    expect((await call(tokens.colleague, 'GET', `/records/customer/${created.body.id}`)).status).toBe(200);

    await sql(topology.replica.url('lodestar'), 'select pg_wal_replay_resume()');
    const deadline = Date.now() + 10_000;
    let seen: string[] = [];
    while (!seen.length && Date.now() < deadline) seen = await names(tokens.colleague);
    expect(seen).toEqual(['青岛海晏重工有限公司']);
  }, 60_000);
});
