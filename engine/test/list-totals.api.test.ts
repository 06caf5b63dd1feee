import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * GET /records/{entity}/totals on the default template: the list's count and money totals under the same
 * scope, filters and search as the list; exact up to 10,000 records, then the planner's estimate, unsummed.
 */
let server: TestServer;
let wang: string;
let li: string;
const as = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  server = await startTestServer();
  wang = (await server.userToken({ email: 'wang@example.com', roles: ['salesperson'], displayName: '王' })).token;
  li = (await server.userToken({ email: 'li@example.com', roles: ['salesperson'], displayName: '李' })).token;
  const customer = async (token: string, name: string) =>
    (
      await server.request(
        'POST',
        '/api/v1/records/customer',
        { record_type: 'company', name, industry: 'manufacturing' },
        as(token),
      )
    ).body.id as string;
  const wangs = await customer(wang, '杭州西湖智能制造有限公司');
  const lis = await customer(li, '苏州工业园区精密机械有限公司');
  const deal = async (token: string, customerId: string, name: string, amount: number | null) => {
    const answer = await server.request(
      'POST',
      '/api/v1/records/opportunity',
      { name, customer: customerId, ...(amount !== null && { amount }) },
      as(token),
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  };
  await deal(wang, wangs, 'MES 一期', 880000);
  await deal(wang, wangs, 'MES 二期', 1200000.5);
  await deal(wang, wangs, '备件框架协议', null);
  await deal(li, lis, '精密产线', 500000);
});
afterAll(() => server?.close());

const totals = (query: string, token?: string) =>
  server.request('GET', `/api/v1/records/opportunity/totals${query}`, undefined, token ? as(token) : {});

describe('list totals', () => {
  it('counts and sums what the list shows, under the reader’s scope', async () => {
    const all = await totals('?sum=amount');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ count: 4, exact: true, sums: { amount: 2580000.5 } });
    const own = await totals('?sum=amount', wang);
    expect(own.body).toEqual({ count: 3, exact: true, sums: { amount: 2080000.5 } });
    const listed = await server.request('GET', '/api/v1/records/opportunity?limit=200', undefined, as(wang));
    expect(listed.body.data).toHaveLength(own.body.count);
  });

  it('takes the list’s filters and search', async () => {
    expect((await totals('?q=MES&sum=amount', wang)).body).toEqual({
      count: 2,
      exact: true,
      sums: { amount: 2080000.5 },
    });
    expect((await totals('?filter[amount][gte]=1000000', wang)).body).toEqual({ count: 1, exact: true, sums: {} });
    expect((await totals('?filter[amount][null]=true&sum=amount', wang)).body).toEqual({
      count: 1,
      exact: true,
      sums: { amount: null },
    });
  });

  it('names the parameter and the rule when a sum or filter is wrong, in both languages', async () => {
    const unknown = await totals('?sum=amount,budget');
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues[0]).toMatchObject({ pointer: '/query/sum', keyword: 'unknownField' });
    const text = await totals('?sum=name');
    expect(text.status).toBe(400);
    expect(text.body.issues[0]).toMatchObject({ keyword: 'unsummable' });
    expect(text.body.issues[0].i18n.zh).toContain('不能求和');
    const stray = await totals('?limit=5');
    expect(stray.status).toBe(400);
    expect(stray.body.issues[0]).toMatchObject({ keyword: 'unknownParameter' });
  });

  it('estimates past 10,000 records instead of counting and summing them all', async () => {
    const knex = server.testDb.db.knex;
    const [{ id: customer }] = await knex('customer').select('id').limit(1);
    await knex.raw(
      `insert into opportunity (name, customer, amount, state)
       select 'bulk ' || n, ?, 10, 'initialContact' from generate_series(1, 10050) as n`,
      [customer],
    );
    await knex.raw('analyze opportunity');
    const answer = await totals('?sum=amount');
    expect(answer.status).toBe(200);
    expect(answer.body.exact).toBe(false);
    expect(answer.body.sums).toBeNull();
    expect(answer.body.count).toBeGreaterThan(10_000);
    expect(answer.body.count).toBeLessThan(20_000);
    // A filter that narrows below the limit is exact again.
    expect((await totals('?q=MES&sum=amount')).body).toEqual({ count: 2, exact: true, sums: { amount: 2080000.5 } });
  });
});
