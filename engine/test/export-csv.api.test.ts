import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/* CSV export over HTTP against PostgreSQL: safe to open in a spreadsheet, and exactly the view. */
let server: TestServer;

const exportText = async (path: string) => {
  const response = await fetch(`${server.engine.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  expect(response.status).toBe(200);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
};

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe('CSV export: formula injection', () => {
  it('neutralises text cells starting with = + - @ tab or CR, and leaves numbers numbers', async () => {
    const names = ['=HYPERLINK("http://evil.example","x")', '+cmd|calc', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    for (const name of names) {
      const res = await server.request('POST', '/api/v1/records/customer', {
        record_type: 'company',
        name,
        industry: 'retail',
        annualRevenue: 5,
      });
      expect(res.status, name).toBe(201);
    }
    const csv = await exportText('/records/customer/export?format=raw&fields=name,annualRevenue&sort=created_at');
    const lines = csv.replace(/^\uFEFF/, '').split('\n');
    for (const name of names) {
      const quoted = `'${name}`;
      expect(csv.includes(quoted) || csv.includes(`"${quoted.replace(/"/g, '""')}"`), name).toBe(true);
    }
    // No cell starts with a formula character; numbers stay numbers.
    const cells = lines
      .slice(1)
      .filter(Boolean)
      .map((line) => line.replace(/^"/, ''));
    expect(cells.every((c) => !/^[=+\-@\t\r]/.test(c))).toBe(true);
    expect(
      lines
        .slice(1)
        .filter(Boolean)
        .every((line) => line.endsWith(',5')),
    ).toBe(true);
  });
});

describe('CSV export: exactly the view', () => {
  it('writes the view’s columns in order with their titles, labels, names and local times, in the user’s language', async () => {
    const { user, token } = await server.userToken({
      email: 'wang@example.com',
      displayName: '王经理',
      roles: ['salesManager'],
    });
    const as = { authorization: `Bearer ${token}` };
    const parent = (
      await server.request('POST', '/api/v1/records/customer', {
        record_type: 'company',
        name: '华东集团',
        industry: 'manufacturing',
        owner_id: user.id,
      })
    ).body;
    const child = (
      await server.request('POST', '/api/v1/records/customer', {
        record_type: 'company',
        name: '华东分公司',
        industry: 'retail',
        parent: parent.id,
        tags: ['newCustomer'],
        owner_id: user.id,
      })
    ).body;
    expect(child.id).toBeTruthy();
    const response = await fetch(
      `${server.engine.url}/api/v1/records/customer/export?fields=name,industry,tags,parent,record_type,owner_id,created_at&filter[id]=${child.id}&lang=zh&tz=Asia/Shanghai`,
      { headers: as },
    );
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = new TextDecoder('utf-8', { ignoreBOM: true })
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header).toBe('客户名称,所属行业,标签,上级单位,类型,负责人,创建时间');
    const created = new Date(child.created_at as string);
    const local = new Date(created.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(row).toBe(`华东分公司,零售业,新客户,华东集团,企业客户,王经理,${local}`);
  });

  it('speaks English when asked, and keeps the raw form under format=raw', async () => {
    const view = await exportText(
      '/records/customer/export?fields=name,industry&lang=en&filter[industry]=retail&limit=1',
    );
    expect(view.replace(/^\uFEFF/, '').split('\n')[0]).toBe('Name,Industry');
    expect(view).toContain(',Retail');
    const raw = await exportText('/records/customer/export?format=raw&fields=name,industry&filter[industry]=retail');
    expect(raw.replace(/^\uFEFF/, '').split('\n')[0]).toBe('id,name,industry');
    expect(raw).toContain(',retail');
  });

  it('refuses an unknown format, language or time zone with 400 on the parameter', async () => {
    for (const [query, param] of [
      ['format=xlsx', 'format'],
      ['lang=fr', 'lang'],
      ['tz=Mars/Base', 'tz'],
    ]) {
      const res = await server.request('GET', `/api/v1/records/customer/export?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.issues[0].pointer).toBe(`/query/${param}`);
    }
  });
});
