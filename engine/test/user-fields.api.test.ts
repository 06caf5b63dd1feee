import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { USER_FIELD_DEFINITIONS } from './support/user-field-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** User fields (x-user) over HTTP on PostgreSQL: active users only, "me" filters, expansion, export, publishes. */
let server: TestServer;
let alice: { id: string; token: string };
let bob: { id: string; token: string };
const as = (who: { token: string } | undefined, method: string, path: string, body?: unknown) =>
  server.request(method, `/api/v1${path}`, body, who ? { authorization: `Bearer ${who.token}` } : {});

beforeAll(async () => {
  server = await startTestServer({ definitions: USER_FIELD_DEFINITIONS });
  const a = await server.userToken({ email: 'alice@example.com', roles: ['sales'], displayName: '王丽' });
  const b = await server.userToken({ email: 'bob@example.com', roles: ['sales'], displayName: 'Bob Chen' });
  alice = { id: a.user.id, token: a.token };
  bob = { id: b.user.id, token: b.token };
});
afterAll(async () => {
  await server?.close();
});

describe('writes', () => {
  it('accepts an active user and refuses an unknown or deactivated one with 422 on the field in both languages', async () => {
    const ok = await as(undefined, 'POST', '/records/commission', { title: 'Q1', amount: 100, salesperson: alice.id });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.salesperson).toBe(alice.id);

    const unknown = await as(undefined, 'POST', '/records/commission', {
      title: 'Q1',
      salesperson: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.issues).toEqual([
      expect.objectContaining({
        pointer: '/salesperson',
        keyword: 'activeUser',
        i18n: { en: 'must be an active user', zh: '应为已启用的用户' },
      }),
    ]);
    expect((await as(undefined, 'POST', '/records/commission', { title: 'x', salesperson: 'me' })).status).toBe(422);

    const gone = await server.userToken({ email: 'gone@example.com', roles: ['sales'], displayName: 'Gone' });
    const kept = await as(undefined, 'POST', '/records/commission', { title: 'kept', salesperson: gone.user.id });
    expect(kept.status).toBe(201);
    expect((await as(undefined, 'PATCH', `/admin/users/${gone.user.id}`, { active: false })).status).toBe(200);
    const refused = await as(undefined, 'POST', '/records/commission', { title: 'Q2', salesperson: gone.user.id });
    expect(refused.status).toBe(422);
    expect(refused.body.issues[0]).toMatchObject({ pointer: '/salesperson', keyword: 'activeUser' });
    const moved = await as(undefined, 'PATCH', `/records/commission/${ok.body.id}`, {
      salesperson: gone.user.id,
      version: ok.body.version,
    });
    expect(moved.status).toBe(422);
    expect((await as(undefined, 'GET', `/records/commission/${ok.body.id}`)).body.salesperson).toBe(alice.id);
    // A record keeps the person chosen before they left: its other fields stay editable, even re-sent whole.
    const note = await as(undefined, 'PATCH', `/records/commission/${kept.body.id}`, {
      note: 'paid',
      salesperson: gone.user.id,
      version: kept.body.version,
    });
    expect(note.status, JSON.stringify(note.body)).toBe(200);
    expect(note.body).toMatchObject({ note: 'paid', salesperson: gone.user.id });
  });
});

describe('reads', () => {
  it('filters by "me" for each signed-in user, in a saved view too, and expands to { id, name, email }', async () => {
    for (const [title, who] of [
      ['A-1', alice],
      ['A-2', alice],
      ['B-1', bob],
    ] as const)
      expect((await as(who, 'POST', '/records/commission', { title, amount: 10, salesperson: who.id })).status).toBe(
        201,
      );
    const mine = async (who: { token: string }) =>
      (
        await as(who, 'GET', '/records/commission?filter[salesperson][eq]=me&filter[amount][eq]=10&sort=title')
      ).body.data.map((r: { title: string }) => r.title);
    expect(await mine(alice)).toEqual(['A-1', 'A-2']);
    expect(await mine(bob)).toEqual(['B-1']);
    const inList = await as(
      bob,
      'GET',
      `/records/commission?filter[salesperson][in]=me,${alice.id}&filter[amount][eq]=10&sort=title`,
    );
    expect(inList.body.data.map((r: { title: string }) => r.title)).toEqual(['A-1', 'A-2', 'B-1']);
    const notMe = await as(bob, 'GET', '/records/commission?filter[salesperson][ne]=me&filter[title][contains]=-');
    expect(notMe.body.data.map((r: { title: string }) => r.title).sort()).toEqual(['A-1', 'A-2']);

    // The system user columns understand "me" too: what Bob created is his.
    const owned = await as(bob, 'GET', '/records/commission?filter[owner_id][eq]=me&filter[created_by][eq]=me');
    expect(owned.body.data.map((r: { title: string }) => r.title)).toEqual(['B-1']);

    // One saved view, "my commissions", answers each user with their own.
    const view = await as(alice, 'POST', '/views/commission', {
      name: 'Mine',
      query: { filter: { salesperson: { eq: 'me' } } },
    });
    expect(view.status, JSON.stringify(view.body)).toBe(201);
    const groups = async (who: { token: string }) =>
      (await as(who, 'GET', '/records/commission/groups?by=salesperson&filter[salesperson][eq]=me')).body.data;
    expect(await groups(bob)).toEqual([{ key: bob.id, count: 1, sum: null }]);

    const expanded = await as(alice, 'GET', '/records/commission?filter[salesperson][eq]=me&expand=salesperson');
    expect(expanded.status, JSON.stringify(expanded.body)).toBe(200);
    expect(expanded.body.data[0].salesperson).toEqual({ id: alice.id, name: '王丽', email: 'alice@example.com' });
    const one = await as(alice, 'GET', `/records/commission/${expanded.body.data[0].id}?expand=salesperson`);
    expect(one.body.salesperson).toEqual({ id: alice.id, name: '王丽', email: 'alice@example.com' });

    const bad = await as(alice, 'GET', '/records/commission?filter[salesperson][eq]=someone');
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].i18n.zh).toContain('销售员');
  });

  it("exports the user's name, documents the field in OpenAPI and reports its kind", async () => {
    const csv = await as(alice, 'GET', '/records/commission/export?lang=zh&filter[salesperson][eq]=me');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('王丽');
    expect(String(csv.body)).not.toContain(alice.id);

    const doc = (await as(undefined, 'GET', '/openapi.json')).body;
    const field = doc.components.schemas.Commission.properties.salesperson;
    expect(field['x-user']).toBe(true);
    expect(JSON.stringify(field)).toContain('active users only');
    const entities = (await as(alice, 'GET', '/meta/entities')).body;
    expect(entities.kinds.commission.salesperson).toBe('user');
  });
});

describe('definitions', () => {
  it('checks a user field with pointers, and publishes adding one to a table holding data', async () => {
    const set: DefinitionSet = structuredClone(USER_FIELD_DEFINITIONS);
    const props = set.entities[0]!.properties;
    props.approver = { type: 'string', 'x-user': true };
    props.reviewer = { type: 'string', format: 'uuid', 'x-user': true, 'x-relation': { entity: 'commission' } };
    const bad = await server.request('PUT', '/api/v1/meta/drafts/users', { definitions: set });
    const issues = bad.body.issues.map((i: { pointer: string; keyword: string }) => [i.pointer, i.keyword]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['/properties/approver', 'userFormat'],
        ['/properties/reviewer/x-relation', 'userClash'],
      ]),
    );
    expect(JSON.stringify(bad.body)).toContain('人员字段');

    const good: DefinitionSet = structuredClone(USER_FIELD_DEFINITIONS);
    good.entities[0]!.properties.approver = { type: 'string', format: 'uuid', 'x-user': true };
    expect((await server.request('PUT', '/api/v1/meta/drafts/main', { definitions: good })).status).toBe(200);
    const plan = await server.request('POST', '/api/v1/meta/drafts/main/plan');
    expect(JSON.stringify(plan.body)).toContain('approver');
    const published = await server.request('POST', '/api/v1/meta/drafts/main/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const listed = await as(alice, 'GET', '/records/commission?limit=1');
    const row = listed.body.data[0];
    const set2 = await as(alice, 'PATCH', `/records/commission/${row.id}`, { approver: bob.id, version: row.version });
    expect(set2.status, JSON.stringify(set2.body)).toBe(200);
    expect((await as(bob, 'GET', '/records/commission?filter[approver][eq]=me')).body.data).toHaveLength(1);
  });
});
