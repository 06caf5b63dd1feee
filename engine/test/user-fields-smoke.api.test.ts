import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_FIELD_DEFINITIONS } from './support/user-field-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** User fields on the embedded PGlite: the active-user check, the "me" filter and expansion. */
describe('user fields on pglite', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ kind: 'pglite', definitions: USER_FIELD_DEFINITIONS });
  });
  afterAll(() => server?.close());

  it('accepts active users only, filters by me and expands the person', async () => {
    const { user, token } = await server.userToken({
      email: 'li@example.com',
      roles: ['sales'],
      displayName: '李销售',
    });
    const as = { authorization: `Bearer ${token}` };
    const created = await server.request(
      'POST',
      '/api/v1/records/commission',
      { title: 'A', salesperson: user.id },
      as,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await server.request('POST', '/api/v1/records/commission', { title: 'B', salesperson: server.admin.id });
    const mine = await server.request(
      'GET',
      '/api/v1/records/commission?filter[salesperson][eq]=me&expand=salesperson',
      undefined,
      as,
    );
    expect(mine.body.data.map((r: { title: string; salesperson: unknown }) => [r.title, r.salesperson])).toEqual([
      ['A', { id: user.id, name: '李销售', email: 'li@example.com' }],
    ]);
    expect((await server.request('PATCH', `/api/v1/admin/users/${user.id}`, { active: false })).status).toBe(200);
    const refused = await server.request('POST', '/api/v1/records/commission', { title: 'C', salesperson: user.id });
    expect(refused.status).toBe(422);
    expect(refused.body.issues[0]).toMatchObject({ pointer: '/salesperson', keyword: 'activeUser' });
  });
});
