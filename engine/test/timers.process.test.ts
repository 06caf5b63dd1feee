import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin, spawnEngine, waitForHealth, type EngineProcess } from './support/engine-process.js';
import { FIXTURES } from './support/paths.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';

// Timers must outlive the process that scheduled them and fire once across processes: these tests
// run real `lodestar start` processes on one PostgreSQL database, kill one with SIGKILL, and count.
let testDb: TestDb;
const engines: EngineProcess[] = [];

beforeAll(async () => {
  testDb = await createPostgresDb();
});
afterAll(async () => {
  for (const engine of engines) engine.child.kill('SIGKILL');
  await Promise.all(engines.map((engine) => engine.exited));
  await testDb?.drop();
});

const tokens = new Map<EngineProcess, string>();

async function startEngine(): Promise<EngineProcess> {
  const engine = spawnEngine({
    DATABASE_URL: testDb.url!,
    LODESTAR_DEFINITIONS: join(FIXTURES, 'workflow-runtime'),
    LODESTAR_TIMER_POLL_MS: '50',
  });
  engines.push(engine);
  await waitForHealth(engine.url);
  tokens.set(engine, await loginAdmin(engine.url));
  return engine;
}

async function post(engine: EngineProcess, path: string, body: unknown) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(engine)}` };
  const response = await fetch(`${engine.url}/api/v1/records${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown> & { id: string };
}

async function openTicket(engine: EngineProcess, subject: string): Promise<string> {
  const ticket = await post(engine, '/ticket', { subject });
  await post(engine, `/ticket/${ticket.id}/events`, { type: 'PICK' });
  return ticket.id;
}

const events = async (id: string) =>
  (await testDb.db.knex('lodestar_history').where({ record_id: id }).orderBy('id').select('event', 'to_state')).map(
    (row: { event: string; to_state: string }) => `${row.event}:${row.to_state}`,
  );

async function untilSolved(ids: string[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const solved = await testDb.db
      .knex('ticket')
      .whereIn('id', ids)
      .where({ state: 'solved' })
      .count<{ count: string }[]>('* as count');
    if (Number(solved[0]!.count) === ids.length) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const PATH = ['START:new', 'PICK:working', 'SLA_BREACHED:working', 'after.sla:escalated', 'after.PT1S:solved'];

describe('durable timers across processes', () => {
  it('fire after the engine was killed with SIGKILL and restarted, once each', async () => {
    const first = await startEngine();
    const id = await openTicket(first, 'Killed');
    first.child.kill('SIGKILL');
    await first.exited;
    // Both timers come due while no engine runs.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await events(id)).toEqual(['START:new', 'PICK:working']);
    expect(await testDb.db.knex('lodestar_timers').where({ record_id: id, status: 'pending' }).pluck('state')).toEqual([
      'working',
    ]);

    await startEngine();
    await untilSolved([id]);
    expect(await events(id)).toEqual(PATH);
  });

  it('fire exactly once with two engines polling the same database', async () => {
    const live = engines.filter((engine) => engine.child.exitCode === null && engine.child.signalCode === null);
    while (live.length < 2) live.push(await startEngine());
    const [a, b] = live as [EngineProcess, EngineProcess];
    const ids = await Promise.all(Array.from({ length: 24 }, (_, i) => openTicket(i % 2 ? a : b, `Twin ${i}`)));
    await untilSolved(ids);
    for (const id of ids) expect(await events(id)).toEqual(PATH);
    const fired = await testDb.db
      .knex('lodestar_timers')
      .whereIn('record_id', ids)
      .where({ status: 'fired' })
      .count<{ count: string }[]>('* as count');
    expect(Number(fired[0]!.count)).toBe(ids.length * 2);
  });
});
