import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './support/paths.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from './support/test-server.js';

/*
 * People admin over HTTP on PostgreSQL: a manager that would close a loop is refused naming both people,
 * a bulk invite from a CSV (UTF-8 with BOM or GBK) names every row's problems and creates everyone or
 * nobody, and an org unit cannot move under its own units.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ definitionsDir: join(FIXTURES, 'workflow-runtime') });
});
afterAll(() => server?.close());

const admin = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/admin${path}`, body);
const zh = { 'Accept-Language': 'zh-CN' };
const newUser = async (email: string, displayName: string, managerId?: string) => {
  const response = await admin('POST', '/users', { email, displayName, password: ADMIN_PASSWORD, managerId });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string };
};
const base64 = (text: string, encoding = 'utf-8') =>
  (encoding === 'utf-8' ? Buffer.from(text, 'utf-8') : iconv.encode(text, encoding)).toString('base64');

describe('managers', () => {
  it('refuses a manager that would put a user above themselves, naming both people', async () => {
    const boss = await newUser('boss@cycle.example', '王总');
    const lead = await newUser('lead@cycle.example', '李组长', boss.id);
    const rep = await newUser('rep@cycle.example', '赵专员', lead.id);

    const self = await admin('PATCH', `/users/${boss.id}`, { managerId: boss.id });
    expect(self.status).toBe(422);
    expect(self.body.issues[0]).toMatchObject({ pointer: '/managerId', keyword: 'managerCycle' });
    expect(self.body.i18n.zh).toContain('王总 不能做自己的上级');

    // 王总 → 李组长 → 赵专员: making 赵专员 王总's manager closes the loop through 李组长.
    const loop = await server.request('PATCH', `/api/v1/admin/users/${boss.id}`, { managerId: rep.id }, zh);
    expect(loop.status).toBe(422);
    expect(loop.body.i18n.zh).toContain('赵专员 不能做 王总 的上级');
    expect(loop.body.i18n.en).toContain("赵专员 cannot be 王总's manager");
    expect(loop.body.issues[0].params.chain).toEqual([rep.id, lead.id, boss.id]);
    expect((await admin('GET', '/users')).body.data.find((u: { id: string }) => u.id === boss.id).managerId).toBe(null);

    // A manager outside the chain is fine, and so is clearing it.
    const other = await newUser('other@cycle.example', '钱经理');
    expect((await admin('PATCH', `/users/${boss.id}`, { managerId: other.id })).status).toBe(200);
    expect((await admin('PATCH', `/users/${boss.id}`, { managerId: null })).body.managerId).toBe(null);
  });
});

describe('bulk invite', () => {
  it('reads a UTF-8 CSV with BOM, names each bad row and column, and invites nobody until every row is right', async () => {
    await newUser('taken@invite.example', '已在职');
    const sales = (await admin('POST', '/org-units', { name: '邀请销售部' })).body;
    const csv =
      '\uFEFF姓名,邮箱,角色,上级,部门\n' +
      '周一,zhou1@invite.example,经理,,邀请销售部\n' +
      '吴二,wu2@invite,专员,周一,邀请销售部\n' + // bad email
      '郑三,zheng3@invite.example,Director,zhou1@invite.example,\n' + // unknown role
      '王四,taken@invite.example,agent,,\n' + // already a user
      '冯五,zhou1@invite.example,,,\n' + // duplicate of row 2
      '陈六,chen6@invite.example,专员,无名氏,\n'; // unknown manager
    const checked = await server.request('POST', '/api/v1/admin/users/invites/check', { file: base64(csv) }, zh);
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(checked.body.rows).toHaveLength(6);
    expect(checked.body.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [3, 'email'],
      [4, 'role'],
      [5, 'email'],
      [6, 'email'],
      [7, 'manager'],
    ]);
    expect(checked.body.issues[0].text.zh).toContain('不是邮箱地址');
    expect(checked.body.issues[4].text.zh).toContain('找不到上级「无名氏」');

    // Inviting as it stands creates nobody, and says where each problem is.
    const before = (await admin('GET', '/users')).body.data.length;
    const refused = await server.request('POST', '/api/v1/admin/users/invites', { rows: checked.body.rows }, zh);
    expect(refused.status).toBe(422);
    expect(refused.body.issues[0]).toMatchObject({ pointer: '/rows/1/email', params: { row: 3, column: 'email' } });
    expect(refused.body.issues[0].i18n.zh).toMatch(/^第 3 行「邮箱」：/);
    expect((await admin('GET', '/users')).body.data.length).toBe(before);

    // Fixed rows (bad ones corrected or dropped) go in together, managers resolved among the new rows.
    const rows = checked.body.rows
      .filter((r: { row: number }) => r.row <= 4)
      .map((r: Record<string, unknown>) =>
        r.row === 3 ? { ...r, email: 'wu2@invite.example' } : r.row === 4 ? { ...r, role: 'agent' } : r,
      );
    const invited = await admin('POST', '/users/invites', { rows });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.headers.get('cache-control')).toBe('no-store');
    const [zhou, wu, zheng] = invited.body.data;
    expect(zhou).toMatchObject({ row: 2, user: { displayName: '周一', roles: ['manager'], orgUnitId: sales.id } });
    expect(wu.user).toMatchObject({ email: 'wu2@invite.example', managerId: zhou.user.id, mustChangePassword: true });
    expect(zheng.user).toMatchObject({ roles: ['agent'], managerId: zhou.user.id });
    // The one-time password signs in, and must be changed first.
    const login = await server.request('POST', '/api/v1/auth/login', {
      email: 'wu2@invite.example',
      password: wu.password,
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
  });

  it('reads a GBK file as Chinese Excel saves it, and refuses a loop of managers among the rows', async () => {
    const csv = '姓名,邮箱,角色,上级\r\n甲,jia@gbk.example,经理,乙\r\n乙,yi@gbk.example,专员,jia@gbk.example\r\n';
    const checked = await server.request('POST', '/api/v1/admin/users/invites/check', { file: base64(csv, 'gbk') }, zh);
    expect(checked.status).toBe(200);
    expect(checked.body.encoding).toMatch(/^gb/);
    expect(checked.body.rows.map((r: { name: string }) => r.name)).toEqual(['甲', '乙']);
    expect(checked.body.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [2, 'manager'],
      [3, 'manager'],
    ]);
    expect(checked.body.issues[0].text.zh).toContain('形成了循环');

    const fixed = checked.body.rows.map((r: Record<string, unknown>) => (r.row === 2 ? { ...r, manager: '' } : r));
    const invited = await admin('POST', '/users/invites', { rows: fixed });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body.data[1].user.managerId).toBe(invited.body.data[0].user.id);
  });

  it('is all or nothing: an email taken between the check and the invite leaves no one created', async () => {
    const rows = [
      { row: 2, name: '先到', email: 'first@race.example', role: '', manager: '', team: '' },
      { row: 3, name: '后到', email: 'second@race.example', role: '', manager: '', team: '' },
    ];
    expect((await admin('POST', '/users/invites/check', { rows })).body.issues).toEqual([]);
    await newUser('second@race.example', '抢先');
    const refused = await admin('POST', '/users/invites', { rows });
    expect(refused.status).toBe(422);
    expect(refused.body.issues[0]).toMatchObject({ params: { row: 3, column: 'email' } });
    const emails = (await admin('GET', '/users')).body.data.map((u: { email: string }) => u.email);
    expect(emails).not.toContain('first@race.example');
  });

  it('says what is wrong with a file that is not an invite', async () => {
    const noEmail = await admin('POST', '/users/invites/check', { file: base64('名字,电话\n张三,123\n') });
    expect(noEmail.body.issues[0]).toMatchObject({ row: 1, column: null });
    const xlsx = await admin('POST', '/users/invites/check', {
      file: Buffer.from('PK\u0003\u0004rest').toString('base64'),
    });
    expect(xlsx.status).toBe(422);
    expect(xlsx.body.i18n.zh).toContain('另存为 CSV');
  });
});

describe('org tree', () => {
  it('moves a unit with everything below it, and refuses a move under its own units', async () => {
    const company = (await admin('POST', '/org-units', { name: '集团' })).body;
    const sales = (await admin('POST', '/org-units', { name: '销售中心', parentId: company.id })).body;
    const east = (await admin('POST', '/org-units', { name: '华东大区', parentId: sales.id })).body;
    const team = (await admin('POST', '/org-units', { name: '上海组', parentId: east.id })).body;
    const service = (await admin('POST', '/org-units', { name: '客服中心', parentId: company.id })).body;

    const under = await server.request('PATCH', `/api/v1/admin/org-units/${sales.id}`, { parentId: team.id }, zh);
    expect(under.status).toBe(422);
    expect(under.body.issues[0]).toMatchObject({ pointer: '/parentId', keyword: 'orgUnitCycle' });
    expect(under.body.i18n.zh).toContain('「销售中心」不能放到「上海组」下面');
    expect((await admin('PATCH', `/org-units/${sales.id}`, { parentId: sales.id })).status).toBe(422);

    const moved = await admin('PATCH', `/org-units/${east.id}`, { parentId: service.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ parentId: service.id, path: `/${company.id}/${service.id}/${east.id}/` });
    const units = (await admin('GET', '/org-units')).body.data as { id: string; path: string }[];
    expect(units.find((u) => u.id === team.id)!.path).toBe(`/${company.id}/${service.id}/${east.id}/${team.id}/`);

    const top = await admin('PATCH', `/org-units/${east.id}`, { parentId: null, name: '华东' });
    expect(top.body).toMatchObject({ parentId: null, name: '华东', path: `/${east.id}/` });
    const audit = await admin('GET', `/audit?entity=lodestar.orgUnit&recordId=${east.id}`);
    expect(audit.body.data[0]).toMatchObject({ action: 'update' });
  });
});

describe('the answers', () => {
  it('fit the closed schemas the served document gives them', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
    const fits = (path: string, method: string, status: number, body: unknown) => {
      const schema = doc.paths[path][method].responses[String(status)].content['application/json'].schema;
      const validate = ajv.compile({ ...schema, components: doc.components });
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    };
    const unit = (await admin('POST', '/org-units', { name: '文档部' })).body;
    fits(
      '/admin/org-units/{id}',
      'patch',
      200,
      (await admin('PATCH', `/org-units/${unit.id}`, { name: '文档中心' })).body,
    );
    const checked = await admin('POST', '/users/invites/check', {
      file: base64('姓名,邮箱,角色\n文档甲,doc1@schema.example,经理\n文档乙,bad,专员\n'),
    });
    expect(checked.body.issues).toHaveLength(1);
    fits('/admin/users/invites/check', 'post', 200, checked.body);
    const rows = checked.body.rows.slice(0, 1);
    fits('/admin/users/invites', 'post', 201, (await admin('POST', '/users/invites', { rows })).body);
  });
});
