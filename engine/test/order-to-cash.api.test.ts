import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireNextTimer } from '../src/runtime/fire-timer.js';
import { journey } from './support/journey.js';
import { FIXTURES, startTestServer, type TestServer } from './support/test-server.js';

/*
 * Issue 15's acceptance over HTTP on PostgreSQL, with nothing but the JSON definitions of
 * fixtures/order-to-cash: a lead converts in one step; a quote at 20% off waits for the owner's manager
 * only, at 35% also for the sales director, each in their My day; approved, it becomes an order with its
 * lines, the order drafts a contract that legal and finance review in parallel; a payment due the day
 * before is overdue at 09:00 and its owner and finance find it in their inbox; the nightly RFM schedule,
 * run now, classes the customer from its payments.
 */
let server: TestServer;
const users: Record<string, { id: string; token: string }> = {};

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: join(FIXTURES, 'order-to-cash') });
  const add = async (key: string, email: string, displayName: string, roles: string[], managerId?: string) => {
    const { user, token } = await server.userToken({ email, displayName, roles, ...(managerId && { managerId }) });
    users[key] = { id: user.id, token };
  };
  await add('zhao', 'zhao@example.com', '赵经理', ['salesManager']);
  await add('qian', 'qian@example.com', '钱总监', ['salesDirector']);
  await add('wang', 'wang@example.com', '王销售', ['salesperson'], users.zhao!.id);
  await add('sun', 'sun@example.com', '孙法务', ['legal']);
  await add('li', 'li@example.com', '李财务', ['finance']);
});
afterAll(() => server?.close());

const { as, call, send, get, inbox } = journey(
  () => server,
  (who) => users[who]!.token,
);

describe('lead to cash, as definitions only', () => {
  let customer: string;
  let product: { machine: string; service: string };

  it('converts a lead into customer, contact and opportunity in one step, reusing a known customer', async () => {
    const lead = await call(
      'wang',
      'POST',
      '/records/lead',
      {
        company: '杭州西湖智能制造有限公司',
        name: '陈工',
        phone: '13800000001',
        creditCode: '91330106MA2H0XY812',
        budget: 600000,
      },
      201,
    );
    const converted = (await send('wang', 'lead', lead.id, 'CONVERT')).record;
    expect(converted.state).toBe('converted');
    customer = converted.convertedCustomer;
    const [c, contact, opportunity] = await Promise.all([
      get('wang', 'customer', customer),
      get('wang', 'contact', converted.convertedContact),
      get('wang', 'opportunity', converted.convertedOpportunity),
    ]);
    expect(c).toMatchObject({ name: '杭州西湖智能制造有限公司', creditCode: '91330106MA2H0XY812', state: 'active' });
    expect(contact).toMatchObject({ name: '陈工', customer });
    expect(opportunity).toMatchObject({ name: '杭州西湖智能制造有限公司', customer, amount: 600000 });

    // A second lead of the same company (its credit code typed in lower case) lands on the same customer.
    const again = await call(
      'wang',
      'POST',
      '/records/lead',
      { company: '杭州西湖智能制造', name: '周经理', creditCode: '91330106ma2h0xy812' },
      201,
    );
    expect((await send('wang', 'lead', again.id, 'CONVERT')).record.convertedCustomer).toBe(customer);
    const customers = await call('wang', 'GET', '/records/customer?limit=10');
    expect(customers.data).toHaveLength(1);
  });

  it('sends a quote at 20% off to the owner’s manager only, and it becomes an order with its lines', async () => {
    const machine = await call(
      'zhao',
      'POST',
      '/records/product',
      { name: '五轴加工中心', category: 'equipment', price: 480000 },
      201,
    );
    const service = await call(
      'zhao',
      'POST',
      '/records/product',
      { name: '安装调试', category: 'service', price: 30000 },
      201,
    );
    product = { machine: machine.id, service: service.id };
    const quote = await call(
      'wang',
      'POST',
      '/records/quote',
      {
        customer,
        salesRep: users.wang!.id,
        discount: 0.2,
        lines: [
          { product: product.machine, quantity: 2, unitPrice: 480000 },
          { product: product.service, quantity: 1, unitPrice: 30000 },
        ],
      },
      201,
    );
    expect(quote.total).toBe(792000);
    expect((await send('wang', 'quote', quote.id, 'SUBMIT')).record.state).toBe('pendingApproval');
    expect((await inbox('zhao')).map((item) => [item.id, item.step.id])).toEqual([[quote.id, 'manager']]);
    expect(await inbox('qian')).toEqual([]);
    // The salesperson cannot approve their own quote.
    const refused = await server.request(
      'POST',
      `/api/v1/records/quote/${quote.id}/events`,
      { type: 'APPROVE' },
      as('wang'),
    );
    expect(refused.status).toBeGreaterThanOrEqual(400);

    const approved = (await send('zhao', 'quote', quote.id, 'APPROVE', '折扣合理，同意')).record;
    expect(approved.state).toBe('approved');
    const order = await get('wang', 'order', approved.order);
    expect(order).toMatchObject({ customer, quote: quote.id, salesRep: users.wang!.id, discount: 0.2, total: 792000 });
    expect(order.number).toMatch(/^SO-\d{4}-0001$/);
    expect(order.owner_id).toBe(users.wang!.id);
    expect(order.lines.map((l: { product: string; quantity: number }) => [l.product, l.quantity])).toEqual([
      [product.machine, 2],
      [product.service, 1],
    ]);
  });

  it('needs the sales director too above 30%, in sequence, each in their inbox', async () => {
    const quote = await call(
      'wang',
      'POST',
      '/records/quote',
      {
        customer,
        salesRep: users.wang!.id,
        discount: 0.35,
        lines: [{ product: product.machine, quantity: 1, unitPrice: 480000 }],
      },
      201,
    );
    await send('wang', 'quote', quote.id, 'SUBMIT');
    expect((await inbox('zhao')).map((item) => item.id)).toEqual([quote.id]);
    expect(await inbox('qian')).toEqual([]);
    expect((await send('zhao', 'quote', quote.id, 'APPROVE')).record.state).toBe('pendingApproval');
    expect(await inbox('zhao')).toEqual([]);
    expect((await inbox('qian')).map((item) => [item.id, item.step.id])).toEqual([[quote.id, 'director']]);
    const approved = (await send('qian', 'quote', quote.id, 'APPROVE')).record;
    expect(approved.state).toBe('approved');
    expect(approved.order).toBeTruthy();
  });

  let contract: string;
  it('drafts the contract from the order, reviewed by legal and finance in parallel', async () => {
    const orders = await call('wang', 'GET', '/records/order?limit=10&sort=number');
    const order = orders.data[0];
    const drafted = (await send('wang', 'order', order.id, 'DRAFT_CONTRACT')).record;
    contract = drafted.contract;
    expect(await get('wang', 'contract', contract)).toMatchObject({
      title: order.number,
      amount: 792000,
      customer,
      order: order.id,
    });
    await send('wang', 'contract', contract, 'SUBMIT');
    expect((await inbox('sun')).map((item) => [item.id, item.step.id])).toEqual([[contract, 'legal']]);
    expect((await inbox('li')).map((item) => [item.id, item.step.id])).toEqual([[contract, 'finance']]);
    expect((await send('li', 'contract', contract, 'APPROVE', '付款条件可接受')).record.state).toBe('review');
    expect((await send('sun', 'contract', contract, 'APPROVE')).record.state).toBe('signed');
    const history = await call('wang', 'GET', `/records/contract/${contract}/history`);
    const decisions = (history.data ?? history).filter((row: { event: string }) => row.event === 'APPROVE');
    expect(decisions).toHaveLength(2);
  });

  it('makes a payment due the day before overdue at 09:00 and tells its owner and finance in the app', async () => {
    const payment = await call(
      'li',
      'POST',
      '/records/payment',
      { title: '首付款 30%', customer, contract, amount: 237600, dueDate: '2027-03-10', owner_id: users.wang!.id },
      201,
    );
    const fire = async (now: string) => {
      while (
        (await fireNextTimer(server.testDb.db.knex, server.engine.ctx.models.current(), new Date(now))).kind !== 'none'
      );
    };
    await fire('2027-03-11T00:59:59Z');
    expect((await get('li', 'payment', payment.id)).state).toBe('open');
    await fire('2027-03-11T01:00:00Z'); // 09:00 in Shanghai
    expect((await get('li', 'payment', payment.id)).state).toBe('overdue');
    for (const who of ['wang', 'li']) {
      const page = await call(who, 'GET', '/me/notifications');
      expect(page.unread).toBe(1);
      expect(page.data[0]).toMatchObject({ entity: 'payment', recordId: payment.id });
      expect(page.data[0].title.zh).toBe('回款逾期：杭州西湖智能制造有限公司 ¥237,600.00');
    }
    expect((await call('zhao', 'GET', '/me/notifications')).unread).toBe(0);
    // Received: the customer's roll-ups and last follow-up follow.
    expect((await send('li', 'payment', payment.id, 'PAY')).record.state).toBe('paid');
    const paidCustomer = await get('li', 'customer', customer);
    expect(paidCustomer).toMatchObject({ paymentCount: 1, paidTotal: 237600 });
    expect(paidCustomer.lastFollowUpAt).toBe(paidCustomer.lastPaidOn);
  });

  it('classes the customer by RFM when the nightly schedule runs', async () => {
    const admin = { authorization: `Bearer ${server.adminToken}` };
    const list = await server.request('GET', '/api/v1/schedules', undefined, admin);
    expect(list.status).toBe(200);
    const started = await server.request('POST', '/api/v1/schedules/customer-life/rfm/run', undefined, admin);
    expect(started.status).toBe(202);
    const runId = started.body.id;
    let run: { status: string; processed: number } = { status: 'queued', processed: 0 };
    for (let i = 0; i < 100 && !['succeeded', 'failed'].includes(run.status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      run = (await server.request('GET', `/api/v1/schedules/runs/${runId}`, undefined, admin)).body;
    }
    expect(run).toMatchObject({ status: 'succeeded', processed: 1 });
    expect(await get('zhao', 'customer', customer)).toMatchObject({ recency: 0, monetary: 237600, rfmClass: 'B' });
  });
});
