import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * The sales-to-cash add-on's dashboards, installed from the gallery on the standard CRM, over records made
 * through the API (figures counted by hand):
 *   payments: 1000 due 2020-01-15 (overdue by now), 300 due 2099-03-10, 200 due 2099-03-20 (open)
 *   orders: equipment 2 × 1500 = 3000 with 10% off → 2700; software 1 × 800 → 800
 */

let server: TestServer;

async function create(entity: string, body: Record<string, unknown>): Promise<string> {
  const res = await server.request('POST', `/api/v1/records/${entity}`, body);
  expect(res.status, `${entity}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body.id as string;
}

const widget = (dashboard: string, id: string) =>
  server.request('GET', `/api/v1/dashboards/${dashboard}/widgets/${id}`);

beforeAll(async () => {
  server = await startTestServer();
  const installed = await server.request('POST', '/api/v1/meta/templates/shipped/sales-to-cash/install', {});
  expect(installed.status, JSON.stringify(installed.body)).toBe(201);
  const customer = await create('customer', {
    record_type: 'company',
    name: '华东精密',
    region: 'eastChina',
    industry: 'manufacturing',
  });
  const contract = await create('contract', { title: '设备采购合同', customer });
  const payment = (amount: number, dueDate: string) =>
    create('payment', { title: `回款 ${amount}`, customer, contract, productLine: 'equipment', amount, dueDate });
  await payment(1000, '2020-01-15');
  await payment(300, '2099-03-10');
  await payment(200, '2099-03-20');
  const machine = await create('product', { name: '数控机床', productLine: 'equipment', listPrice: 1500 });
  const license = await create('product', { name: 'MES 许可', productLine: 'software', listPrice: 800 });
  const equipment = await create('salesOrder', { customer, productLine: 'equipment', discount: 0.1 });
  await create('orderLine', { salesOrder: equipment, product: machine, quantity: 2, unitPrice: 1500 });
  const software = await create('salesOrder', { customer, productLine: 'software' });
  await create('orderLine', { salesOrder: software, product: license, quantity: 1, unitPrice: 800 });
  // The overdue timer of the 2020 instalment is due at once; the timer worker moves it.
  const overdue = async () =>
    (await server.request('GET', '/api/v1/records/payment?filter[state]=overdue')).body.data.length as number;
  for (let tries = 0; (await overdue()) < 1 && tries < 100; tries++) await new Promise((r) => setTimeout(r, 200));
  expect(await overdue()).toBe(1);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('sales-to-cash dashboards', () => {
  it('are listed after the standard CRM’s, in their order', async () => {
    const res = await server.request('GET', '/api/v1/dashboards');
    expect(res.body.data.map((d: { id: string }) => d.id)).toEqual([
      'sales-overview',
      'service-load',
      'payments-due',
      'cash-in-forecast',
      'sales-by-product-line',
      'contract-review',
    ]);
  });

  it('payments due and overdue: KPIs and the amounts by due month and state', async () => {
    const kpi = async (id: string) => (await widget('payments-due', id)).body.rows[0];
    expect(await kpi('due-amount')).toEqual({ key: null, period: null, value: 1500, count: 3 });
    expect(await kpi('overdue-amount')).toEqual({ key: null, period: null, value: 1000, count: 1 });
    expect(await kpi('overdue-count')).toEqual({ key: null, period: null, value: 1, count: 1 });
    expect((await widget('payments-due', 'due-by-month')).body.rows).toEqual([
      { key: 'overdue', period: '2020-01', value: 1000, count: 1 },
      { key: 'open', period: '2099-03', value: 500, count: 2 },
    ]);
  });

  it('cash-in forecast by month and by quarter', async () => {
    expect((await widget('cash-in-forecast', 'due-by-quarter')).body.rows).toEqual([
      { key: null, period: '2020-Q1', value: 1000, count: 1 },
      { key: null, period: '2099-Q1', value: 500, count: 2 },
    ]);
  });

  it('sales by product line sums the orders’ computed totals', async () => {
    expect((await widget('sales-by-product-line', 'orders-by-line')).body.rows).toEqual([
      { key: 'equipment', period: null, value: 2700, count: 1 },
      { key: 'software', period: null, value: 800, count: 1 },
    ]);
  });
});
