import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossRecordSet } from './support/carry-forward-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// createRecord carrying a quote forward into an order (issue 15): owner from the quote's sales rep, the
// order's record type, the name copied, the three lines copied in one INSERT, the order pointing back
// at the quote and the quote keeping the order's id, all in the APPROVE transition's transaction.

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ definitions: crossRecordSet() });
});
afterAll(async () => {
  await server?.close();
});

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  server.request(method, `/api/v1/records${path}`, body, headers);
const db = () => server.testDb.db.knex;

const threeLines = [
  { product: 'Pump', quantity: 2, unitPrice: 1000, discount: 0.1 },
  { product: 'Valve', quantity: 10, unitPrice: 35.5, discount: 0 },
  { product: 'Install', quantity: 1, unitPrice: 800, discount: 0.25 },
];

async function salesUser(email: string) {
  return (await server.userToken({ email, roles: ['sales'], displayName: email })).user;
}

describe('an approved quote becomes an order', () => {
  it('with its 3 lines, their values and roll-ups, owned by the sales rep, linked both ways', async () => {
    const rep = await salesUser('rep@lodestar.test');
    const quote = (await api('POST', '/quote', { name: '华东泵站', salesRep: rep.id, lines: threeLines })).body;
    expect(quote).toMatchObject({ total: 1800 + 355 + 600, lineCount: 3 });

    const approved = await api(
      'POST',
      `/quote/${quote.id}/events`,
      { type: 'APPROVE' },
      { 'x-request-id': 'approve-1' },
    );
    expect(approved.status).toBe(200);
    const orderId = approved.body.record.order;
    expect(orderId).toEqual(expect.any(String));
    expect(approved.body.record).toMatchObject({ state: 'approved', version: quote.version + 1 });

    const order = (await api('GET', `/order/${orderId}`)).body;
    expect(order).toMatchObject({
      name: '华东泵站',
      record_type: 'standard',
      quote: quote.id,
      owner_id: rep.id,
      total: 2755,
      lineCount: 3,
      version: 1,
    });
    expect(
      order.lines.map((l: Record<string, unknown>) => [l.product, l.quantity, l.unitPrice, l.discount, l.amount]),
    ).toEqual([
      ['Pump', 2, 1000, 0.1, 1800],
      ['Valve', 10, 35.5, 0, 355],
      ['Install', 1, 800, 0.25, 600],
    ]);
    expect(order.lines.map((l: Record<string, unknown>) => [l.position, l.owner_id, l.order])).toEqual([
      [1, rep.id, orderId],
      [2, rep.id, orderId],
      [3, rep.id, orderId],
    ]);
    // One INSERT for the list: the three rows share the statement's command id.
    const cmins = await db().raw(`select distinct cmin::text from "orderLine" where "order" = ?`, [orderId]);
    expect(cmins.rows).toHaveLength(1);
    // The order and its lines are audited as created by the approver.
    const audit = await db()('lodestar_audit').whereIn('entity', ['order', 'orderLine']).where({ action: 'create' });
    expect(audit).toHaveLength(4);
    expect(new Set(audit.map((row: { actor_id: string }) => row.actor_id))).toEqual(new Set([server.admin.id]));
    expect(new Set(audit.map((row: { request_id: string }) => row.request_id))).toEqual(new Set(['approve-1']));
  });

  it('refuses when the sales rep is blank, creating nothing', async () => {
    const quote = (await api('POST', '/quote', { name: 'No rep', lines: threeLines })).body;
    const refused = await api('POST', `/quote/${quote.id}/events`, { type: 'APPROVE' });
    expect(refused.status).toBe(409);
    expect(refused.body.i18n.zh).toBe('报价的“销售代表”为空，新建的订单没有负责人');
    expect(await db()('order').where({ quote: quote.id })).toHaveLength(0);
  });

  it('rolls everything back when a copied line breaks the order line rules, naming line and field', async () => {
    const rep = await salesUser('rep2@lodestar.test');
    const lines = [threeLines[0], { ...threeLines[1], quantity: 5000 }];
    const quote = (await api('POST', '/quote', { name: 'Too many', salesRep: rep.id, lines })).body;
    const refused = await api('POST', `/quote/${quote.id}/events`, { type: 'APPROVE' });
    expect(refused.status).toBe(422);
    expect(refused.body.i18n.zh).toContain('流程无法创建订单：第 2 行明细的“数量”');
    expect(refused.body.issues).toContainEqual(expect.objectContaining({ pointer: '/order/lines/1/quantity' }));
    expect(await db()('order').where({ quote: quote.id })).toHaveLength(0);
    expect((await api('GET', `/quote/${quote.id}`)).body).toMatchObject({ state: 'draft', order: null });
  });

  it('round-robin over a role: each new order goes to the next sales user in turn', async () => {
    await salesUser('rr-a@lodestar.test');
    await salesUser('rr-b@lodestar.test');
    const sales = (await db()('lodestar_users').whereRaw(`'sales' = any(roles)`).andWhere({ active: true })) as {
      id: string;
    }[];
    const quote = (await api('POST', '/quote', { name: 'Split' })).body;
    for (let i = 0; i <= sales.length; i++)
      expect((await api('POST', `/quote/${quote.id}/events`, { type: 'SPLIT' })).status).toBe(200);
    const owners = (await db()('order').where({ quote: quote.id }).orderBy('created_at').pluck('owner_id')) as string[];
    expect(owners).toHaveLength(sales.length + 1);
    expect(new Set(owners.slice(0, sales.length))).toEqual(new Set(sales.map((u) => u.id)));
    expect(owners[sales.length]).toBe(owners[0]);
    expect(new Set(await db()('order').where({ quote: quote.id }).pluck('record_type'))).toEqual(new Set(['rush']));
  });

  it('runAs actor: the create rights of whoever sends the event decide, and the order is theirs', async () => {
    const clerk = await server.userToken({ email: 'clerk@lodestar.test', roles: ['clerk'] });
    const seller = await server.userToken({ email: 'seller@lodestar.test', roles: ['sales'] });
    const quote = (await api('POST', '/quote', { name: 'Clone me' })).body;
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const refused = await api('POST', `/quote/${quote.id}/events`, { type: 'CLONE' }, as(clerk.token));
    expect(refused.status).toBe(403);
    expect(await db()('order').where({ quote: quote.id })).toHaveLength(0);
    expect((await api('POST', `/quote/${quote.id}/events`, { type: 'CLONE' }, as(seller.token))).status).toBe(200);
    expect(await db()('order').where({ quote: quote.id }).pluck('owner_id')).toEqual([seller.user.id]);
  });
});
