import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFolder } from '../src/definitions/read-folder.js';
import { REPO_ROOT, startTestServer, type TestResponse, type TestServer } from './support/test-server.js';

/*
 * Global search over HTTP against PostgreSQL with the default template: two sales teams, a salesperson
 * in each, team A's manager and a marketing specialist (who may not read contacts' family notes).
 */
let server: TestServer;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

type Who = 'admin' | 'alice' | 'bob' | 'mia' | 'mark';
const api = (who: Who, method: string, path: string, body?: unknown): Promise<TestResponse> =>
  server.request(method, `/api/v1${path}`, body, who === 'admin' ? {} : { authorization: `Bearer ${tokens[who]}` });

interface Hit {
  id: string;
  title: string;
  field: string;
  fragment: string;
  start?: number;
  end?: number;
  match: string;
}
async function search(who: Who, q: string, limit?: number): Promise<Record<string, Hit[]>> {
  const res = await api(who, 'GET', `/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
  expect(res.status).toBe(200);
  return Object.fromEntries(
    (res.body.groups as { entity: string; hits: Hit[] }[]).map((group) => [group.entity, group.hits]),
  );
}
const titles = (hits: Hit[] | undefined) => (hits ?? []).map((hit) => hit.title);

beforeAll(async () => {
  server = await startTestServer();
  const unit = async (name: string, parentId?: string) =>
    (await api('admin', 'POST', '/admin/org-units', { name, ...(parentId && { parentId }) })).body.id as string;
  const sales = await unit('销售部');
  const [teamA, teamB] = [await unit('华东组', sales), await unit('华南组', sales)];
  const user = async (key: Who, roles: string[], orgUnitId: string | null) => {
    tokens[key] = (await server.userToken({ email: `${key}@example.com`, roles, orgUnitId })).token;
  };
  await user('alice', ['salesperson'], teamA);
  await user('bob', ['salesperson'], teamB);
  await user('mia', ['salesManager'], teamA);
  await user('mark', ['marketing'], null);
  const create = async (who: Who, key: string, entity: string, body: Record<string, unknown>) => {
    const res = await api(who, 'POST', `/records/${entity}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.id;
  };
  const company = { record_type: 'company', industry: 'manufacturing' };
  await create('alice', 'tech', 'customer', { ...company, name: '华东科技有限公司', phone: '021-6888-1234' });
  await create('alice', 'park', 'customer', { ...company, name: '远景贸易', address: '上海市张江科技园区 88 号' });
  await create('alice', 'acme', 'customer', { ...company, name: 'Acme Trading 上海', legalRepresentative: '李娜' });
  await create('bob', 'bobs', 'customer', { ...company, name: '华东贸易集团' });
  await create('alice', 'zhang', 'contact', {
    name: '张伟',
    customer: ids.tech,
    mobile: '138-0013-8000',
    email: 'zhang.wei@acme-corp.com',
    familyNotes: '周末打高尔夫',
  });
  await create('alice', 'zhao', 'contact', {
    name: '赵文',
    customer: ids.tech,
    jobTitle: '采购经理',
    hometown: '苏州',
  });
});
afterAll(async () => {
  await server?.close();
});

describe('global search', () => {
  it('finds two-character Chinese terms, titles first, with the matched fragment', async () => {
    const found = await search('admin', '科技');
    expect(titles(found.customer)).toEqual(['华东科技有限公司', '远景贸易']);
    const [title, address] = found.customer!;
    expect(title).toMatchObject({ field: 'name', fragment: '华东科技有限公司', start: 2, end: 4, match: 'text' });
    expect(address).toMatchObject({ field: 'address', match: 'text' });
    expect(address!.fragment.slice(address!.start, address!.end)).toBe('科技');
    expect(titles((await search('admin', '张伟')).contact)).toEqual(['张伟']);
    expect(titles((await search('admin', '华东科技')).customer)).toEqual(['华东科技有限公司']);
  });

  it('finds names by pinyin initials and full pinyin', async () => {
    // 张伟 and 赵文 share the initials zw and rank alike: both are found, each by the pinyin of its name.
    const zw = (await search('admin', 'zw')).contact;
    expect(titles(zw).sort()).toEqual(['张伟', '赵文'].sort());
    expect(zw?.find((hit) => hit.title === '张伟')).toMatchObject({ field: 'name', match: 'pinyin' });
    expect(titles((await search('admin', 'zhangwei')).contact)).toEqual(['张伟']);
    expect(titles((await search('admin', 'wei')).contact)).toContain('张伟');
    // A pinyin field other than the title: the legal representative 李娜.
    expect((await search('admin', 'ln')).customer?.[0]).toMatchObject({ title: 'Acme Trading 上海', match: 'pinyin' });
  });

  it('finds English words by prefix and phone numbers by any fragment of their digits', async () => {
    const acme = await search('admin', 'acme');
    expect(titles(acme.customer)).toEqual(['Acme Trading 上海']);
    expect(acme.contact?.[0]).toMatchObject({ title: '张伟', field: 'email', match: 'text' });
    expect(titles((await search('admin', 'trad')).customer)).toEqual(['Acme Trading 上海']);
    const phone = (await search('admin', '0013 8000')).contact?.[0];
    expect(phone).toMatchObject({ title: '张伟', field: 'mobile', match: 'digits' });
    expect(phone!.fragment.slice(phone!.start, phone!.end)).toBe('0013-8000');
    expect(titles((await search('admin', '68881234')).customer)).toEqual(['华东科技有限公司']);
  });

  it("never finds another team's records", async () => {
    expect(titles((await search('admin', '华东')).customer).sort()).toEqual(['华东科技有限公司', '华东贸易集团']);
    expect(titles((await search('alice', '华东')).customer)).toEqual(['华东科技有限公司']);
    expect(titles((await search('mia', '华东')).customer)).toEqual(['华东科技有限公司']);
    expect(titles((await search('bob', '华东')).customer)).toEqual(['华东贸易集团']);
    expect((await search('bob', '张伟')).contact).toBeUndefined();
  });

  it('never matches a field the role may not read', async () => {
    expect((await search('admin', '高尔夫')).contact?.[0]).toMatchObject({ title: '张伟', field: 'familyNotes' });
    expect((await search('mark', '高尔夫')).contact).toBeUndefined();
    // The rest of the record is still found by what the role may read.
    expect(titles((await search('mark', '张伟')).contact)).toEqual(['张伟']);
  });

  it("is the lists' quick search too, under the same rules", async () => {
    const list = await api('alice', 'GET', '/records/customer?q=科技');
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: { name: string }) => r.name).sort()).toEqual(['华东科技有限公司', '远景贸易']);
    const hidden = await api('mark', 'GET', '/records/contact?q=高尔夫');
    expect(hidden.body.data).toEqual([]);
  });

  it('follows a patch of the record', async () => {
    const before = (await api('admin', 'GET', `/records/customer/${ids.park}`)).body;
    const patched = await api('admin', 'PATCH', `/records/customer/${ids.park}`, {
      version: before.version,
      name: '远景数码',
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(titles((await search('admin', '数码')).customer)).toEqual(['远景数码']);
    expect((await search('admin', '贸易')).customer?.map((hit) => hit.id)).not.toContain(ids.park);
  });

  it('follows a publish that changes what an entity searches', async () => {
    expect((await search('admin', '苏州')).contact).toBeUndefined();
    const { set } = await readFolder(REPO_ROOT);
    const contact = set.entities.find((entity) => entity.$id === 'contact')!;
    contact['x-entity'].search = [...(contact['x-entity'].search ?? []), { field: 'hometown' }];
    const draft = '/api/v1/meta/drafts/search';
    expect((await server.request('PUT', draft, { definitions: set })).body.issues).toEqual([]);
    const plan = await server.request('POST', `${draft}/plan`);
    const texts = (plan.body.steps as { kind: string; text: { zh: string; en: string } }[])
      .filter((step) => step.kind === 'setSearch')
      .map((step) => step.text.zh);
    expect(texts).toEqual([expect.stringContaining('「籍贯」')]);
    expect((await server.request('POST', `${draft}/publish`, {})).status).toBe(201);
    expect((await search('admin', '苏州')).contact?.[0]).toMatchObject({ title: '赵文', field: 'hometown' });
    expect(titles((await search('admin', 'zw')).contact)).toEqual(expect.arrayContaining(['张伟', '赵文']));
  });

  it('refuses a definition searching a field that cannot be searched', async () => {
    const { set } = await readFolder(REPO_ROOT);
    const contact = set.entities.find((entity) => entity.$id === 'contact')!;
    contact['x-entity'].search = [{ field: 'birthday' }, { field: 'nope' }];
    const put = await server.request('PUT', '/api/v1/meta/drafts/bad', { definitions: set });
    const pointers = (put.body.issues as { pointer: string }[]).map((issue) => issue.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/x-entity/search/0/field', '/x-entity/search/1/field']));
  });
});
