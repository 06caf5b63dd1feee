import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgUnit } from '../src/identity/org-units.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * The dashboard filter bar over HTTP (standard CRM, sales-overview's open-amount: the sum of open
 * opportunities' amounts, each dated by its creation in the company's time zone). Counted by hand:
 *   east: 李娜 100 on 2025-01-15 and 200 on 2025-03-10, 张伟 400 on 2025-02-20; manager 王建国 owns none
 *   south: 黄丽 800 on 2025-03-05
 */

let server: TestServer;
const tokens: Record<string, string> = {};

async function amount(who: string, query = ''): Promise<{ status: number; value?: number; count?: number }> {
  const headers: Record<string, string> = who === 'admin' ? {} : { authorization: `Bearer ${tokens[who]}` };
  const res = await server.request(
    'GET',
    `/api/v1/dashboards/sales-overview/widgets/open-amount${query}`,
    undefined,
    headers,
  );
  return res.status === 200 ? { status: 200, value: res.body.rows[0].value, count: res.body.rows[0].count } : res;
}

beforeAll(async () => {
  server = await startTestServer();
  const knex = server.testDb.db.knex;
  const east = await createOrgUnit(knex, { name: '华东销售部' });
  const south = await createOrgUnit(knex, { name: '华南销售部' });
  const user = async (key: string, email: string, role: string, orgUnitId: string, managerId?: string) => {
    const made = await server.userToken({ email, roles: [role], orgUnitId, ...(managerId && { managerId }) });
    tokens[key] = made.token;
    return made.user.id;
  };
  const manager = await user('manager', 'wang@example.com', 'salesManager', east.id);
  const li = await user('li', 'li@example.com', 'salesperson', east.id, manager);
  const zhang = await user('zhang', 'zhang@example.com', 'salesperson', east.id, manager);
  const huang = await user('huang', 'huang@example.com', 'salesperson', south.id);
  const customer = await server.request('POST', '/api/v1/records/customer', {
    record_type: 'company',
    name: '华东精密',
    industry: 'manufacturing',
  });
  expect(customer.status, JSON.stringify(customer.body)).toBe(201);
  const deal = async (owner: string, value: number, day: string) => {
    const res = await server.request('POST', '/api/v1/records/opportunity', {
      name: `商机 ${value}`,
      customer: customer.body.id,
      amount: value,
      owner_id: owner,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // Noon in China on that day.
    await knex('opportunity')
      .where({ id: res.body.id })
      .update({ created_at: new Date(`${day}T04:00:00Z`) });
  };
  await deal(li, 100, '2025-01-15');
  await deal(li, 200, '2025-03-10');
  await deal(zhang, 400, '2025-02-20');
  await deal(huang, 800, '2025-03-05');
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('GET /dashboards/:id/widgets/:widget with the filter bar', () => {
  it('a period keeps the records created on its days, both ends included', async () => {
    expect(await amount('admin')).toMatchObject({ value: 1500, count: 4 });
    expect(await amount('admin', '?from=2025-02-01&to=2025-03-31')).toMatchObject({ value: 1400, count: 3 });
    expect(await amount('admin', '?from=2025-03-05')).toMatchObject({ value: 1000, count: 2 });
    expect(await amount('admin', '?to=2025-01-15')).toMatchObject({ value: 100, count: 1 });
    expect(await amount('admin', '?from=2025-03-11&to=2025-12-31')).toMatchObject({ value: 0, count: 0 });
  });

  it('a day is the company’s: a deal made at 23:30 in China on 03-31 (15:30 UTC) belongs to March', async () => {
    const knex = server.testDb.db.knex;
    const [row] = (await knex('opportunity').where({ amount: 800 }).select('id')) as { id: string }[];
    await knex('opportunity')
      .where({ id: row!.id })
      .update({ created_at: new Date('2025-03-31T15:30:00Z') });
    expect(await amount('admin', '?from=2025-03-31&to=2025-03-31')).toMatchObject({ value: 800, count: 1 });
    expect(await amount('admin', '?from=2025-04-01')).toMatchObject({ value: 0, count: 0 });
  });

  it('owner narrows within what the role may read: mine, my team, all', async () => {
    // The manager reads the east team.
    expect(await amount('manager')).toMatchObject({ value: 700, count: 3 });
    expect(await amount('manager', '?owner=team')).toMatchObject({ value: 700, count: 3 });
    expect(await amount('manager', '?owner=me')).toMatchObject({ value: 0, count: 0 });
    expect(await amount('manager', '?owner=all&from=2025-03-01')).toMatchObject({ value: 200, count: 1 });
    // A salesperson reads only their own: "my team" shows no more than that.
    expect(await amount('li')).toMatchObject({ value: 300, count: 2 });
    expect(await amount('li', '?owner=team')).toMatchObject({ value: 300, count: 2 });
    expect(await amount('li', '?owner=me&to=2025-02-28')).toMatchObject({ value: 100, count: 1 });
    expect(await amount('huang', '?owner=me')).toMatchObject({ value: 800, count: 1 });
    // An administrator outside any unit: "my team" is their own records, none here.
    expect(await amount('admin', '?owner=team')).toMatchObject({ value: 0, count: 0 });
  });

  it('report widgets take the period and "me"', async () => {
    const funnel = (query: string) =>
      server.request('GET', `/api/v1/dashboards/sales-overview/widgets/funnel${query}`, undefined, {
        authorization: `Bearer ${tokens.li}`,
      });
    const all = await funnel('');
    const mine = await funnel('?owner=me');
    expect(all.status).toBe(200);
    // 李娜 reads only her own deals, so "mine" counts the same stages; the answer names the owner it applied.
    expect(all.body.data.filters.owner).toBeNull();
    expect(mine.body.data.filters.owner).toMatch(/^[0-9a-f-]{36}$/);
    expect(mine.body.data.stages).toEqual(all.body.data.stages);
    expect((await funnel('?from=2025-01-01&to=2025-12-31')).status).toBe(200);
  });

  it('refuses bad values in both languages, one issue per parameter', async () => {
    const res = await server.request(
      'GET',
      '/api/v1/dashboards/sales-overview/widgets/open-amount?from=2025-13-01&owner=boss&to=2025-01-01',
    );
    expect(res.status).toBe(400);
    const pointers = (res.body.issues as { pointer: string }[]).map((i) => i.pointer).sort();
    expect(pointers).toEqual(['/query/from', '/query/owner']);
    expect(res.body.i18n.zh).toContain('应为日期');
    expect(res.body.i18n.en).toMatch(/owner/);
    const backwards = await server.request(
      'GET',
      '/api/v1/dashboards/sales-overview/widgets/open-amount?from=2025-03-01&to=2025-01-01',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.i18n.zh).toContain('早于开始日期');
  });
});
