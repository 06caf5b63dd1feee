import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/** The embedded database computes the same search documents (plpgsql, regex ranges, pinyin table, GIN). */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ kind: 'pglite' });
});
afterAll(async () => {
  await server?.close();
});

const search = async (q: string) => {
  const res = await server.request('GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body.groups as { entity: string; hits: { title: string; field: string; match: string }[] }[];
};

describe('search on PGlite', () => {
  it('finds Chinese terms, pinyin initials, words and phone fragments, and follows a patch', async () => {
    const customer = await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name: '华东科技有限公司',
      industry: 'manufacturing',
      phone: '021-6888-1234',
    });
    expect(customer.status).toBe(201);
    const contact = await server.request('POST', '/api/v1/records/contact', {
      name: '张伟',
      customer: customer.body.id,
      email: 'zhang.wei@acme-corp.com',
    });
    expect(contact.status).toBe(201);
    expect(await search('科技')).toEqual([
      { entity: 'customer', hits: [expect.objectContaining({ title: '华东科技有限公司', field: 'name' })] },
    ]);
    expect(await search('zw')).toEqual([
      { entity: 'contact', hits: [expect.objectContaining({ title: '张伟', match: 'pinyin' })] },
    ]);
    expect((await search('acme'))[0]!.hits[0]).toMatchObject({ title: '张伟', field: 'email' });
    expect((await search('68881234'))[0]!.hits[0]).toMatchObject({ title: '华东科技有限公司', match: 'digits' });
    const patched = await server.request('PATCH', `/api/v1/records/contact/${contact.body.id}`, {
      version: 1,
      name: '张伟明',
    });
    expect(patched.status).toBe(200);
    expect((await search('伟明'))[0]!.hits[0]).toMatchObject({ title: '张伟明' });
    const list = await server.request('GET', `/api/v1/records/customer?q=${encodeURIComponent('华东')}`);
    expect(list.body.data.map((row: { name: string }) => row.name)).toEqual(['华东科技有限公司']);
  });
});
