import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * Sample data over HTTP on PostgreSQL (the first-run page and the studio use it): an administrator loads the
 * standard CRM's demo company, a second load is refused in both languages, other users are refused, and the
 * removal takes exactly the demo rows and users away again.
 */

let server: TestServer;
const knex = () => server.testDb.db.knex;
const ENTITIES = ['customer', 'contact', 'opportunity', 'activity', 'serviceRequest'];
const counts = async () =>
  Object.fromEntries(
    await Promise.all(ENTITIES.map(async (e) => [e, Number((await knex()(e).count({ n: '*' }))[0]!.n)] as const)),
  );
const users = async () => Number((await knex()('lodestar_users').count({ n: '*' }))[0]!.n);
let before: Record<string, number>;
let usersBefore: number;
let salesToken: string;

beforeAll(async () => {
  server = await startTestServer();
  // A real user's record, which the demo must neither count nor remove.
  const real = await server.request('POST', '/api/v1/records/customer', {
    record_type: 'company',
    name: '真实客户',
    industry: 'retail',
  });
  expect(real.status, JSON.stringify(real.body)).toBe(201);
  salesToken = (await server.userToken({ email: 'sales@example.com', roles: ['salesperson'] })).token;
  before = await counts();
  usersBefore = await users();
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('POST/DELETE /api/v1/admin/demo', () => {
  it('refuses users who are not administrators, naming what only administrators may do', async () => {
    const headers = { authorization: `Bearer ${salesToken}` };
    const load = await server.request('POST', '/api/v1/admin/demo', undefined, headers);
    expect(load.status).toBe(403);
    expect(load.body.i18n.zh).toContain('示例数据');
    expect(load.body.i18n.en).toContain('sample data');
    expect((await server.request('DELETE', '/api/v1/admin/demo', undefined, headers)).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('loads the demo company and answers the counts and the demo users', async () => {
    const res = await server.request('POST', '/api/v1/admin/demo');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.counts.customer).toBe(500);
    for (const entity of ENTITIES) expect(res.body.counts[entity], entity).toBeGreaterThan(0);
    expect(res.body.events).toBeGreaterThan(0);
    expect(res.body.refused).toBe(0);
    expect(res.body.password).toBe('lodestar-demo');
    expect(res.body.users.length).toBe(res.body.counts.lodestar_user);
    expect(res.body.users[0].email).toMatch(/@demo\.lodestar\.example$/);
    const after = await counts();
    for (const entity of ENTITIES) expect(after[entity]! - before[entity]!, entity).toBe(res.body.counts[entity]);
    expect((await users()) - usersBefore).toBe(res.body.users.length);
    // A demo user signs in with the answered password.
    const login = await server.request(
      'POST',
      '/api/v1/auth/login',
      { email: res.body.users[0].email, password: res.body.password },
      { authorization: '' },
    );
    expect(login.status, JSON.stringify(login.body)).toBe(200);
  }, 600_000);

  it('refuses a second load in both languages', async () => {
    const again = await server.request('POST', '/api/v1/admin/demo');
    expect(again.status).toBe(409);
    expect(again.body.i18n.zh).toContain('示例数据已经加载过了');
    expect(again.body.i18n.en).toContain('sample data is loaded already');
  });

  it('removes every demo row and user in one step, leaving the real record', async () => {
    const res = await server.request('DELETE', '/api/v1/admin/demo');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.counts.customer).toBe(500);
    expect(res.body.counts.lodestar_user).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
    expect(await users()).toBe(usersBefore);
    expect(await knex()('customer').where({ name: '真实客户' }).first()).toBeDefined();
    // Nothing left: a second removal answers empty counts, and loading works again.
    const nothing = await server.request('DELETE', '/api/v1/admin/demo');
    expect(nothing.status).toBe(200);
    expect(nothing.body.counts).toEqual({});
  }, 300_000);
});
