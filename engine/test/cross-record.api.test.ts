import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossRecordSet } from './support/cross-record-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * Actions across records over HTTP against PostgreSQL: updateRecord writes a payment's customer through the
 * records' own patch (audit, version, validation, permissions), exactly under concurrency; sendEvent moves a
 * contract's open orders, records the ones that refuse, and a chain of events is stopped at its depth limit.
 */
let server: TestServer;
let clerk = '';

beforeAll(async () => {
  server = await startTestServer({ definitions: crossRecordSet() });
  clerk = (await server.userToken({ email: 'clerk@example.com', roles: ['clerk'], displayName: '出纳' })).token;
});
afterAll(async () => {
  await server?.close();
});

type Headers = Record<string, string>;
const api = (method: string, path: string, body?: unknown, headers?: Headers) =>
  server.request(method, `/api/v1/records${path}`, body, headers);
const asClerk = () => ({ authorization: `Bearer ${clerk}` });
const create = async (entity: string, body: Record<string, unknown>) => {
  const created = await api('POST', `/${entity}`, body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; version: number };
};
const get = async (entity: string, id: string) => (await api('GET', `/${entity}/${id}`)).body;
const auditOf = (entity: string, id: string) =>
  server.testDb.db.knex('lodestar_audit').where({ entity, record_id: id }).orderBy('id');

describe('updateRecord', () => {
  it('adds a payment to its customer as the actor: audit row with actor and request id, version + 1', async () => {
    const customer = await create('customer', { name: '华东机械', paidTotal: 100 });
    const payment = await create('payment', { label: 'P-1', amount: 250.5, customer: customer.id });
    const paid = await api('POST', `/payment/${payment.id}/events`, { type: 'PAY' }, { 'x-request-id': 'req-pay-1' });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const after = await get('customer', customer.id);
    expect(after).toMatchObject({ paidTotal: 350.5, version: customer.version + 1, payments: 1 });
    expect(Date.now() - new Date(after.lastPaidAt).getTime()).toBeLessThan(60_000);
    // NOW() into a date field: today in the company's zone (Asia/Shanghai).
    expect(after.lastPaidOn).toBe(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    const update = (await auditOf('customer', customer.id)).find((row) => row.action === 'update');
    expect(update).toMatchObject({ actor_id: server.admin.id, request_id: 'req-pay-1' });
    expect(update.changes.paidTotal).toEqual([100, 350.5]);
  });

  it('adds up exactly under 50 concurrent transitions of different payments of one customer', async () => {
    const customer = await create('customer', { name: '并发客户', paidTotal: 0 });
    const payments = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        create('payment', { label: `C-${i}`, amount: i + 1, customer: customer.id }),
      ),
    );
    const answers = await Promise.all(payments.map((p) => api('POST', `/payment/${p.id}/events`, { type: 'PAY' })));
    expect(answers.map((a) => a.status)).toEqual(payments.map(() => 200));
    // 1 + 2 + … + 50; one version per transition.
    expect(await get('customer', customer.id)).toMatchObject({ paidTotal: 1275, version: customer.version + 50 });
  });

  it('refuses the transition when the actor may not update the customer; nothing is written', async () => {
    const customer = await create('customer', { name: '只读客户', paidTotal: 10 });
    const payment = await create('payment', { label: 'P-2', amount: 5, customer: customer.id });
    const refused = await api('POST', `/payment/${payment.id}/events`, { type: 'PAY' }, asClerk());
    expect(refused.status).toBe(409);
    expect(refused.body.reason.zh).toBe('流程无法更新客户“只读客户”：您的角色无权修改该记录');
    expect(refused.body.reason.en).toContain('Customer "只读客户"');
    expect(refused.body.target).toEqual({ entity: 'customer', id: customer.id });
    expect(await get('payment', payment.id)).toMatchObject({ state: 'open', version: payment.version });
    expect(await get('customer', customer.id)).toMatchObject({ paidTotal: 10, version: customer.version });
    expect((await auditOf('customer', customer.id)).map((r) => r.action)).toEqual(['create']);
  });

  it('runs as the engine when the definition says so, still naming the actor in the audit trail', async () => {
    const customer = await create('customer', { name: '引擎客户', paidTotal: 10 });
    const payment = await create('payment', { label: 'P-3', amount: 5, customer: customer.id });
    const settled = await api('POST', `/payment/${payment.id}/events`, { type: 'SETTLE' }, asClerk());
    expect(settled.status, JSON.stringify(settled.body)).toBe(200);
    expect(await get('customer', customer.id)).toMatchObject({ paidTotal: 15, version: customer.version + 1 });
    const rows = await auditOf('customer', customer.id);
    const clerkId = (await server.testDb.db.knex('lodestar_users').where({ email: 'clerk@example.com' }).first()).id;
    expect(rows.at(-1)).toMatchObject({ action: 'update', actor_id: clerkId });
  });

  it('refuses a result the target field does not accept, naming the field (maxLength, maximum)', async () => {
    const customer = await create('customer', { name: '校验客户', paidTotal: 999_990 });
    const long = await create('payment', { label: '一个很长很长很长的备注文字', amount: 1, customer: customer.id });
    const note = await api('POST', `/payment/${long.id}/events`, { type: 'NOTE' });
    expect(note.status).toBe(409);
    expect(note.body.reason.zh).toMatch(/^流程无法更新客户“校验客户”：“备注”/);
    expect(note.body.reason.en).toContain('Note:');
    expect(note.body.target.issues[0]).toMatchObject({ pointer: '/note', keyword: 'maxLength' });

    const big = await create('payment', { label: 'P-4', amount: 100, customer: customer.id });
    const pay = await api('POST', `/payment/${big.id}/events`, { type: 'PAY' });
    expect(pay.status).toBe(409);
    expect(pay.body.reason.zh).toContain('“累计回款”');
    expect(pay.body.target.issues[0]).toMatchObject({ pointer: '/paidTotal', keyword: 'maximum' });
    expect(await get('customer', customer.id)).toMatchObject({ paidTotal: 999_990, version: customer.version });
    expect(await get('payment', big.id)).toMatchObject({ state: 'open' });
  });

  it("keeps to the target's stage rules, as a user's patch does", async () => {
    const customer = await create('customer', { name: '归档客户', paidTotal: 5 });
    expect((await api('POST', `/customer/${customer.id}/events`, { type: 'ARCHIVE' })).status).toBe(200);
    const payment = await create('payment', { label: 'P-6', amount: 1, customer: customer.id });
    const pay = await api('POST', `/payment/${payment.id}/events`, { type: 'PAY' });
    expect(pay.status).toBe(409);
    expect(pay.body.reason.zh).toContain('“已归档”阶段已锁定');
    expect(pay.body.target.issues[0]).toMatchObject({ pointer: '/paidTotal', keyword: 'stageLocked' });
    // The note is not locked: NOTE passes.
    const short = await create('payment', { label: '短', amount: 1, customer: customer.id });
    expect((await api('POST', `/payment/${short.id}/events`, { type: 'NOTE' })).status).toBe(200);
    expect(await get('customer', customer.id)).toMatchObject({ paidTotal: 5, note: '短' });
  });

  it("runs from a new record's start (entry actions of its initial state), in the create's transaction", async () => {
    const customer = await create('customer', { name: '收据客户', paidTotal: 1 });
    const receipt = await api('POST', '/receipt', { label: 'R-1', amount: 2, customer: customer.id });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    expect(await get('customer', customer.id)).toMatchObject({ paidTotal: 3, note: '收据', version: 2 });
    // A refused entry action refuses the create: nothing is left behind.
    const big = await api('POST', '/receipt', { label: 'R-2', amount: 2_000_000, customer: customer.id });
    expect(big.status).toBe(409);
    expect(big.body.reason.zh).toContain('“累计回款”');
    expect(await server.testDb.db.knex('receipt').where({ label: 'R-2' })).toEqual([]);
  });

  it('does nothing when the path is blank', async () => {
    const payment = await create('payment', { label: 'P-5', amount: 1 });
    expect((await api('POST', `/payment/${payment.id}/events`, { type: 'PAY' })).status).toBe(200);
  });
});

describe('sendEvent', () => {
  const contractWithOrders = async () => {
    const contract = await create('contract', { name: '年度合同' });
    const orders = [
      await create('order', { name: 'O-1', reference: 'R1', contract: contract.id }),
      await create('order', { name: 'O-2', reference: 'R2', contract: contract.id }),
      await create('order', { name: 'O-3', contract: contract.id }),
    ];
    return { contract, orders };
  };

  it('moves the children that accept, records the one that refuses, and skips those `where` leaves out', async () => {
    const { contract, orders } = await contractWithOrders();
    const done = await create('order', { name: 'O-4', reference: 'R4', contract: contract.id });
    expect((await api('POST', `/order/${done.id}/events`, { type: 'CANCEL' })).status).toBe(200);
    const closed = await api(
      'POST',
      `/contract/${contract.id}/events`,
      { type: 'CLOSE' },
      { 'x-request-id': 'close-1' },
    );
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.record.state).toBe('closed');
    const states = await Promise.all(orders.map(async (o) => (await get('order', o.id)).state));
    expect(states).toEqual(['cancelled', 'cancelled', 'open']);
    // The order already cancelled got no second CANCEL.
    expect((await get('order', done.id)).version).toBe(done.version + 1);
    const history = await server.testDb.db.knex('lodestar_history').where({ record_id: orders[0]!.id }).orderBy('id');
    expect(history.map((h) => h.event)).toEqual(['START', 'CANCEL']);
    const sent = (await auditOf('contract', contract.id)).find((row) => row.detail?.sendEvent === 'CANCEL');
    expect(sent.request_id).toBe('close-1');
    const outcome = (id: string) => sent.detail.targets.find((t: { id: string }) => t.id === id);
    expect(outcome(orders[0]!.id)).toMatchObject({ outcome: 'moved', from: 'open', to: 'cancelled' });
    expect(outcome(orders[2]!.id)).toMatchObject({ entity: 'order', outcome: 'refused' });
    expect(outcome(orders[2]!.id).reason.zh).toContain('缺少必填字段');
    expect(outcome(done.id)).toBeUndefined();
    // Admins read the same on the contract's audit trail.
    const trail = await api('GET', `/contract/${contract.id}/audit`);
    expect(trail.status).toBe(200);
    expect(trail.body.data.find((row: { detail?: { sendEvent?: string } }) => row.detail?.sendEvent)).toMatchObject({
      action: 'transition',
      detail: {
        sendEvent: 'CANCEL',
        targets: expect.arrayContaining([expect.objectContaining({ outcome: 'refused' })]),
      },
    });
  });

  it('with required: true, one refusal refuses the whole transition and nothing moves', async () => {
    const { contract, orders } = await contractWithOrders();
    const refused = await api('POST', `/contract/${contract.id}/events`, { type: 'CLOSE_ALL' });
    expect(refused.status).toBe(409);
    expect(refused.body.reason.zh).toContain('拒绝了事件 CANCEL');
    expect(refused.body.target).toMatchObject({ entity: 'order', id: orders[2]!.id });
    expect(await get('contract', contract.id)).toMatchObject({ state: 'active', version: contract.version });
    for (const order of orders) expect(await get('order', order.id)).toMatchObject({ state: 'open', version: 1 });
  });

  it('refuses a write back to the record whose transition sent the event, recording why', async () => {
    const { contract, orders } = await contractWithOrders();
    const archived = await api('POST', `/contract/${contract.id}/events`, { type: 'ARCHIVE' });
    expect(archived.status, JSON.stringify(archived.body)).toBe(200);
    expect(await get('contract', contract.id)).toMatchObject({ name: '年度合同', state: 'closed' });
    const sent = (await auditOf('contract', contract.id)).find((row) => row.detail?.sendEvent === 'TOUCH');
    expect(sent.detail.targets).toHaveLength(orders.length);
    for (const target of sent.detail.targets) {
      expect(target.outcome).toBe('refused');
      expect(target.reason.zh).toContain('自身的流转正在进行中');
    }
  });

  it('stops a chain of events deeper than the limit with a clear reason; nothing moves', async () => {
    let parent: string | undefined;
    const ids: string[] = [];
    for (let level = 7; level >= 1; level--) {
      const created: { id: string } = await create(`level${level}`, { name: `L${level}`, ...(parent && { parent }) });
      ids.unshift(created.id);
      parent = created.id;
    }
    const go = await api('POST', `/level1/${ids[0]}/events`, { type: 'GO' });
    expect(go.status).toBe(409);
    expect(go.body.reason.en).toContain('went 5 deep');
    expect(go.body.reason.zh).toContain('已达 5 层');
    for (const [i, id] of ids.entries()) expect((await get(`level${i + 1}`, id)).state).toBe('waiting');
  });
});

describe('the library', () => {
  it('offers updateRecord and sendEvent with their params schemas to the designer', async () => {
    const library = await server.request('GET', '/api/v1/meta/library');
    const named = (name: string) => library.body.actions.find((a: { name: string }) => a.name === name);
    expect(named('updateRecord')).toMatchObject({
      phase: 'inTransaction',
      params: { required: ['path', 'set'], properties: { runAs: { enum: ['actor', 'engine'] } } },
    });
    expect(named('sendEvent').params.properties).toHaveProperty('required');
  });
});
