import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFolder } from '../src/definitions/read-folder.js';
import { publish } from '../src/store/publish.js';
import { writeHandoverDefinitions } from './support/handover-definitions.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from './support/test-server.js';

const folder = writeHandoverDefinitions();
let server: TestServer;

const admin = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  server.request(method, `/api/v1/admin${path}`, body, headers);
const auditOf = (entity: string, recordId: string, query = '') =>
  admin('GET', `/audit?entity=${entity}&recordId=${recordId}${query}`);

beforeAll(async () => {
  writeFileSync(
    join(folder, 'roles.json'),
    JSON.stringify({
      roles: {
        salesperson: { title: 'Salesperson', entities: { '*': { read: 'own', create: 'own', update: 'own' } } },
        salesManager: { title: 'Sales manager', entities: { '*': { read: 'team', update: 'team' } } },
      },
    }),
  );
  server = await startTestServer({ definitionsDir: folder });
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('audited administration', () => {
  it('audits a new org unit', async () => {
    const unit = (await admin('POST', '/org-units', { name: '销售部' }, { 'x-request-id': 'unit-1' })).body;
    const trail = await auditOf('lodestar.orgUnit', unit.id);
    expect(trail.body).toEqual({
      data: [
        expect.objectContaining({
          entity: 'lodestar.orgUnit',
          recordId: unit.id,
          action: 'create',
          actorId: server.admin.id,
          requestId: 'unit-1',
          changes: { name: [null, '销售部'], path: [null, unit.path] },
        }),
      ],
      nextCursor: null,
    });
  });

  it('audits a new user and every change of roles, unit, manager and status, never the password', async () => {
    const unit = (await admin('POST', '/org-units', { name: 'East' })).body;
    const created = await admin('POST', '/users', {
      email: 'wang@example.com',
      displayName: '王芳',
      password: ADMIN_PASSWORD,
      roles: ['salesperson'],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await admin('PATCH', `/users/${id}`, { roles: ['salesManager'], orgUnitId: unit.id })).status).toBe(200);
    expect((await admin('PATCH', `/users/${id}`, { displayName: '王经理' })).status).toBe(200);
    expect((await admin('PATCH', `/users/${id}`, { roles: ['salesManager'] })).status).toBe(200); // no change: no row
    expect((await admin('PATCH', `/users/${id}`, { active: false, managerId: server.admin.id })).status).toBe(200);

    const trail = (await auditOf('lodestar.user', id)).body;
    expect(trail.data.map((row: { action: string; changes: unknown }) => [row.action, row.changes])).toEqual([
      ['permission', { active: [true, false], managerId: [null, server.admin.id] }],
      ['update', { displayName: ['王芳', '王经理'] }],
      ['permission', { roles: [['salesperson'], ['salesManager']], orgUnitId: [null, unit.id] }],
      [
        'create',
        {
          email: [null, 'wang@example.com'],
          displayName: [null, '王芳'],
          roles: [null, ['salesperson']],
          active: [null, true],
        },
      ],
    ]);
    for (const row of trail.data)
      expect(row).toMatchObject({
        entity: 'lodestar.user',
        recordId: id,
        actorId: server.admin.id,
        requestId: expect.any(String),
      });
    expect(JSON.stringify(trail)).not.toMatch(/argon2|password/i);

    const page = (await auditOf('lodestar.user', id, '&limit=3')).body;
    expect(page.data).toHaveLength(3);
    const rest = (await auditOf('lodestar.user', id, `&limit=3&cursor=${page.nextCursor}`)).body;
    expect(rest).toEqual({ data: [expect.objectContaining({ action: 'create' })], nextCursor: null });
  });

  it('gives users only roles the published model defines (and admin)', async () => {
    const refused = await admin('POST', '/users', {
      email: 'x@example.com',
      password: ADMIN_PASSWORD,
      roles: ['salesperson', 'ceo'],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.issues).toEqual([expect.objectContaining({ pointer: '/roles/1', keyword: 'enum' })]);
    expect((await admin('GET', '/users')).body.data.map((u: { email: string }) => u.email)).not.toContain(
      'x@example.com',
    );

    const user = (
      await admin('POST', '/users', {
        email: 'y@example.com',
        password: ADMIN_PASSWORD,
        roles: ['admin', 'salesperson'],
      })
    ).body;
    const patched = await admin('PATCH', `/users/${user.id}`, { roles: ['admin', 'salesManager', 'intern'] });
    expect(patched.status).toBe(422);
    expect(patched.body.issues).toEqual([expect.objectContaining({ pointer: '/roles/2' })]);
    expect((await auditOf('lodestar.user', user.id)).body.data.map((row: { action: string }) => row.action)).toEqual([
      'create',
    ]);
  });

  it('reads the trail for administrators only, with a well-formed query', async () => {
    const { token } = await server.userToken({ email: 'rep@example.com', roles: ['salesperson'] });
    expect(
      (
        await admin('GET', `/audit?entity=lodestar.user&recordId=${server.admin.id}`, undefined, {
          authorization: `Bearer ${token}`,
        })
      ).status,
    ).toBe(403);
    const bad = await admin('GET', '/audit?entity=lodestar.user&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/query/recordId', '/query/limit']);
    expect((await admin('GET', '/audit?entity=deal&recordId=x&cursor=abc')).body.issues).toEqual([
      expect.objectContaining({ pointer: '/query/cursor' }),
    ]);
  });
});

describe('audited publishing', () => {
  const modelRows = () => server.testDb.db.knex('lodestar_audit').where({ entity: 'lodestar.model' }).orderBy('id');

  it('wrote the seed publish, by the engine', async () => {
    expect(await modelRows()).toEqual([
      expect.objectContaining({
        record_id: '1',
        action: 'publish',
        actor_id: null,
        changes: { version: [null, 1], hash: [null, expect.any(String)] },
      }),
    ]);
  });

  it('writes exactly one row per publish, in its transaction, and none for a failed one', async () => {
    const knex = server.testDb.db.knex;
    const { set } = await readFolder(folder);
    const account = set.entities.find((e) => e.$id === 'account')!;
    const changed = {
      ...set,
      entities: set.entities.map((e) =>
        e === account ? { ...account, properties: { ...account.properties, city: { type: 'string' as const } } } : e,
      ),
    };

    await expect(
      publish(knex, { definitions: changed, source: 'api', baseVersion: 0, publishedBy: server.admin.id }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await modelRows()).toHaveLength(1);

    const result = await publish(knex, {
      definitions: changed,
      source: 'api',
      baseVersion: 1,
      publishedBy: server.admin.id,
      requestId: 'publish-1',
    });
    expect(result.version).toBe(2);
    const [seed, row] = await modelRows();
    expect(await modelRows()).toHaveLength(2);
    expect(row).toMatchObject({
      entity: 'lodestar.model',
      record_id: '2',
      action: 'publish',
      actor_id: server.admin.id,
      request_id: 'publish-1',
      changes: { version: [1, 2], hash: [seed!.changes.hash[1], expect.any(String)] },
      detail: { source: 'api', baseVersion: 1, steps: 1, destructive: 0, kinds: { addColumn: 1 } },
    });
    expect(row!.changes.hash[1]).not.toBe(row!.changes.hash[0]);

    // Dropping the field without confirmation fails inside the transaction: no version, no audit row.
    await expect(
      publish(knex, { definitions: set, source: 'api', publishedBy: server.admin.id }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await modelRows()).toHaveLength(2);
  });
});
