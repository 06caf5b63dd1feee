import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';
import { startOutboxWorker, type OutboxWorker } from '../src/outbox/index.js';
import { changeSender } from '../src/webhooks/send-change.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { WebhookReceiver, waitFor, type Delivery } from './support/webhook-receiver.js';

/**
 * Change webhooks end to end on PostgreSQL: an ERP stand-in (a local HTTP server checking signatures)
 * subscribes over the API and must receive every change of the chosen entities exactly once, in order
 * per record, through failures, retries and a restarted worker.
 */
let server: TestServer;
const erp = new WebhookReceiver();
const workers: OutboxWorker[] = [];

beforeAll(async () => {
  [server] = await Promise.all([startTestServer(), erp.start()]);
});
afterAll(async () => {
  await Promise.all([server?.close(), erp.close()]);
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  for (const { id } of (await server.request('GET', '/api/v1/admin/webhooks')).body.data as { id: string }[])
    expect((await server.request('DELETE', `/api/v1/admin/webhooks/${id}`)).status).toBe(204);
  erp.received = [];
  erp.respond = () => 200;
});

async function subscribe(body: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
  const res = await server.request('POST', '/api/v1/admin/webhooks', {
    name: 'ERP 同步',
    url: erp.url,
    entities: ['customer'],
    events: ['created', 'updated', 'deleted', 'stateChanged'],
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  erp.secret = res.body.secret as string;
  return { id: res.body.subscription.id as string, secret: res.body.secret as string };
}

async function createCustomer(name: string): Promise<string> {
  const res = await server.request('POST', '/api/v1/records/customer', {
    record_type: 'company',
    name,
    industry: 'retail',
    level: 'normal',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** A PATCH at the record's current version, read again after each 409: concurrent writers all get through. */
async function patchUntilDone(id: string, change: Record<string, unknown>): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const current = await server.request('GET', `/api/v1/records/customer/${id}`);
    const res = await server.request('PATCH', `/api/v1/records/customer/${id}`, {
      version: current.body.version,
      ...change,
    });
    if (res.status === 200) return;
    expect(res.status, JSON.stringify(res.body)).toBe(409);
  }
  throw new Error('the patch never got through');
}

/** The audit ids of a record's changes that are events (an update that changed nothing is none), oldest first. */
async function changeIds(recordId: string): Promise<string[]> {
  const res = await server.request('GET', `/api/v1/admin/audit?entity=customer&recordId=${recordId}&limit=200`);
  expect(res.status).toBe(200);
  return (res.body.data as { id: string; action: string; changes: object }[])
    .filter((row) => !(row.action === 'update' && Object.keys(row.changes).length === 0))
    .map((row) => row.id)
    .reverse();
}

const acceptedFor = (recordId: string): Delivery[] => erp.accepted().filter((d) => d.body.recordId === recordId);

/** Each change of the record accepted exactly once, in the order the changes happened. */
async function expectExactlyOnceInOrder(recordId: string): Promise<void> {
  const expected = await changeIds(recordId);
  await waitFor(() => acceptedFor(recordId).length >= expected.length);
  const accepted = acceptedFor(recordId).map((d) => d.body.id as string);
  expect(accepted).toEqual(expected);
}

function workerWithQuickRetries(): OutboxWorker {
  const worker = startOutboxWorker(
    {
      knex: server.testDb.db.knex,
      log: createLogger('silent'),
      senders: { change: changeSender(server.testDb.db.knex) },
    },
    { pollMs: 20, concurrency: 4, maxAttempts: 5, backoff: { baseMs: 40, factor: 1, jitter: 0 } },
  );
  workers.push(worker);
  return worker;
}

describe('change webhooks', () => {
  it('are for administrators only', async () => {
    const { token } = await server.userToken({ email: 'rep@lodestar.test', roles: ['salesperson'] });
    const asRep = { authorization: `Bearer ${token}` };
    const list = await server.request('GET', '/api/v1/admin/webhooks', undefined, asRep);
    expect(list.status).toBe(403);
    expect(list.body.i18n.zh).toContain('仅限系统管理员管理 Webhook');
    const create = await server.request(
      'POST',
      '/api/v1/admin/webhooks',
      { name: 'x', url: erp.url, entities: ['customer'], events: ['created'] },
      asRep,
    );
    expect(create.status).toBe(403);
    // The payloads are described to those who can subscribe.
    const doc = await server.request('GET', '/api/v1/openapi.json', undefined, asRep);
    expect(doc.status).toBe(200);
    expect(doc.body.webhooks).toBeUndefined();
  });

  it('refuse an unknown entity, a bad URL or no events, naming the field', async () => {
    const bad = await server.request('POST', '/api/v1/admin/webhooks', {
      name: 'ERP',
      url: erp.url,
      entities: ['customer', 'invoice'],
      events: ['created'],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.issues).toEqual([
      expect.objectContaining({
        pointer: '/entities/1',
        i18n: expect.objectContaining({ zh: '“invoice”不是已发布模型中的实体' }),
      }),
    ]);
    const url = await server.request('POST', '/api/v1/admin/webhooks', {
      name: 'ERP',
      url: 'ftp://erp.example/in',
      entities: ['customer'],
      events: ['created'],
    });
    expect(url.status).toBe(422);
    expect(url.body.issues[0].pointer).toBe('/url');
    const events = await server.request('POST', '/api/v1/admin/webhooks', {
      name: 'ERP',
      url: erp.url,
      entities: ['customer'],
      events: ['renamed'],
    });
    expect(events.status).toBe(422);
    expect(events.body.issues[0].pointer).toMatch(/^\/events/);
  });

  it('show the secret once, and the OpenAPI document describes each payload', async () => {
    const { id, secret } = await subscribe();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const read = await server.request('GET', `/api/v1/admin/webhooks/${id}`);
    expect(read.body).toMatchObject({ id, secretHint: `whsec_…${secret.slice(-4)}`, active: true });
    expect(JSON.stringify(read.body)).not.toContain(secret);
    expect(JSON.stringify((await server.request('GET', '/api/v1/admin/webhooks')).body)).not.toContain(secret);

    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    const updated = doc.webhooks['customer.updated'].post;
    const schema = updated.requestBody.content['application/json'].schema;
    expect(schema.properties.type).toEqual({ const: 'customer.updated' });
    expect(schema.properties.changes.properties.name.prefixItems[1].anyOf[0].$ref).toBe(
      '#/components/schemas/Customer/properties/name',
    );
    expect(
      doc.webhooks['opportunity.stateChanged'].post.requestBody.content['application/json'].schema.required,
    ).toContain('transition');
    expect(updated.parameters.map((p: { name: string }) => p.name)).toContain('X-Lodestar-Signature');
  });

  it('deliver signed events, in order per record under concurrent updates, each change once', async () => {
    await subscribe();
    // The ERP answers after a random pause, so deliveries of different records overlap.
    erp.respond = async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
      return 200;
    };
    const [a, b] = await Promise.all([createCustomer('华东机械'), createCustomer('南方贸易')]);
    // Three writers per record, four updates each, racing for the same rows.
    await Promise.all(
      [a, b].flatMap((id) =>
        [0, 1, 2].map(async (writer) => {
          for (let i = 1; i <= 4; i++) await patchUntilDone(id, { annualRevenue: writer * 100 + i });
        }),
      ),
    );
    const moved = await server.request('POST', `/api/v1/records/customer/${a}/events`, { type: 'ACTIVATE' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const current = await server.request('GET', `/api/v1/records/customer/${b}`);
    expect(
      (
        await server.request('DELETE', `/api/v1/records/customer/${b}`, undefined, {
          'if-match': `"${current.body.version}"`,
        })
      ).status,
    ).toBe(204);

    await expectExactlyOnceInOrder(a);
    await expectExactlyOnceInOrder(b);
    expect(erp.received.every((d) => d.signed)).toBe(true);
    expect(new Set(erp.received.map((d) => d.headers['x-lodestar-event'])).size).toBe(erp.received.length);

    // Each record's revenue goes from one value to the next without a gap: the order is the order of the writes.
    for (const id of [a, b]) {
      const revenues = acceptedFor(id)
        .filter((d) => d.body.event === 'updated')
        .map((d) => d.body.changes.annualRevenue as [number | null, number]);
      expect(revenues).toHaveLength(12);
      revenues.slice(1).forEach(([before], i) => expect(before).toBe(revenues[i]![1]));
    }
    const [created, ...rest] = acceptedFor(a).map((d) => d.body);
    expect(created).toMatchObject({ type: 'customer.created', entity: 'customer', recordId: a });
    expect(created.changes.name).toEqual([null, '华东机械']);
    expect(rest.at(-1)).toMatchObject({
      type: 'customer.stateChanged',
      transition: { workflow: 'customer-lifecycle', event: 'ACTIVATE', from: 'prospect', to: 'active' },
    });
    expect(rest.at(-1).changedFields).toContain('state');
    expect(acceptedFor(b).at(-1)!.body).toMatchObject({ type: 'customer.deleted' });
    expect(acceptedFor(b).at(-1)!.body.changes.name).toEqual(['南方贸易', null]);
    expect(acceptedFor(b)[3]!.body).toMatchObject({ event: 'updated', changedFields: ['annualRevenue'] });
  });

  it('retry a failing receiver with backoff, one accepted delivery per change, through a worker restart', async () => {
    await server.engine.outbox.stop();
    const { id: subscription } = await subscribe({ events: ['created', 'updated'] });
    // Every event is refused twice before it is accepted.
    const refusals = new Map<string, number>();
    erp.respond = (d) => {
      const seen = refusals.get(d.body.id as string) ?? 0;
      refusals.set(d.body.id as string, seen + 1);
      return seen < 2 ? 503 : 200;
    };
    const id = await createCustomer('西部重工');
    for (let i = 1; i <= 5; i++) await patchUntilDone(id, { annualRevenue: i });

    const worker = workerWithQuickRetries();
    await waitFor(() => acceptedFor(id).length >= 2);
    // Restart: the worker stops between attempts, and a new one picks up the rest.
    await worker.stop();
    const acceptedBefore = acceptedFor(id).length;
    expect(acceptedBefore).toBeLessThan(6);
    for (let i = 6; i <= 7; i++) await patchUntilDone(id, { annualRevenue: i });
    workerWithQuickRetries();
    await expectExactlyOnceInOrder(id);
    // Every refusal came before the acceptance, and nothing was sent again after it.
    for (const eventId of refusals.keys()) {
      const statuses = erp.received.filter((d) => d.body.id === eventId).map((d) => d.status);
      expect(statuses, eventId).toEqual([503, 503, 200]);
    }

    // The receiver answers before the worker records the outcome: wait for the last one to be written.
    const deliveries = () => server.request('GET', `/api/v1/admin/webhooks/${subscription}/deliveries`);
    await waitFor(async () => (await deliveries()).body.data.every((d: { status: string }) => d.status === 'sent'));
    const log = await deliveries();
    expect(log.status).toBe(200);
    expect(log.body.data).toHaveLength(8);
    expect(log.body.data[0]).toMatchObject({ status: 'sent', attempts: 3, type: 'customer.updated', recordId: id });
    expect(log.body.data[0].log.map((a: { statusCode: number }) => a.statusCode)).toEqual([503, 503, 200]);
    expect(log.body.data[0].log[0].error).toBe('HTTP 503 Service Unavailable');
  });

  it('give up after the last attempt, and send again when an administrator retries', async () => {
    await server.engine.outbox.stop();
    const { id: subscription } = await subscribe({ events: ['created'] });
    erp.respond = () => 500;
    const id = await createCustomer('北方物流');
    const worker = workerWithQuickRetries();
    await waitFor(async () => {
      const page = await server.request('GET', `/api/v1/admin/webhooks/${subscription}/deliveries`);
      return page.body.data[0]?.status === 'failed';
    });
    await worker.drain();
    expect(erp.received.map((d) => d.status)).toEqual([500, 500, 500, 500, 500]);

    const delivery = (await server.request('GET', `/api/v1/admin/webhooks/${subscription}/deliveries`)).body.data[0];
    erp.respond = () => 200;
    const retried = await server.request(
      'POST',
      `/api/v1/admin/webhooks/${subscription}/deliveries/${delivery.id}/retry`,
    );
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    const sent = async () =>
      (await server.request('GET', `/api/v1/admin/webhooks/${subscription}/deliveries`)).body.data[0];
    await waitFor(async () => (await sent()).status === 'sent');
    expect(acceptedFor(id)).toHaveLength(1);
    const after = await sent();
    expect(after).toMatchObject({ id: delivery.id, status: 'sent' });
    expect(after.log.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 500, 500, 500, 200]);

    const other = await server.request('POST', `/api/v1/admin/webhooks/${subscription}/deliveries/999999/retry`);
    expect(other.status).toBe(404);
  });

  it('capture nothing while paused, and leave no trigger behind without an active subscription', async () => {
    const knex = server.testDb.db.knex;
    const armed = async () =>
      (
        (await knex.raw(`select count(*)::int as n from pg_trigger where tgname = 'lodestar_audit_webhooks'`)) as {
          rows: { n: number }[];
        }
      ).rows[0]!.n === 1;
    expect(await armed()).toBe(false);
    const { id: subscription } = await subscribe();
    expect(await armed()).toBe(true);
    const paused = await server.request('PATCH', `/api/v1/admin/webhooks/${subscription}`, { active: false });
    expect(paused.status).toBe(200);
    expect(paused.body.active).toBe(false);
    expect(await armed()).toBe(false);
    await createCustomer('暂停期间');
    const log = await server.request('GET', `/api/v1/admin/webhooks/${subscription}/deliveries`);
    expect(log.body.data).toEqual([]);

    await server.request('PATCH', `/api/v1/admin/webhooks/${subscription}`, { active: true });
    expect(await armed()).toBe(true);
    const rotated = await server.request('POST', `/api/v1/admin/webhooks/${subscription}/secret`);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect((await server.request('DELETE', `/api/v1/admin/webhooks/${subscription}`)).status).toBe(204);
    expect(await armed()).toBe(false);
    expect((await server.request('GET', `/api/v1/admin/webhooks/${subscription}`)).status).toBe(404);

    // Who pointed which endpoint where is on record; the secrets never are.
    const trail = await server.request('GET', `/api/v1/admin/audit?entity=lodestar.webhook&recordId=${subscription}`);
    expect(trail.status).toBe(200);
    const rows = (trail.body.data as { action: string; actorId: string; changes: object; detail: unknown }[]).reverse();
    expect(rows.map((r) => [r.action, r.changes, r.detail])).toEqual([
      [
        'create',
        {
          name: [null, 'ERP 同步'],
          url: [null, erp.url],
          entities: [null, ['customer']],
          events: [null, ['created', 'updated', 'deleted', 'stateChanged']],
          active: [null, true],
        },
        null,
      ],
      ['update', { active: [true, false] }, null],
      ['update', { active: [false, true] }, null],
      ['update', {}, { secret: 'replaced' }],
      ['delete', expect.objectContaining({ url: [erp.url, null] }), null],
    ]);
    expect(rows.every((r) => r.actorId === server.admin.id)).toBe(true);
    expect(JSON.stringify(trail.body)).not.toMatch(/whsec_/);
  });

  it('capture set-based writes as well: each imported record, then each one a handover moves', async () => {
    await server.engine.outbox.stop();
    await subscribe();
    workerWithQuickRetries();
    const uploaded = await fetch(`${server.url}/api/v1/imports?entity=customer&recordType=company`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(Buffer.from('客户名称,所属行业\n导入一,制造业\n导入二,零售业\n导入三,制造业\n', 'utf8')),
    });
    expect(uploaded.status).toBe(202);
    const job = ((await uploaded.json()) as { id: string }).id;
    await waitFor(async () => (await server.request('GET', `/api/v1/imports/${job}`)).body.status !== 'running');
    expect((await server.request('GET', `/api/v1/imports/${job}`)).body).toMatchObject({
      status: 'succeeded',
      created: 3,
    });
    const imported = () => erp.accepted().filter((d) => String(d.body.changes.name?.[1]).startsWith('导入'));
    await waitFor(() => imported().length === 3);
    expect(imported().map((d) => d.body.type)).toEqual(['customer.created', 'customer.created', 'customer.created']);

    const { user: successor } = await server.userToken({ email: 'successor@lodestar.test', roles: ['salesperson'] });
    const moved = await server.request('POST', '/api/v1/admin/handover', {
      fromUserId: server.admin.id,
      toUserId: successor.id,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    for (const { body } of imported()) {
      await expectExactlyOnceInOrder(body.recordId as string);
      expect(acceptedFor(body.recordId as string).at(-1)!.body).toMatchObject({
        type: 'customer.updated',
        changedFields: ['owner_id'],
        changes: { owner_id: [server.admin.id, successor.id] },
      });
    }
  });

  it('wait at most a moment for writes in flight: starting is refused during a long write, stopping leaves the trigger inert', async () => {
    const knex = server.testDb.db.knex;
    const armed = async () =>
      (
        (await knex.raw(`select count(*)::int as n from pg_trigger where tgname = 'lodestar_audit_webhooks'`)) as {
          rows: { n: number }[];
        }
      ).rows[0]!.n === 1;
    // A long write holds the audit table, as an import's one transaction does.
    const importing = await knex.transaction();
    try {
      await importing.raw(
        `insert into lodestar_audit (entity, record_id, action) values ('customer', gen_random_uuid()::text, 'create')`,
      );
      const started = Date.now();
      const refused = await server.request('POST', '/api/v1/admin/webhooks', {
        name: 'ERP',
        url: erp.url,
        entities: ['customer'],
        events: ['created'],
      });
      expect(refused.status).toBe(409);
      expect(refused.body.i18n.zh).toBe('当前正在大批量写入记录（例如导入），订阅暂时无法保存，请稍后重试');
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await server.request('GET', '/api/v1/admin/webhooks')).body.data).toEqual([]);
    } finally {
      await importing.rollback();
    }

    const { id } = await subscribe();
    const writing = await knex.transaction();
    try {
      await writing.raw(
        `insert into lodestar_audit (entity, record_id, action) values ('customer', gen_random_uuid()::text, 'create')`,
      );
      const paused = await server.request('PATCH', `/api/v1/admin/webhooks/${id}`, { active: false });
      expect(paused.status).toBe(200);
    } finally {
      await writing.rollback();
    }
    // Still there but inert; the next change of a subscription removes it.
    expect(await armed()).toBe(true);
    await createCustomer('无人订阅');
    expect((await server.request('GET', `/api/v1/admin/webhooks/${id}/deliveries`)).body.data).toEqual([]);
    await server.request('PATCH', `/api/v1/admin/webhooks/${id}`, { name: 'ERP（停用）' });
    expect(await armed()).toBe(false);
  });
});
