import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireNextTimer } from '../src/runtime/fire-timer.js';
import { REPO_ROOT } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { journey } from './support/journey.js';

/*
 * The shipped sales-to-cash add-on (templates/sales-to-cash) over HTTP against PostgreSQL: installed on the
 * standard CRM from the gallery (dry run, then install), then each role's journey: a salesperson's quote at
 * 20% off waits for their manager, becomes an order with its lines, then a contract that legal and finance
 * review in parallel; an instalment still open at 09:00 the day after its due date is overdue and its owner
 * and finance are told in the app; finance records the receipt, which creates the commission by product
 * line, and approves it. A salesperson never reads product cost, and refusals say why.
 */
const definitions = mkdtempSync(join(tmpdir(), 'lodestar-sales-to-cash-'));
for (const part of ['schemas', 'workflows', 'roles.json', 'template.json', 'templates/sales-to-cash'])
  cpSync(join(REPO_ROOT, part), join(definitions, part), { recursive: true });

let server: TestServer;
const users: Record<string, { id: string; token: string }> = {};

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: definitions });
  // The sales team is an org unit: its manager reads (and so links) the team's customers and quotes.
  const team = await server.request('POST', '/api/v1/admin/org-units', { name: '华东销售一部' }, as('admin'));
  const add = async (key: string, email: string, displayName: string, roles: string[], managerId?: string) => {
    const orgUnitId = roles.some((r) => r.startsWith('sales')) ? team.body.id : null;
    const { user, token } = await server.userToken({
      email,
      displayName,
      roles,
      orgUnitId,
      managerId: managerId ?? null,
    });
    users[key] = { id: user.id, token };
  };
  await add('zhao', 'zhao@example.com', '赵经理', ['salesManager']);
  await add('wang', 'wang@example.com', '王销售', ['salesperson'], users.zhao!.id);
  await add('sun', 'sun@example.com', '孙法务', ['legal']);
  await add('li', 'li@example.com', '李财务', ['finance']);
});
afterAll(async () => {
  await server?.close();
  rmSync(definitions, { recursive: true, force: true });
});

const { as, call, send, get, inbox } = journey(
  () => server,
  (who) => (who === 'admin' ? server.adminToken : users[who]!.token),
);

describe('sales to cash, installed on the standard CRM', () => {
  it('a dry run plans the add-on and changes nothing; the install publishes it', async () => {
    const dry = await server.request(
      'POST',
      '/api/v1/meta/templates/shipped/sales-to-cash/install',
      { dryRun: true },
      as('admin'),
    );
    expect(dry.status, JSON.stringify(dry.body, null, 1)).toBe(200);
    expect(dry.body).toMatchObject({ status: 'planned', template: { name: 'sales-to-cash', version: '1.1.0' } });
    expect(dry.body.plan.steps.every((s: { safety: string }) => s.safety !== 'destructive')).toBe(true);
    const done = await server.request('POST', '/api/v1/meta/templates/shipped/sales-to-cash/install', {}, as('admin'));
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body).toMatchObject({ status: 'published', version: 2 });
  });

  let customer: string;
  const product: Record<string, string> = {};
  it('keeps product cost from salespeople: the manager enters it, the salesperson never reads it', async () => {
    for (const [key, name, productLine, listPrice, cost] of [
      ['machine', '五轴加工中心', 'equipment', 480000, 350000],
      ['mes', 'MES 生产执行系统', 'software', 200000, 60000],
    ] as const)
      product[key] = (await call('zhao', 'POST', '/records/product', { name, productLine, listPrice, cost }, 201)).id;
    expect(await get('zhao', 'product', product.machine!)).toMatchObject({ cost: 350000, listPrice: 480000 });
    const seen = await get('wang', 'product', product.machine!);
    expect(seen).toMatchObject({ name: '五轴加工中心', listPrice: 480000 });
    expect(seen).not.toHaveProperty('cost');
    const listed = await call('wang', 'GET', '/records/product?limit=10');
    expect(listed.data).toHaveLength(2);
    for (const row of listed.data) expect(row).not.toHaveProperty('cost');
    const sorted = await server.request('GET', '/api/v1/records/product?sort=cost', undefined, as('wang'));
    expect(sorted.status).toBeGreaterThanOrEqual(400);
    customer = (
      await call(
        'wang',
        'POST',
        '/records/customer',
        { record_type: 'company', name: '杭州西湖智能制造有限公司', industry: 'manufacturing' },
        201,
      )
    ).id;
    // The credit limit is the manager's to set; the salesperson reads it.
    const version = (await get('zhao', 'customer', customer)).version;
    const ownLimit = await server.request(
      'PATCH',
      `/api/v1/records/customer/${customer}`,
      { creditLimit: 900000, version },
      as('wang'),
    );
    expect(ownLimit.status).toBe(422);
    await call('zhao', 'PATCH', `/records/customer/${customer}`, { creditLimit: 500000, version });
    expect((await get('wang', 'customer', customer)).creditLimit).toBe(500000);
  });

  let quote: { id: string; salesOrder: string };
  it('sends a quote at 20% off to the salesperson’s manager, and the approved quote becomes an order with its lines', async () => {
    // A quote without lines is refused with the definition's reason.
    const empty = await call(
      'wang',
      'POST',
      '/records/quote',
      { customer, productLine: 'equipment', discount: 0.2 },
      201,
    );
    const refused = await server.request(
      'POST',
      `/api/v1/records/quote/${empty.id}/events`,
      { type: 'SUBMIT' },
      as('wang'),
    );
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('报价单还没有明细');

    const created = await call(
      'wang',
      'POST',
      '/records/quote',
      {
        customer,
        productLine: 'equipment',
        discount: 0.2,
        lines: [
          { product: product.machine, quantity: 2, unitPrice: 480000 },
          { product: product.mes, quantity: 1, unitPrice: 30000 },
        ],
      },
      201,
    );
    expect(created).toMatchObject({ subtotal: 990000, total: 792000 });
    expect(created.number).toMatch(/^BJ-\d{4}-0002$/);
    expect((await send('wang', 'quote', created.id, 'SUBMIT')).record.state).toBe('pendingApproval');
    expect((await inbox('zhao')).map((item) => [item.id, item.step.id])).toEqual([[created.id, 'manager']]);
    expect(await inbox('li')).toEqual([]); // finance checks only above 25%
    const selfApproval = await server.request(
      'POST',
      `/api/v1/records/quote/${created.id}/events`,
      { type: 'APPROVE' },
      as('wang'),
    );
    expect(selfApproval.status).toBeGreaterThanOrEqual(400);
    const approved = (await send('zhao', 'quote', created.id, 'APPROVE', '折扣在权限内，同意')).record;
    expect(approved.state).toBe('approved');
    quote = approved;
    const order = await get('wang', 'salesOrder', approved.salesOrder);
    expect(order).toMatchObject({
      customer,
      quote: created.id,
      productLine: 'equipment',
      discount: 0.2,
      total: 792000,
    });
    expect(order.owner_id).toBe(users.wang!.id);
    expect(order.number).toMatch(/^DD-\d{4}-0001$/);
    expect(order.lines.map((l: { product: string; quantity: number }) => [l.product, l.quantity])).toEqual([
      [product.machine, 2],
      [product.mes, 1],
    ]);
    // The approved discount is locked, for the salesperson as for anyone.
    const locked = await server.request(
      'PATCH',
      `/api/v1/records/quote/${created.id}`,
      { discount: 0.3, version: approved.version },
      as('wang'),
    );
    expect(locked.status).toBe(422);
  });

  let contract: string;
  it('drafts the contract from the order; legal and finance review it in parallel', async () => {
    contract = (await send('wang', 'salesOrder', quote.salesOrder, 'DRAFT_CONTRACT')).record.contract;
    expect(await get('wang', 'contract', contract)).toMatchObject({
      amount: 792000,
      customer,
      productLine: 'equipment',
      salesOrder: quote.salesOrder,
      outstanding: 792000,
    });
    await send('wang', 'contract', contract, 'SUBMIT');
    expect((await inbox('sun')).map((item) => [item.id, item.step.id])).toEqual([[contract, 'legal']]);
    expect((await inbox('li')).map((item) => [item.id, item.step.id])).toEqual([[contract, 'finance']]);
    expect((await send('li', 'contract', contract, 'APPROVE', '付款条件可接受')).record.state).toBe('review');
    expect(await inbox('li')).toEqual([]);
    const signed = (await send('sun', 'contract', contract, 'APPROVE')).record;
    expect(signed.state).toBe('signed');
    expect(signed.signedOn).toBeTruthy();
  });

  let payment: string;
  it('makes an instalment overdue at 09:00 the day after its due date and tells its owner and finance', async () => {
    payment = (
      await call(
        'li',
        'POST',
        '/records/payment',
        {
          title: '首付款 30%',
          customer,
          contract,
          productLine: 'equipment',
          amount: 237600,
          dueDate: '2027-03-10',
          expectedDate: '2027-03-15',
          expectedAmount: 237600,
          owner_id: users.wang!.id,
        },
        201,
      )
    ).id;
    const fire = async (now: string) => {
      while (
        (await fireNextTimer(server.testDb.db.knex, server.engine.ctx.models.current(), new Date(now))).kind !== 'none'
      );
    };
    await fire('2027-03-11T00:59:59Z');
    expect((await get('li', 'payment', payment)).state).toBe('open');
    await fire('2027-03-11T01:00:00Z'); // 09:00 in Shanghai
    expect((await get('wang', 'payment', payment)).state).toBe('overdue');
    for (const who of ['wang', 'li']) {
      const page = await call(who, 'GET', '/me/notifications');
      expect(page.data[0]).toMatchObject({ entity: 'payment', recordId: payment });
      expect(page.data[0].title).toEqual({
        zh: '回款逾期：杭州西湖智能制造有限公司 ¥237,600.00',
        en: 'Payment overdue: 杭州西湖智能制造有限公司 CN¥237,600.00',
      });
    }
    expect((await call('zhao', 'GET', '/me/notifications')).unread).toBe(0);
  });

  let commission: string;
  it('finance records the receipt: the commission follows by product line, and finance approves it', async () => {
    const refused = await server.request(
      'POST',
      `/api/v1/records/payment/${payment}/events`,
      { type: 'PAY' },
      as('wang'),
    );
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const paid = (await send('li', 'payment', payment, 'PAY')).record;
    expect(paid.state).toBe('paid');
    commission = paid.commission;
    const mine = await get('wang', 'commission', commission);
    expect(mine).toMatchObject({
      payment,
      productLine: 'equipment',
      baseAmount: 237600,
      rate: 0.03,
      amount: 7128,
      state: 'pending',
      owner_id: users.wang!.id,
    });
    expect((await inbox('li')).map((item) => item.id)).toEqual([commission]);
    const selfApproval = await server.request(
      'POST',
      `/api/v1/records/commission/${commission}/events`,
      { type: 'APPROVE' },
      as('wang'),
    );
    expect(selfApproval.status).toBeGreaterThanOrEqual(400);
    expect((await send('li', 'commission', commission, 'APPROVE')).record.state).toBe('approved');
    expect(await get('li', 'customer', customer)).toMatchObject({
      paymentCount: 1,
      paidTotal: 237600,
      recency: 0,
      rfmClass: 'B',
    });
    expect((await get('wang', 'contract', contract)).outstanding).toBe(554400);
  });

  it('invoices are requested by sales and issued only by finance, with the invoice number', async () => {
    const invoice = await call(
      'wang',
      'POST',
      '/records/invoice',
      { title: '杭州西湖智能制造有限公司', payment, amount: 237600, kind: 'special' },
      201,
    );
    expect(invoice.state).toBe('requested');
    const notFinance = await server.request(
      'POST',
      `/api/v1/records/invoice/${invoice.id}/events`,
      { type: 'ISSUE' },
      as('wang'),
    );
    expect(notFinance.status, JSON.stringify(notFinance.body)).toBe(409);
    expect(notFinance.body.reason.zh).toContain('财务');
    const typed = await server.request(
      'PATCH',
      `/api/v1/records/invoice/${invoice.id}`,
      { invoiceNumber: '00000001', version: invoice.version },
      as('wang'),
    );
    expect(typed.status).toBe(422); // the number is finance's to enter
    const noNumber = await server.request(
      'POST',
      `/api/v1/records/invoice/${invoice.id}/events`,
      { type: 'ISSUE' },
      as('li'),
    );
    expect(noNumber.status).toBe(409);
    expect(JSON.stringify(noNumber.body)).toContain('发票号码');
    await call('li', 'PATCH', `/records/invoice/${invoice.id}`, {
      invoiceNumber: '33012345',
      version: invoice.version,
    });
    const issued = (await send('li', 'invoice', invoice.id, 'ISSUE')).record;
    expect(issued).toMatchObject({ state: 'issued', invoiceNumber: '33012345' });
    expect(issued.issuedOn).toBeTruthy();
  });

  it('records competitors on an opportunity with their threat, beside the CUTE roles of its contacts', async () => {
    const rival = await call('wang', 'POST', '/records/competitor', { name: '蓝星数控', strengths: '价格低' }, 201);
    const contact = await call('wang', 'POST', '/records/contact', { name: '陈工', customer }, 201);
    const opportunity = await call(
      'wang',
      'POST',
      '/records/opportunity',
      {
        name: '数控机床改造',
        customer,
        contacts: [{ id: contact.id, role: 'technicalBuyer', influence: 4 }],
        competitors: [{ id: rival.id, threat: 'high', quotedPrice: 450000 }],
      },
      201,
    );
    expect(opportunity.competitors).toEqual([{ id: rival.id, threat: 'high', quotedPrice: 450000 }]);
    expect(opportunity.contacts).toEqual([{ id: contact.id, role: 'technicalBuyer', influence: 4 }]);
  });
});

describe('docs/templates/sales-to-cash.md', () => {
  it('shows each workflow as its definition says, rendered by scripts/workflow-diagram.mjs', () => {
    const run = (mode: string) =>
      execFileSync(
        process.execPath,
        [
          join(REPO_ROOT, 'scripts/workflow-diagram.mjs'),
          mode,
          join(REPO_ROOT, 'docs/templates/sales-to-cash.md'),
          join(REPO_ROOT, 'templates/sales-to-cash'),
        ],
        { encoding: 'utf8' },
      );
    expect(() => run('--check')).not.toThrow();
    const diagram = execFileSync(
      process.execPath,
      [
        join(REPO_ROOT, 'scripts/workflow-diagram.mjs'),
        join(REPO_ROOT, 'templates/sales-to-cash/workflows/payment-collection.workflow.json'),
      ],
      { encoding: 'utf8' },
    );
    expect(diagram).toContain('open --> overdue : ⏱ 约定回款日后 1 天 09:00');
    expect(diagram).toContain('state "已逾期" as overdue');
  });
});
