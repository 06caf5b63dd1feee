import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * The standard CRM's shipped dashboards over records two salespeople created, answered over HTTP on
 * PostgreSQL. Figures are counted by hand:
 *   A: customer cA (eastChina, manufacturing) with opportunities 1000 and 2500
 *   B: customer cB (northChina, retail) with opportunity 4000
 *   service requests: 2 × urgent, 1 × low (created now)
 */

let server: TestServer;
let a: string;
let b: string;
let agent: string;

const as = (token: string) => ({ authorization: `Bearer ${token}` });

async function create(entity: string, body: Record<string, unknown>, token?: string): Promise<string> {
  const res = await server.request('POST', `/api/v1/records/${entity}`, body, token ? as(token) : {});
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const widget = (dashboard: string, id: string, token?: string) =>
  server.request('GET', `/api/v1/dashboards/${dashboard}/widgets/${id}`, undefined, token ? as(token) : {});

beforeAll(async () => {
  server = await startTestServer();
  a = (await server.userToken({ email: 'a@lodestar.test', roles: ['salesperson'] })).token;
  b = (await server.userToken({ email: 'b@lodestar.test', roles: ['salesperson'] })).token;
  agent = (await server.userToken({ email: 'agent@lodestar.test', roles: ['serviceAgent'] })).token;
  const cA = await create(
    'customer',
    { name: '甲公司', record_type: 'company', region: 'eastChina', industry: 'manufacturing' },
    a,
  );
  const cB = await create(
    'customer',
    { name: '乙公司', record_type: 'company', region: 'northChina', industry: 'retail' },
    b,
  );
  await create('opportunity', { name: '甲一', customer: cA, amount: 1000 }, a);
  await create('opportunity', { name: '甲二', customer: cA, amount: 2500 }, a);
  await create('opportunity', { name: '乙一', customer: cB, amount: 4000 }, b);
  for (const priority of ['urgent', 'urgent', 'low'])
    await create('serviceRequest', {
      record_type: 'request',
      title: `报修 ${priority}`,
      customer: cA,
      category: 'repair',
      priority,
    });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('GET /dashboards', () => {
  it('lists every shipped dashboard to an administrator, in order', async () => {
    const res = await server.request('GET', '/api/v1/dashboards');
    expect(res.status).toBe(200);
    expect(res.body.data.map((d: { id: string }) => d.id)).toEqual(['sales-overview', 'service-load']);
    expect(res.body.data[0].title).toEqual({ zh: '销售概览', en: 'Sales overview' });
  });

  it('lists to a salesperson only the dashboards of their roles', async () => {
    const res = await server.request('GET', '/api/v1/dashboards', undefined, as(a));
    expect(res.body.data.map((d: { id: string }) => d.id)).toEqual(['sales-overview']);
    expect(res.body.data[0].widgets.map((w: { id: string }) => w.id)).toContain('by-region');
    // A dashboard outside the caller's roles answers as if it did not exist.
    expect((await widget('service-load', 'open-count', a)).status).toBe(404);
  });
});

describe('aggregate widgets', () => {
  it('sum by a field of the related customer: exact figures for the administrator', async () => {
    const res = await widget('sales-overview', 'by-region');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'aggregate', dashboard: 'sales-overview', widget: 'by-region' });
    expect(res.body.rows).toEqual([
      { key: 'northChina', period: null, value: 4000, count: 1 },
      { key: 'eastChina', period: null, value: 3500, count: 2 },
    ]);
  });

  it('a salesperson sees only the figures of their own records', async () => {
    const byRegion = await widget('sales-overview', 'by-region', a);
    expect(byRegion.body.rows).toEqual([{ key: 'eastChina', period: null, value: 3500, count: 2 }]);
    const pipeline = await widget('sales-overview', 'open-amount', b);
    expect(pipeline.body.rows).toEqual([{ key: null, period: null, value: 4000, count: 1 }]);
    const all = await widget('sales-overview', 'open-amount');
    expect(all.body.rows).toEqual([{ key: null, period: null, value: 7500, count: 3 }]);
  });

  it('counts by a choice field and by month, and a KPI with a filter', async () => {
    const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
    const byMonth = await widget('service-load', 'by-month');
    expect(byMonth.status).toBe(200);
    expect(byMonth.body.rows).toEqual([
      { key: 'urgent', period: month, value: 2, count: 2 },
      { key: 'low', period: month, value: 1, count: 1 },
    ]);
    const open = await widget('service-load', 'open-count');
    expect(open.body.rows).toEqual([{ key: null, period: null, value: 3, count: 3 }]);
    // The agent's team scope holds none of the administrator's requests: a zero, and no groups.
    expect((await widget('service-load', 'open-count', agent)).body.rows).toEqual([
      { key: null, period: null, value: 0, count: 0 },
    ]);
    expect((await widget('service-load', 'by-month', agent)).body.rows).toEqual([]);
    const satisfaction = await widget('service-load', 'satisfaction');
    expect(satisfaction.body.rows).toEqual([{ key: null, period: null, value: null, count: 0 }]);
  });

  it('a report widget answers the workflow report under the same scope', async () => {
    const mine = await widget('sales-overview', 'funnel', a);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ kind: 'report', report: 'funnel' });
    expect(mine.body.data.total).toEqual({ count: 2, amount: 3500 });
    const all = await widget('sales-overview', 'funnel');
    expect(all.body.data.total).toEqual({ count: 3, amount: 7500 });
  });
});

describe('the documented answers', () => {
  it('GET /dashboards and each kind of widget answer fit the schemas the OpenAPI document gives them', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
    const check = (path: string, body: unknown) => {
      const schema = doc.paths[path].get.responses['200'].content['application/json'].schema;
      const validate = ajv.compile({ ...schema, components: doc.components });
      return validate(body) ? [] : validate.errors;
    };
    expect(check('/dashboards', (await server.request('GET', '/api/v1/dashboards')).body)).toEqual([]);
    const widgetPath = '/dashboards/{dashboard}/widgets/{widget}';
    for (const [dashboard, id] of [
      ['sales-overview', 'by-region'],
      ['sales-overview', 'funnel'],
      ['sales-overview', 'forecast'],
      ['service-load', 'by-month'],
    ] as const) {
      const res = await widget(dashboard, id);
      expect(res.status).toBe(200);
      expect(check(widgetPath, res.body), `${dashboard}/${id}`).toEqual([]);
    }
    // Closed shapes: an undocumented member fails, so the check can fail.
    expect(check('/dashboards', { data: [], extra: 1 })).not.toEqual([]);
  });
});

describe('publishing dashboards', () => {
  async function current(): Promise<DefinitionSet> {
    return (await server.request('GET', '/api/v1/meta/model')).body.definitions as DefinitionSet;
  }

  it('refuses a dashboard whose widgets name what does not fit, with pointers in both languages', async () => {
    const set = await current();
    set.dashboards = [
      ...(set.dashboards ?? []),
      {
        id: 'broken',
        title: { zh: '坏的', en: 'Broken' },
        widgets: [
          {
            id: 'sum-name',
            kind: 'aggregate',
            title: { zh: '名称求和', en: 'Sum of names' },
            entity: 'opportunity',
            measure: { fn: 'sum', field: 'name' },
            chart: 'number',
          },
        ],
      },
    ];
    expect((await server.request('PUT', '/api/v1/meta/drafts/dash', { definitions: set })).status).toBe(200);
    const res = await server.request('POST', '/api/v1/meta/drafts/dash/publish', {});
    expect(res.status).toBe(422);
    expect(res.body.issues).toContainEqual(
      expect.objectContaining({
        file: 'dashboards/broken.dashboard.json',
        pointer: '/widgets/0/measure/field',
        keyword: 'notNumeric',
        i18n: expect.objectContaining({ zh: '“name”不是数字、金额或整数字段，不能求和' }),
      }),
    );
  });

  it('publishes a dashboard for everyone; a widget on an entity the caller cannot read is left out and refused', async () => {
    const set = await current();
    set.dashboards = [
      ...(set.dashboards ?? []),
      {
        id: 'mixed',
        title: { zh: '综合', en: 'Mixed' },
        order: 99,
        widgets: [
          {
            id: 'opportunities',
            kind: 'aggregate',
            title: { zh: '商机数', en: 'Opportunities' },
            entity: 'opportunity',
            measure: { fn: 'count' },
            chart: 'number',
          },
          {
            id: 'requests',
            kind: 'aggregate',
            title: { zh: '工单数', en: 'Service requests' },
            entity: 'serviceRequest',
            measure: { fn: 'count' },
            chart: 'number',
          },
        ],
      },
    ];
    expect((await server.request('PUT', '/api/v1/meta/drafts/dash', { definitions: set })).status).toBe(200);
    const published = await server.request('POST', '/api/v1/meta/drafts/dash/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const listed = await server.request('GET', '/api/v1/dashboards', undefined, as(a));
    const mixed = listed.body.data.find((d: { id: string }) => d.id === 'mixed');
    expect(mixed.widgets.map((w: { id: string }) => w.id)).toEqual(['opportunities']);
    expect((await widget('mixed', 'requests', a)).status).toBe(403);
    expect((await widget('mixed', 'opportunities', a)).body.rows).toEqual([
      { key: null, period: null, value: 2, count: 2 },
    ]);
  });
});
