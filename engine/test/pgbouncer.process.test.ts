import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin, spawnEngine, waitForHealth, type EngineProcess } from './support/engine-process.js';
import { startPgBouncer, type Bouncer } from './support/pgbouncer.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';

/*
 * Two engines behind Debian's PgBouncer 1.18 in transaction mode, which forgets named prepared statements
 * between transactions: with LODESTAR_STATEMENTS=unnamed every statement (lists, sign-in lookups, guards)
 * works however the pooler shuffles server connections, and the listening connection goes past the pooler
 * (LODESTAR_LISTEN_URL), so a revoked key and a published model reach the other engine at once.
 */
let testDb: TestDb;
let bouncer: Bouncer;
const engines: EngineProcess[] = [];

beforeAll(async () => {
  testDb = await createPostgresDb();
  bouncer = await startPgBouncer(testDb.url!);
}, 60_000);
afterAll(async () => {
  for (const engine of engines) engine.child.kill('SIGKILL');
  await Promise.all(engines.map((engine) => engine.exited));
  await bouncer?.stop();
  await testDb?.drop();
});

async function startEngine(): Promise<{ url: string; token: string }> {
  const engine = spawnEngine({
    DATABASE_URL: bouncer.urlFor(testDb.url!),
    LODESTAR_LISTEN_URL: testDb.url!,
    LODESTAR_STATEMENTS: 'unnamed',
    LOG_LEVEL: 'error',
  });
  engines.push(engine);
  await waitForHealth(engine.url, Date.now() + 150_000).catch((error: Error) => {
    throw new Error(`${error.message}\n${engine.output()}\n${bouncer.output()}`);
  });
  return { url: engine.url, token: await loginAdmin(engine.url) };
}

async function call(
  to: { url: string; token: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${to.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${to.token}` },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('behind PgBouncer in transaction mode', () => {
  it('serves a sales journey from two engines, every statement unnamed', async () => {
    const a = await startEngine();
    const b = await startEngine();
    const customer = await call(a, 'POST', '/records/customer', {
      record_type: 'company',
      name: '苏州恒泰精工',
      industry: 'manufacturing',
      level: 'normal',
    });
    expect(customer.status, JSON.stringify(customer.body)).toBe(201);
    const contact = await call(b, 'POST', '/records/contact', { name: '陈立', customer: customer.body.id });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);
    const deal = await call(b, 'POST', '/records/opportunity', {
      name: '恒泰二期产线',
      customer: customer.body.id,
      contacts: [contact.body.id],
      amount: 560_000,
    });
    expect(deal.status, JSON.stringify(deal.body)).toBe(201);
    const moved = await call(a, 'POST', `/records/opportunity/${deal.body.id}/events`, { type: 'SHOW_INTEREST' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    // Many lists at once on both engines: each engine connection's statements land on two server connections.
    const paths = ['/records/customer', '/records/opportunity?sort=-amount', `/records/opportunity/${deal.body.id}`];
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => call(i % 2 ? a : b, 'GET', paths[i % paths.length]!)),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(60).fill(200));
    expect((await call(b, 'GET', `/records/opportunity/${deal.body.id}`)).body.state).toBe(moved.body.record.state);
    expect(bouncer.output()).not.toMatch(/prepared statement/i);
  }, 400_000);

  it('hears a revoked key on the other engine at once, through the direct listening connection', async () => {
    const [a, b] = [await startEngine(), await startEngine()];
    const created = await call(a, 'POST', '/auth/api-keys', { name: 'ERP' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const asKey = { url: b.url, token: created.body.key as string };
    expect((await call(asKey, 'GET', '/records/customer')).status).toBe(200);
    expect((await call(a, 'DELETE', `/auth/api-keys/${created.body.id}`)).status).toBe(204);
    const deadline = Date.now() + 2_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) status = (await call(asKey, 'GET', '/records/customer')).status;
    expect(status).toBe(401);
  }, 400_000);
});
