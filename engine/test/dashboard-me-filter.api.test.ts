import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// A widget filter's `me` (what the studio's rule builder writes for "负责人 是 我") is each reader, as in lists.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

it('counts each reader’s own records for owner_id eq me, an administrator included', async () => {
  const a = (await server.userToken({ email: 'me-a@lodestar.test', roles: ['salesperson'] })).token;
  const as = { authorization: `Bearer ${a}` };
  const made = await server.request(
    'POST',
    '/api/v1/records/customer',
    { name: '丙公司', record_type: 'company', region: 'eastChina', industry: 'retail' },
    as,
  );
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const customer = made.body.id as string;
  for (const [name, headers] of [
    ['mine 1', as],
    ['mine 2', as],
    ['admin 1', {}],
  ] as const) {
    const created = await server.request(
      'POST',
      '/api/v1/records/opportunity',
      { name, customer, amount: 100 },
      headers,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }

  const set = structuredClone((await server.request('GET', '/api/v1/meta/model')).body.definitions as DefinitionSet);
  set.dashboards = [
    ...(set.dashboards ?? []),
    {
      id: 'mine',
      title: { zh: '我的', en: 'Mine' },
      order: 99,
      widgets: [
        {
          id: 'myDeals',
          kind: 'aggregate',
          title: { zh: '我的商机', en: 'My opportunities' },
          entity: 'opportunity',
          measure: { fn: 'count' },
          filter: { owner_id: { eq: 'me' } },
          chart: 'number',
        },
      ],
    },
  ] as DefinitionSet['dashboards'];
  expect((await server.request('PUT', '/api/v1/meta/drafts/mine', { definitions: set })).status).toBe(200);
  const published = await server.request('POST', '/api/v1/meta/drafts/mine/publish', {});
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  const count = async (headers: Record<string, string>) =>
    (await server.request('GET', '/api/v1/dashboards/mine/widgets/myDeals', undefined, headers)).body.rows[0].count;
  expect(await count(as)).toBe(2);
  expect(await count({})).toBe(1);
});
