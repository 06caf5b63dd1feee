import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin, spawnEngine, waitForHealth, type EngineProcess } from './support/engine-process.js';
import { FIXTURES } from './support/paths.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';

// Date-relative timers are durable and fire once like every timer: real `lodestar start` processes on one
// PostgreSQL database, one killed with SIGKILL, two polling together. A payment is overdue `at promisedAt`.
let testDb: TestDb;
const engines: EngineProcess[] = [];
const tokens = new Map<EngineProcess, string>();

beforeAll(async () => {
  testDb = await createPostgresDb();
});
afterAll(async () => {
  for (const engine of engines) engine.child.kill('SIGKILL');
  await Promise.all(engines.map((engine) => engine.exited));
  await testDb?.drop();
});

async function startEngine(): Promise<EngineProcess> {
  const engine = spawnEngine({
    DATABASE_URL: testDb.url!,
    LODESTAR_DEFINITIONS: join(FIXTURES, 'date-timers'),
    LODESTAR_TIMER_POLL_MS: '50',
  });
  engines.push(engine);
  await waitForHealth(engine.url);
  tokens.set(engine, await loginAdmin(engine.url));
  return engine;
}

async function send(engine: EngineProcess, method: string, path: string, body: unknown) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(engine)}` };
  const response = await fetch(`${engine.url}/api/v1/records/payment${path}`, {
    method,
    headers,
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as { id: string; version: number; state: string };
}

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

const events = async (id: string) =>
  (await testDb.db.knex('lodestar_history').where({ record_id: id }).orderBy('id').select('event', 'to_state')).map(
    (row: { event: string; to_state: string }) => `${row.event}:${row.to_state}`,
  );

async function untilOverdue(ids: string[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const count = await testDb.db
      .knex('payment')
      .whereIn('id', ids)
      .where({ state: 'overdue' })
      .count<{ count: string }[]>('* as count');
    if (Number(count[0]!.count) === ids.length) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const PATH = ['START:open', 'after.at promisedAt:overdue'];
const live = () => engines.filter((engine) => engine.child.exitCode === null && engine.child.signalCode === null);

describe('date-relative timers across processes', () => {
  it('fire after the engine was killed with SIGKILL, at the time the last edit set, once', async () => {
    const first = await startEngine();
    const payment = await send(first, 'POST', '', { title: 'Killed', promisedAt: inMs(3_600_000) });
    // Moved from an hour away to a second away, then the engine dies before it comes due.
    await send(first, 'PATCH', `/${payment.id}`, { version: payment.version, promisedAt: inMs(1000) });
    first.child.kill('SIGKILL');
    await first.exited;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await events(payment.id)).toEqual(['START:open']);
    const timers = await testDb.db.knex('lodestar_timers').where({ record_id: payment.id }).orderBy('id');
    expect(timers.map((t: { status: string }) => t.status)).toEqual(['cancelled', 'pending']);

    await startEngine();
    await untilOverdue([payment.id]);
    expect(await events(payment.id)).toEqual(PATH);
  });

  it('fire exactly once with two engines polling the same database', async () => {
    const running = live();
    while (running.length < 2) running.push(await startEngine());
    const [a, b] = running as [EngineProcess, EngineProcess];
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        send(i % 2 ? a : b, 'POST', '', { title: `Twin ${i}`, promisedAt: inMs(1500) }),
      ),
    );
    // Half of them are edited through the other engine while waiting: still one timer each.
    await Promise.all(
      created
        .filter((_, i) => i % 4 === 0)
        .map((p, i) => send(i % 2 ? b : a, 'PATCH', `/${p.id}`, { version: p.version, promisedAt: inMs(2000) })),
    );
    const ids = created.map((p) => p.id);
    await untilOverdue(ids);
    for (const id of ids) expect(await events(id)).toEqual(PATH);
    const fired = await testDb.db
      .knex('lodestar_timers')
      .whereIn('record_id', ids)
      .where({ status: 'fired' })
      .count<{ count: string }[]>('* as count');
    expect(Number(fired[0]!.count)).toBe(ids.length);
  });
});
