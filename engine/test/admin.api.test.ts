import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './support/paths.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ definitionsDir: join(FIXTURES, 'workflow-runtime') });
});
afterAll(() => server?.close());

const admin = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  server.request(method, `/api/v1/admin${path}`, body, headers);

describe('users and org units, for administrators', () => {
  it('builds the company tree and places users in it', async () => {
    const company = (await admin('POST', '/org-units', { name: '杭州云帆科技' })).body;
    const sales = (await admin('POST', '/org-units', { name: '销售部', parentId: company.id })).body;
    const east = (await admin('POST', '/org-units', { name: '华东组', parentId: sales.id })).body;
    expect(east).toMatchObject({ parentId: sales.id, path: `/${company.id}/${sales.id}/${east.id}/` });
    expect((await admin('GET', '/org-units')).body.data.map((u: { name: string }) => u.name)).toEqual([
      '杭州云帆科技',
      '销售部',
      '华东组',
    ]);

    const manager = (
      await admin('POST', '/users', {
        email: 'zhang@example.com',
        displayName: '张经理',
        password: ADMIN_PASSWORD,
        roles: ['manager'],
        orgUnitId: sales.id,
      })
    ).body;
    const rep = await admin('POST', '/users', {
      email: 'li@example.com',
      password: ADMIN_PASSWORD,
      roles: ['agent'],
      orgUnitId: east.id,
      managerId: manager.id,
    });
    expect(rep.status).toBe(201);
    expect(rep.body).toMatchObject({
      email: 'li@example.com',
      roles: ['agent'],
      orgUnitId: east.id,
      managerId: manager.id,
      active: true,
    });
    expect(JSON.stringify((await admin('GET', '/users')).body)).not.toMatch(/argon2|password_hash/);
  });

  it.each([
    ['/org-units', { name: '' }, '/name'],
    ['/org-units', { name: 'Orphan', parentId: '00000000-0000-4000-8000-000000000000' }, '/parentId'],
    ['/users', { email: 'x@example.com', password: ADMIN_PASSWORD, orgUnitId: 'nowhere' }, '/orgUnitId'],
    ['/users', { email: 'not an email', password: ADMIN_PASSWORD }, '/email'],
  ])('POST %s with a bad value names the field', async (path, body, pointer) => {
    const response = await admin('POST', path, body);
    expect(response.status).toBe(422);
    expect(response.body.issues).toEqual([expect.objectContaining({ pointer })]);
  });

  it('refuses everyone but administrators', async () => {
    const { token } = await server.userToken({ email: 'sales@example.com', roles: ['manager'] });
    for (const [method, path] of [
      ['GET', '/users'],
      ['POST', '/users'],
      ['GET', '/org-units'],
      ['POST', '/org-units'],
    ] as const) {
      expect(
        (await admin(method, path, method === 'POST' ? { name: 'x' } : undefined, { authorization: `Bearer ${token}` }))
          .status,
      ).toBe(403);
    }
  });

  it('deactivating a user ends their access at once', async () => {
    const { user, token } = await server.userToken({ email: 'leaver@example.com', roles: ['agent'] });
    const auth = { authorization: `Bearer ${token}` };
    expect((await server.request('GET', '/api/v1/records/deal', undefined, auth)).status).toBe(200);
    expect((await admin('PATCH', `/users/${user.id}`, { active: false })).body).toMatchObject({ active: false });
    expect((await server.request('GET', '/api/v1/records/deal', undefined, auth)).status).toBe(401);
    expect(
      (
        await server.request(
          'POST',
          '/api/v1/auth/login',
          { email: 'leaver@example.com', password: ADMIN_PASSWORD },
          { authorization: '' },
        )
      ).status,
    ).toBe(401);
  });

  it('changes roles, which the next request sees', async () => {
    const { user, token } = await server.userToken({ email: 'promoted@example.com', roles: ['agent'] });
    const auth = { authorization: `Bearer ${token}` };
    expect((await admin('GET', '/users', undefined, auth)).status).toBe(403);
    expect((await admin('PATCH', `/users/${user.id}`, { roles: ['agent', 'admin'] })).body.roles).toEqual([
      'agent',
      'admin',
    ]);
    expect((await admin('GET', '/users', undefined, auth)).status).toBe(200);
    expect((await admin('PATCH', `/users/${user.id}`, { roles: 'admin' })).status).toBe(422);
    // Only roles the published model defines (roles.json), plus admin.
    const unknown = await admin('PATCH', `/users/${user.id}`, { roles: ['agent', 'salesperson'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.issues).toEqual([expect.objectContaining({ pointer: '/roles/1', keyword: 'enum' })]);
  });
});
