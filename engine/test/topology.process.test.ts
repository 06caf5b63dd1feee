import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin, spawnEngine, waitForHealth, type EngineProcess } from './support/engine-process.js';
import { FIXTURES } from './support/paths.js';
import { startTopology, type Topology } from './support/pg-cluster.js';
import { startPgBouncer, type Bouncer } from './support/pgbouncer.js';
import { WebhookReceiver, waitFor, type Delivery } from './support/webhook-receiver.js';

/*
 * The whole production topology at once, as docs/scaling.md describes it: a primary with a streaming replica,
 * PgBouncer in transaction mode in front of the primary, and three engines on their own ports (one of them
 * with two worker processes), each writing through the pooler, listening on the primary directly and reading
 * lists from the replica. Tickets (the runtime fixture: one-second SLAs and timed transitions) make timers due
 * all the time. A field published on one engine is written on a second and read on a third. An engine is killed
 * with SIGKILL in the middle of a burst of writes spread over all three. What must hold: every write that was
 * answered is there exactly once, no write is there in part (a record without its history or audit row),
 * every picked ticket is solved by its timers with each timed event once, every new record reaches the ERP
 * stand-in exactly once by event id (the dead engine's claims are sent again by the others), a revoked key is
 * refused everywhere, and a write on one engine is read back on another from the lagging replica when its
 * position is echoed.
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
      LODESTAR_DEFINITIONS: join(FIXTURES, 'workflow-runtime'),
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
  it('publish on one, write on another, read on a third; one killed mid-burst loses and half-applies nothing, timers and events once', async () => {
    // The first engine prepares the database (migrations, the default template, the administrator).
    const a = await startEngine(2);
    const [b, c] = await Promise.all([startEngine(1), startEngine(1)]);
    const subscription = await call(a, 'POST', '/admin/webhooks', {
      name: 'ERP',
      url: erp.url,
      entities: ['ticket'],
      events: ['created'],
    });
    expect(subscription.status, JSON.stringify(subscription.body)).toBe(201);
    erp.secret = subscription.body.secret;

    // Published on A, written on B, read on C: the other engines hear of the version on the primary directly.
    const set = (await call(a, 'GET', '/meta/model')).body.definitions;
    set.entities.find((e: { $id: string }) => e.$id === 'ticket').properties.channel = {
      type: 'string',
      title: '渠道',
    };
    expect((await call(a, 'PUT', '/meta/drafts/main', { definitions: set })).status).toBe(200);
    const published = await call(a, 'POST', '/meta/drafts/main/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    let withChannel = await call(b, 'POST', '/records/ticket', { subject: '电话报修', channel: '电话' });
    for (let tries = 0; withChannel.status === 422 && tries < 40; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      withChannel = await call(b, 'POST', '/records/ticket', { subject: '电话报修', channel: '电话' });
    }
    expect(withChannel.status, JSON.stringify(withChannel.body)).toBe(201);
    expect((await call(c, 'GET', `/records/ticket/${withChannel.body.id}`)).body.channel).toBe('电话');

    // A revoked key is refused by every engine, wherever it was revoked.
    const key = await call(b, 'POST', '/auth/api-keys', { name: 'ERP 接口' });
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    const asKey = (engine: Engine) => ({ process: engine.process, token: key.body.key as string });
    expect((await call(asKey(c), 'GET', '/records/ticket?limit=1')).status).toBe(200);
    expect((await call(c, 'DELETE', `/auth/api-keys/${key.body.id}`)).status).toBe(204);
    for (const engine of [a, b]) {
      await waitFor(async () => (await call(asKey(engine), 'GET', '/records/ticket?limit=1')).status === 401, 3000);
    }

    // The burst: 90 tickets opened and picked over the three engines, 6 at a time; C is killed a third of the way.
    const targets = [a, b, c];
    const answered: string[] = [];
    const picked: string[] = [];
    let failures = 0;
    let next = 0;
    const worker = async () => {
      while (next < 90) {
        const i = next++;
        if (i === 30) {
          c.process.child.kill('SIGKILL');
          await c.process.exited;
        }
        const target = targets[i % 3]!;
        try {
          const created = await call(target, 'POST', '/records/ticket', { subject: `拓扑工单${i}` });
          if (created.status !== 201) throw new Error(JSON.stringify(created.body));
          answered.push(created.body.id);
          const pick = await call(target, 'POST', `/records/ticket/${created.body.id}/events`, { type: 'PICK' });
          if (pick.status === 200) picked.push(created.body.id);
        } catch {
          failures++; // the killed engine's connections are refused or reset
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(answered.length).toBeGreaterThanOrEqual(60);
    expect(picked.length).toBeGreaterThanOrEqual(55);
    expect(failures).toBeGreaterThan(0);

    const primary = topology.primary.url(DATABASE);
    const tickets = () =>
      sql<{ id: string; state: string; events: string[]; audit: number }>(
        primary,
        `select t.id, t.state,
                array(select h.event || ':' || h.to_state from lodestar_history h
                       where h.entity = 'ticket' and h.record_id::text = t.id::text order by h.id) as events,
                (select count(*)::int from lodestar_audit a
                  where a.entity = 'ticket' and a.record_id::text = t.id::text and a.action = 'create') as audit
           from ticket t where t.subject like '拓扑工单%'`,
      );
    // Every answered write is there; a write the killed engine had not answered is there whole or not at all.
    const stored = await tickets();
    const ids = new Set(stored.map((row) => row.id));
    for (const id of answered) expect(ids.has(id), id).toBe(true);
    expect(stored.filter((row) => row.audit !== 1 || row.events[0] !== 'START:new')).toEqual([]);

    // Timers: every picked ticket is solved by them, and no timed event happened twice to one ticket.
    await waitFor(
      async () => (await tickets()).filter((row) => picked.includes(row.id)).every((row) => row.state === 'solved'),
      30_000,
    );
    for (const row of await tickets()) {
      expect(new Set(row.events).size, `${row.id}: ${row.events.join(', ')}`).toBe(row.events.length);
      if (picked.includes(row.id))
        expect(row.events).toEqual(expect.arrayContaining(['after.sla:escalated', 'after.PT1S:solved']));
    }

    // Each stored record reaches the ERP exactly once by event id, the dead engine's claims sent by the others.
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
    const [{ lsn }] = (await sql<{ lsn: string }>(primary, 'select pg_current_wal_lsn()::text as lsn')) as [
      { lsn: string },
    ];
    await waitFor(
      async () =>
        (await sql<{ caught: boolean }>(replica, `select pg_last_wal_replay_lsn() >= $1::pg_lsn as caught`, [lsn]))[0]!
          .caught,
      10_000,
    );
    await sql(replica, 'select pg_wal_replay_pause()');
    try {
      const created = await call(a, 'POST', '/records/ticket', { subject: '拓扑回读工单' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const position = created.headers.get('x-lodestar-lsn')!;
      const list = (headers: Record<string, string> = {}) =>
        call(b, 'GET', `/records/ticket?filter[subject][eq]=${encodeURIComponent('拓扑回读工单')}`, undefined, headers);
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
