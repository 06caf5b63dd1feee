import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * Saved views shared with an org unit (its members and the units below it) or a role: the owner shares,
 * others read them (and copy), an administrator manages every view.
 */
let server: TestServer;
const tokens: Record<string, string> = {};
const units: Record<string, string> = {};

const api = (who: string, method: string, path: string, body?: unknown) =>
  server.request(
    method,
    `/api/v1/views${path}`,
    body,
    who === 'admin' ? {} : { authorization: `Bearer ${tokens[who]}` },
  );

beforeAll(async () => {
  server = await startTestServer();
  const unit = async (name: string, parentId?: string) =>
    (await server.request('POST', '/api/v1/admin/org-units', { name, ...(parentId && { parentId }) })).body
      .id as string;
  units.sales = await unit('销售部');
  units.east = await unit('华东组', units.sales);
  units.south = await unit('华南组', units.sales);
  const user = async (key: string, roles: string[], orgUnitId: string | null, displayName: string) => {
    tokens[key] = (await server.userToken({ email: `${key}@example.com`, roles, orgUnitId, displayName })).token;
  };
  await user('mia', ['salesManager'], units.sales, '米娅');
  await user('alice', ['salesperson'], units.east, '爱丽丝');
  await user('bob', ['salesperson'], units.south, '鲍勃');
  await user('mark', ['marketing'], null, '马克');
});
afterAll(() => server?.close());

const names = async (who: string) => {
  const answer = await api(who, 'GET', '/customer');
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.data.map((v: { name: string; mine: boolean }) => `${v.mine ? '' : '↗'}${v.name}`);
};

describe('shared views', () => {
  let teamView: string;
  let roleView: string;

  it('lists a view shared with a unit to its members and the units below it, read-only', async () => {
    const saved = await api('mia', 'POST', '/customer', { name: '重点客户', query: { filter: { level: 'a' } } });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ mine: true, ownerName: '米娅', sharedWith: null });
    teamView = saved.body.id;
    expect(await names('alice')).toEqual([]);
    const shared = await api('mia', 'PUT', `/customer/${teamView}/sharing`, { unitId: units.sales });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect(shared.body.sharedWith).toEqual({ unitId: units.sales });
    const seen = await api('alice', 'GET', '/customer');
    expect(seen.body.data).toEqual([
      expect.objectContaining({ name: '重点客户', mine: false, ownerName: '米娅', query: { filter: { level: 'a' } } }),
    ]);
    expect(await names('bob')).toEqual(['↗重点客户']);
    expect(await names('mark')).toEqual([]);
  });

  it('lists a view shared with a role to its holders, after the reader’s own views', async () => {
    const saved = await api('alice', 'POST', '/customer', { name: '本月新增', query: { sort: '-created_at' } });
    roleView = saved.body.id;
    expect((await api('alice', 'PUT', `/customer/${roleView}/sharing`, { role: 'salesperson' })).status).toBe(200);
    await api('bob', 'POST', '/customer', { name: '我的', query: {} });
    expect(await names('bob')).toEqual(['我的', '↗本月新增', '↗重点客户']);
    expect(await names('mia')).toEqual(['重点客户']);
  });

  it('lets only the owner or an administrator share or delete it; others get 404', async () => {
    const other = await api('bob', 'PUT', `/customer/${teamView}/sharing`, { role: 'salesperson' });
    expect(other.status).toBe(404);
    expect(other.body.i18n.zh).toContain('视图');
    expect((await api('bob', 'DELETE', `/customer/${teamView}`)).status).toBe(404);
    // a same-named copy is the reader's own view
    const copy = await api('bob', 'POST', '/customer', { name: '重点客户', query: { filter: { level: 'a' } } });
    expect(copy.status).toBe(201);
    expect(copy.body.mine).toBe(true);
    expect(await names('bob')).toEqual(['我的', '重点客户', '↗本月新增', '↗重点客户']);
    const unshared = await api('admin', 'PUT', `/customer/${roleView}/sharing`, {});
    expect(unshared.body).toMatchObject({ sharedWith: null, mine: false, ownerName: '爱丽丝' });
    expect(await names('bob')).toEqual(['我的', '重点客户', '↗重点客户']);
    expect((await api('admin', 'DELETE', `/customer/${teamView}`)).status).toBe(204);
    expect(await names('alice')).toEqual(['本月新增']);
  });

  it('refuses an unknown unit or role at its pointer, in both languages', async () => {
    const mine = (await api('alice', 'GET', '/customer')).body.data[0].id as string;
    const bad = await api('alice', 'PUT', `/customer/${mine}/sharing`, {
      unitId: '00000000-0000-4000-8000-000000000000',
      role: 'nobody',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/unitId', '/role']);
    expect(bad.body.issues[1].i18n.zh).toContain('不是当前模型中的角色');
    const extra = await api('alice', 'PUT', `/customer/${mine}/sharing`, { users: ['x'] });
    expect(extra.status).toBe(422);
  });
});
