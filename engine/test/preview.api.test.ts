import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestResponse, type TestServer } from './support/test-server.js';

/*
 * "View as" (issue 19): an administrator previews the studio's draft as a role or a user. Over HTTP against
 * PostgreSQL with the default template: the draft hides the customer's phone from salespeople and adds a
 * WeChat field; the preview lists what the salesperson may read, as the draft says, and refuses every write.
 */
let server: TestServer;
const who = { alice: '', bob: '' };
const tokens: Record<string, string> = {};
const rec = { a: '', b: '' };

const api = (user: keyof typeof who | 'admin', method: string, path: string, body?: unknown, headers = {}) =>
  server.request(
    method,
    `/api/v1${path}`,
    body,
    user === 'admin' ? headers : { authorization: `Bearer ${tokens[user]}`, ...headers },
  );

async function startPreview(body: Record<string, unknown>, user: keyof typeof who | 'admin' = 'admin') {
  return api(user, 'POST', '/meta/preview', body);
}

async function customerRows() {
  return (await server.testDb.db.knex('customer').select('id', 'name', 'phone', 'version').orderBy('id')) as unknown[];
}

beforeAll(async () => {
  server = await startTestServer();
  for (const key of ['alice', 'bob'] as const) {
    const { user, token } = await server.userToken({ email: `${key}@example.com`, roles: ['salesperson'] });
    who[key] = user.id;
    tokens[key] = token;
  }
  const create = async (user: keyof typeof who, name: string) =>
    (
      await api(user, 'POST', '/records/customer', {
        record_type: 'company',
        name,
        industry: 'retail',
        phone: '021-1234',
      })
    ).body.id as string;
  rec.a = await create('alice', 'Alpha 华东制造');
  rec.b = await create('bob', 'Bravo 华南零售');
  // The studio's draft: the published definitions, the phone hidden from salespeople, a WeChat field added.
  const model = (await api('admin', 'GET', '/meta/model')).body;
  const definitions = structuredClone(model.definitions);
  const customer = definitions.entities.find((e: { $id: string }) => e.$id === 'customer');
  customer.properties.wechat = { type: 'string', title: 'WeChat', maxLength: 100, 'x-i18n': { title: { zh: '微信' } } };
  const grants = definitions.roles.roles.salesperson.entities.customer;
  grants.fields = { ...grants.fields, phone: 'hidden' };
  const saved = await api('admin', 'PUT', '/meta/drafts/studio', { definitions });
  expect(saved.status).toBe(200);
  expect(saved.body.issues).toEqual([]);
});

afterAll(async () => {
  await server?.close();
});

describe('preview of the draft as a user', () => {
  let header: Record<string, string>;
  beforeAll(async () => {
    const started = await startPreview({ user: who.alice });
    expect(started.status).toBe(201);
    expect(started.body.banner.zh).toBe('预览：以 alice 身份查看草稿（不会保存任何更改）');
    expect(started.body.draft).toBe('studio');
    header = { [started.body.header]: started.body.token };
  });

  it('lists only her own records, without the field the draft hides and with the field it adds (empty)', async () => {
    const list = await api('admin', 'GET', '/records/customer', undefined, header);
    expect(list.status).toBe(200);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([rec.a]);
    const [row] = list.body.data;
    expect(row).not.toHaveProperty('phone');
    expect(row).toHaveProperty('wechat', null);
    expect((await api('admin', 'GET', `/records/customer/${rec.b}`, undefined, header)).status).toBe(404);
    const one = await api('admin', 'GET', `/records/customer/${rec.a}`, undefined, header);
    expect(one.status).toBe(200);
    expect(one.body).not.toHaveProperty('phone');
    expect(one.body.wechat).toBeNull();
  });

  it('serves the draft model with her permissions', async () => {
    const model = (await api('admin', 'GET', '/meta/model', undefined, header)).body;
    const customer = model.definitions.entities.find((e: { $id: string }) => e.$id === 'customer');
    expect(customer.properties).toHaveProperty('wechat');
    expect(customer.properties).not.toHaveProperty('phone');
    expect(model.permissions.customer.read).toBe('own');
    // Without the header the admin sees the published model: nothing was published.
    const published = (await api('admin', 'GET', '/meta/model')).body;
    const live = published.definitions.entities.find((e: { $id: string }) => e.$id === 'customer');
    expect(live.properties).not.toHaveProperty('wechat');
    expect(live.properties).toHaveProperty('phone');
  });

  it('answers the screens of the app on the draft without a server error', async () => {
    const paths = [
      '/my-day',
      '/dashboards',
      '/me/notifications',
      `/search?q=${encodeURIComponent('Alpha')}`,
      '/views/customer',
      '/users',
      '/records/customer?sort=wechat',
      `/records/customer?q=${encodeURIComponent('华东')}`,
      '/records/customer?filter[wechat][null]=true',
      '/records/customer/groups?by=level',
      '/records/customer/totals',
      '/records/customer/export?file=csv',
      `/records/customer/${rec.a}/transitions`,
      `/records/customer/${rec.a}/history`,
      `/records/customer/${rec.a}/audit`,
      '/records/opportunity',
      '/openapi.json',
    ];
    for (const path of paths) {
      const answer = await api('admin', 'GET', path, undefined, header);
      expect(answer.status, `${path}: ${JSON.stringify(answer.body)?.slice(0, 300)}`).toBeLessThan(500);
    }
    const filtered = await api('admin', 'GET', '/records/customer?filter[wechat][null]=true', undefined, header);
    expect(filtered.body.data.map((c: { id: string }) => c.id)).toEqual([rec.a]);
  });

  it('refuses every write with a message in both languages, and changes nothing', async () => {
    const before = await customerRows();
    const refused = (r: TestResponse) => {
      expect(r.status).toBe(403);
      expect(r.body.i18n.zh).toContain('当前是预览');
      expect(r.body.i18n.en).toContain('this is a preview');
    };
    refused(await api('admin', 'POST', '/records/customer', { record_type: 'company', name: 'New' }, header));
    refused(await api('admin', 'PATCH', `/records/customer/${rec.a}`, { name: 'Renamed', version: 1 }, header));
    refused(await api('admin', 'DELETE', `/records/customer/${rec.a}`, undefined, header));
    refused(await api('admin', 'POST', `/records/customer/${rec.a}/events`, { type: 'QUALIFY' }, header));
    refused(await api('admin', 'PUT', '/meta/drafts/studio', { definitions: {} }, header));
    refused(await api('admin', 'POST', '/meta/drafts/studio/publish', {}, header));
    // Nor can the preview sign the administrator out or change a password.
    refused(await api('admin', 'POST', '/auth/logout', undefined, header));
    refused(await api('admin', 'POST', '/auth/password', { current: 'x', next: 'y' }, header));
    expect((await api('admin', 'GET', '/auth/me')).status).toBe(200);
    expect(await customerRows()).toEqual(before);
    expect((await api('admin', 'GET', '/meta/versions')).body.data).toHaveLength(1);
  });
});

describe('preview of the draft as a role', () => {
  it('acts as a new holder of the role: own scopes show nothing, hidden fields stay hidden', async () => {
    const started = await startPreview({ role: 'salesperson' });
    expect(started.status).toBe(201);
    expect(started.body.banner).toEqual({
      zh: '预览：以 销售代表 身份查看草稿（不会保存任何更改）',
      en: 'Preview: viewing the draft as Salesperson (nothing is saved)',
    });
    const header = { 'X-Lodestar-Preview': started.body.token };
    const list = await api('admin', 'GET', '/records/customer', undefined, header);
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
    const model = (await api('admin', 'GET', '/meta/model', undefined, header)).body;
    expect(model.permissions.customer.read).toBe('own');
    // A role that reads everything sees every record, through the draft.
    const manager = await startPreview({ role: 'admin' });
    const all = await api('admin', 'GET', '/records/customer', undefined, { 'X-Lodestar-Preview': manager.body.token });
    expect(all.body.data.map((c: { id: string }) => c.id).sort()).toEqual([rec.a, rec.b].sort());
    expect(all.body.data[0]).toHaveProperty('phone', '021-1234');
    expect(all.body.data[0]).toHaveProperty('wechat', null);
  });

  it('refuses an unknown role or both a role and a user', async () => {
    expect((await startPreview({ role: 'nobody' })).status).toBe(422);
    expect((await startPreview({ role: 'salesperson', user: who.alice })).status).toBe(422);
    expect((await startPreview({})).status).toBe(422);
  });
});

describe('who may preview', () => {
  it('a non-administrator can neither start a preview nor use one', async () => {
    const refused = await startPreview({ role: 'salesperson' }, 'alice');
    expect(refused.status).toBe(403);
    expect(refused.body.i18n.zh).toContain('仅限系统管理员');
    const token = (await startPreview({ role: 'admin' })).body.token as string;
    const stolen = await api('alice', 'GET', '/records/customer', undefined, { 'X-Lodestar-Preview': token });
    expect(stolen.status).toBe(403);
    // A forged token naming Alice as its starter does not help her either: she is no administrator.
    const forged = Buffer.from(
      JSON.stringify({ draft: 'studio', as: { kind: 'role', id: 'admin' }, by: who.alice, exp: Date.now() + 60_000 }),
    ).toString('base64url');
    expect((await api('alice', 'GET', '/records/customer', undefined, { 'X-Lodestar-Preview': forged })).status).toBe(
      403,
    );
  });

  it('an expired or malformed token is refused', async () => {
    const admin = server.admin.id;
    const expired = Buffer.from(
      JSON.stringify({ draft: 'studio', as: { kind: 'role', id: 'salesperson' }, by: admin, exp: Date.now() - 1 }),
    ).toString('base64url');
    const answer = await api('admin', 'GET', '/records/customer', undefined, { 'X-Lodestar-Preview': expired });
    expect(answer.status).toBe(403);
    expect(answer.body.i18n.zh).toContain('预览已过期');
    expect(
      (await api('admin', 'GET', '/records/customer', undefined, { 'X-Lodestar-Preview': 'nonsense' })).status,
    ).toBe(403);
  });
});

describe('a draft with problems', () => {
  it('cannot be previewed until they are fixed', async () => {
    const draft = (await api('admin', 'GET', '/meta/drafts/studio')).body.definitions;
    const broken = structuredClone(draft);
    broken.entities.find((e: { $id: string }) => e.$id === 'customer')['x-entity'].titleField = 'nothing';
    const saved = await api('admin', 'PUT', '/meta/drafts/studio', { definitions: broken });
    expect(saved.body.issues.length).toBeGreaterThan(0);
    const refused = await startPreview({ role: 'salesperson' });
    expect(refused.status).toBe(409);
    expect(refused.body.i18n.zh).toBe('草稿中有问题需要先修正，才能预览');
    await api('admin', 'PUT', '/meta/drafts/studio', { definitions: draft });
    expect((await startPreview({ role: 'salesperson' })).status).toBe(201);
  });
});
