import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin, spawnEngine, waitForHealth, type EngineProcess } from './support/engine-process.js';
import { startTopology, type Topology } from './support/pg-cluster.js';
import { startPgBouncer, type Bouncer } from './support/pgbouncer.js';
import { WebhookReceiver, waitFor, type Delivery } from './support/webhook-receiver.js';

/*
 * The whole production topology at once, as docs/scaling.md describes it: a primary with a streaming replica,
 * PgBouncer in transaction mode in front of the primary, and three engines on their own ports (one of them
 * with two worker processes), each writing through the pooler, listening on the primary directly and reading
 * lists from the replica. An engine is killed with SIGKILL in the middle of a burst of writes spread over all
 * three. What must hold: every write that was answered is there exactly once, no write is there in part (a
 * record without its history or audit row), every new record reaches the ERP stand-in exactly once by event id
 * (the dead engine's claimed deliveries are sent again by the others), a revoked key is refused everywhere,
 * and a write on one engine is read back on another from the lagging replica when its position is echoed.
 */
let topology: Topology;
let bouncer: Bouncer;
const engines: EngineProcess[] = [];
const erp = new WebhookReceiver();
const LEASE_MS = 3000;
const DATABASE = 'lodestar';

interface Engine {
  process: EngineProcess;
  token: string;
}

async function sql<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function startEngine(workers: number): Promise<Engine> {
  const process = spawnEngine(
    {
      DATABASE_URL: bouncer.urlFor(topology.primary.url(DATABASE)),
      LODESTAR_LISTEN_URL: topology.primary.url(DATABASE),
      DATABASE_REPLICA_URL: topology.replica.url(DATABASE),
      LODESTAR_STATEMENTS: 'unnamed',
      LODESTAR_OUTBOX_LEASE_MS: String(LEASE_MS),
      LODESTAR_TIMER_POLL_MS: '100',
      LOG_LEVEL: 'error',
    },
    undefined,
    ['--workers', String(workers)],
  );
  engines.push(process);
  await waitForHealth(process.url, Date.now() + 150_000).catch((error: Error) => {
    throw new Error(`${error.message}\n${process.output()}\n${bouncer.output()}`);
  });
  return { process, token: await loginAdmin(process.url) };
}

async function call(
  to: { process: { url: string }; token: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${to.process.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${to.token}`, ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  topology = startTopology();
  await sql(topology.primary.url(), `create database ${DATABASE}`);
  [bouncer] = await Promise.all([startPgBouncer(topology.primary.url(DATABASE), 4), erp.start()]);
}, 120_000);

afterAll(async () => {
  for (const engine of engines) engine.child.kill('SIGKILL');
  await Promise.all(engines.map((engine) => engine.exited));
  await bouncer?.stop();
  await topology?.stop();
  await erp.close();
});

describe('three engines behind PgBouncer with a streaming replica', () => {
  it('lose no answered write and half-apply none when one is killed mid-burst; deliver each event once', async () => {
    // The first engine prepares the database (migrations, the default template, the administrator).
    const a = await startEngine(2);
    const [b, c] = await Promise.all([startEngine(1), startEngine(1)]);
    const subscription = await call(a, 'POST', '/admin/webhooks', {
      name: 'ERP',
      url: erp.url,
      entities: ['customer'],
      events: ['created'],
    });
    expect(subscription.status, JSON.stringify(subscription.body)).toBe(201);
    erp.secret = subscription.body.secret;

    // A revoked key is refused by every engine, wherever it was revoked.
    const key = await call(b, 'POST', '/auth/api-keys', { name: 'ERP 接口' });
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    const asKey = (engine: Engine) => ({ process: engine.process, token: key.body.key as string });
    expect((await call(asKey(c), 'GET', '/records/customer?limit=1')).status).toBe(200);
    expect((await call(c, 'DELETE', `/auth/api-keys/${key.body.id}`)).status).toBe(204);
    for (const engine of [a, b]) {
      await waitFor(async () => (await call(asKey(engine), 'GET', '/records/customer?limit=1')).status === 401, 3000);
    }

    // The burst: 90 creates over the three engines, 6 at a time; engine C is killed a third of the way in.
    const targets = [a, b, c];
    const answered: string[] = [];
    const failed: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < 90) {
        const i = next++;
        if (i === 30) {
          c.process.child.kill('SIGKILL');
          await c.process.exited;
        }
        const name = `拓扑测试客户${String(i).padStart(3, '0')}`;
        try {
          const created = await call(targets[i % 3]!, 'POST', '/records/customer', {
            record_type: 'company',
            name,
            industry: 'manufacturing',
            level: 'normal',
          });
          (created.status === 201 ? answered : failed).push(name);
        } catch {
          failed.push(name); // the killed engine's connection refused or reset
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(answered.length).toBeGreaterThanOrEqual(60);
    expect(failed.length).toBeGreaterThan(0);

    const primary = topology.primary.url(DATABASE);
    const rows = await sql<{ id: string; name: string; history: number; audit: number }>(
      primary,
      `select c.id, c.name,
              (select count(*)::int from lodestar_history h where h.entity = 'customer' and h.record_id::text = c.id::text) as history,
              (select count(*)::int from lodestar_audit a where a.entity = 'customer' and a.record_id::text = c.id::text and a.action = 'create') as audit
         from customer c where c.name like '拓扑测试客户%'`,
    );
    const names = rows.map((row) => row.name);
    // Every answered write is there, once; a write the killed engine had not answered is there whole or not at all.
    for (const name of answered)
      expect(
        names.filter((n) => n === name),
        name,
      ).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
    expect(rows.filter((row) => row.history < 1 || row.audit !== 1)).toEqual([]);

    // Each stored record reaches the ERP exactly once by event id, the dead engine's claims sent by the others.
    const ids = new Set(rows.map((row) => row.id));
    const delivered = () => new Set(erp.accepted().map((d: Delivery) => d.body.recordId as string));
    await waitFor(() => [...ids].every((id) => delivered().has(id)), LEASE_MS * 6);
    const eventsPerRecord = new Map<string, Set<string>>();
    for (const d of erp.accepted()) {
      const events = eventsPerRecord.get(d.body.recordId) ?? new Set<string>();
      events.add(d.body.id);
      eventsPerRecord.set(d.body.recordId, events);
    }
    for (const id of ids) expect(eventsPerRecord.get(id)?.size, id).toBe(1);
    expect(erp.received.every((d) => d.signed)).toBe(true);

    // Read-your-writes across engines: with the replica's replay paused, a write on A is read back on B from
    // the primary when its position is echoed; B alone does not know of it and reads the replica.
    const replica = topology.replica.url(DATABASE);
    const [{ lsn }] = await sql<{ lsn: string }>(primary, 'select pg_current_wal_lsn()::text as lsn');
    await waitFor(
      async () =>
        (await sql<{ caught: boolean }>(replica, `select pg_last_wal_replay_lsn() >= $1::pg_lsn as caught`, [lsn]))[0]!
          .caught,
      10_000,
    );
    await sql(replica, 'select pg_wal_replay_pause()');
    try {
      const created = await call(a, 'POST', '/records/customer', {
        record_type: 'company',
        name: '拓扑回读客户',
        industry: 'manufacturing',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const position = created.headers.get('x-lodestar-lsn')!;
      const list = (headers: Record<string, string> = {}) =>
        call(b, 'GET', `/records/customer?filter[name][eq]=${encodeURIComponent('拓扑回读客户')}`, undefined, headers);
      expect((await list()).body.data).toEqual([]);
      expect((await list({ 'x-lodestar-read-after': position })).body.data.map((r: { id: string }) => r.id)).toEqual([
        created.body.id,
      ]);
    } finally {
      await sql(replica, 'select pg_wal_replay_resume()');
    }
    expect(bouncer.output()).not.toMatch(/prepared statement/i);
  }, 400_000);
});
