import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin, spawnEngine, waitForHealth, type EngineProcess } from './support/engine-process.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';
import { WebhookReceiver, waitFor, type Delivery } from './support/webhook-receiver.js';

/*
 * Change webhooks when an engine is killed in the middle of a delivery: the receiver has taken the event
 * but the engine never learns it, so the row stays claimed. Another engine sends it again once the claim
 * runs out, with the same event id, and the ERP stand-in — which, as the docs ask of receivers, accepts an
 * event id once — ends with each change exactly once, in the order of the record's changes.
 */
let testDb: TestDb;
const engines: EngineProcess[] = [];
const erp = new WebhookReceiver();
const LEASE_MS = 3000;

beforeAll(async () => {
  [testDb] = await Promise.all([createPostgresDb(), erp.start()]);
});
afterAll(async () => {
  for (const engine of engines) engine.child.kill('SIGKILL');
  await Promise.all(engines.map((engine) => engine.exited));
  await Promise.all([testDb?.drop(), erp.close()]);
});

async function startEngine(): Promise<{ engine: EngineProcess; call: typeof fetchJson }> {
  const engine = spawnEngine({
    DATABASE_URL: testDb.url!,
    LODESTAR_OUTBOX_LEASE_MS: String(LEASE_MS),
    LODESTAR_TIMER_POLL_MS: '100',
  });
  engines.push(engine);
  await waitForHealth(engine.url);
  const token = await loginAdmin(engine.url);
  const call: typeof fetchJson = (method, path, body) => fetchJson(method, path, body, { url: engine.url, token });
  return { engine, call };
}

async function fetchJson(
  method: string,
  path: string,
  body?: unknown,
  to?: { url: string; token: string },
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${to!.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${to!.token}` },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The distinct event ids the receiver took for a record, in the order it first took them. */
function takenOnce(recordId: string): string[] {
  const ids = erp.received.filter((d: Delivery) => d.body.recordId === recordId).map((d) => d.body.id as string);
  return [...new Set(ids)];
}

describe('change webhooks across a killed engine', () => {
  it('send the event the dead engine had in flight again, same id, and every later change once, in order', async () => {
    const first = await startEngine();
    const created = await first.call('POST', '/admin/webhooks', {
      name: 'ERP 同步',
      url: erp.url,
      entities: ['customer'],
      events: ['created', 'updated'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    erp.secret = created.body.secret;

    // The receiver takes the first event and holds its answer: the engine is killed before it comes.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = true;
    erp.respond = async () => {
      if (holding) {
        holding = false;
        await held;
      }
      return 200;
    };
    const customer = await first.call('POST', '/records/customer', {
      record_type: 'company',
      name: '东方机床',
      industry: 'manufacturing',
      level: 'normal',
    });
    expect(customer.status, JSON.stringify(customer.body)).toBe(201);
    const id = customer.body.id as string;
    await waitFor(() => !holding);
    first.engine.child.kill('SIGKILL');
    await first.engine.exited;
    release();
    await waitFor(() => erp.received.length === 1);

    // A second engine takes over and the record changes on.
    const second = await startEngine();
    for (let revenue = 1; revenue <= 3; revenue++) {
      const current = await second.call('GET', `/records/customer/${id}`);
      const patched = await second.call('PATCH', `/records/customer/${id}`, {
        version: current.body.version,
        annualRevenue: revenue * 100_000,
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    }

    const audit = await second.call('GET', `/admin/audit?entity=customer&recordId=${id}&limit=50`);
    const changes = (audit.body.data as { id: string; action: string; changes: object }[])
      .filter((row) => !(row.action === 'update' && Object.keys(row.changes).length === 0))
      .map((row) => row.id)
      .reverse();
    expect(changes).toHaveLength(4);
    await waitFor(() => takenOnce(id).length >= changes.length, LEASE_MS * 5);
    // Each change taken, in order, and only the one in flight at the kill arrived twice, with the same id.
    expect(takenOnce(id)).toEqual(changes);
    const arrivals = erp.received.map((d) => d.body.id as string);
    expect(arrivals.filter((event) => event === changes[0])).toHaveLength(2);
    for (const later of changes.slice(1)) expect(arrivals.filter((event) => event === later)).toHaveLength(1);
    expect(erp.received.every((d) => d.signed)).toBe(true);
    const redelivered = erp.received.filter((d) => d.body.id === changes[0]);
    expect(redelivered[1]!.headers['x-lodestar-event']).toBe(redelivered[0]!.headers['x-lodestar-event']);
  }, 90_000);
});
