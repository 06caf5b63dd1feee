import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserJson } from '../src/identity/users.js';
import { writeHandoverDefinitions } from './support/handover-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const folder = writeHandoverDefinitions();
let server: TestServer;
let seller: UserJson;
let successor: UserJson;
let colleague: UserJson;
let colleagueToken: string;
/** Record ids by name. */
const ids: Record<string, string> = {};

const handover = (body: unknown, headers?: Record<string, string>) =>
  server.request('POST', '/api/v1/admin/handover', body, headers);
const knex = () => server.testDb.db.knex;

async function create(entity: string, body: Record<string, unknown>, event?: string): Promise<void> {
  const created = await server.request('POST', `/api/v1/records/${entity}`, body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  ids[body.name as string] = created.body.id;
  if (event)
    expect(
      (await server.request('POST', `/api/v1/records/${entity}/${created.body.id}/events`, { type: event })).status,
    ).toBe(200);
}

/** name → [owner email, version] of every record of the entity. */
async function owners(entity: string): Promise<Record<string, [string | null, number]>> {
  const rows = await knex()(entity)
    .leftJoin('lodestar_users as u', 'u.id', `${entity}.owner_id`)
    .select(`${entity}.name`, 'u.email', `${entity}.version`);
  return Object.fromEntries(rows.map((row) => [row.name, [row.email ?? null, row.version]]));
}

const handoverRows = () => knex()('lodestar_audit').where({ action: 'handover' }).orderBy('id');

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: folder });
  seller = (await server.userToken({ email: 'leaver@example.com', roles: ['salesperson'] })).user;
  successor = (await server.userToken({ email: 'successor@example.com', roles: ['salesperson'] })).user;
  ({ user: colleague, token: colleagueToken } = await server.userToken({
    email: 'colleague@example.com',
    roles: ['salesperson'],
  }));
  await create('account', { name: 'Acme', owner_id: seller.id });
  await create('account', { name: 'Globex', owner_id: seller.id });
  await create('account', { name: 'Initech', owner_id: colleague.id });
  await create('deal', { name: 'open new', record_type: 'newBusiness', owner_id: seller.id });
  await create('deal', { name: 'won new', record_type: 'newBusiness', owner_id: seller.id }, 'WIN');
  await create('deal', { name: 'lost new', record_type: 'newBusiness', owner_id: seller.id }, 'LOSE');
  await create('deal', { name: 'open renewal', record_type: 'renewal', owner_id: seller.id });
  await create('deal', { name: 'churned renewal', record_type: 'renewal', owner_id: seller.id }, 'CHURN');
  await create('task', { name: 'call Acme', owner_id: seller.id });
  await create('task', { name: 'colleague task', owner_id: colleague.id });
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('POST /api/v1/admin/handover', () => {
  it('counts without changing anything in a dry run', async () => {
    const before = { account: await owners('account'), deal: await owners('deal'), task: await owners('task') };
    const response = await handover({
      fromEmail: 'leaver@example.com',
      toEmail: 'successor@example.com',
      dryRun: true,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ moved: { account: 2, deal: 5, task: 1 }, total: 8, dryRun: true });
    expect(
      (await handover({ fromUserId: seller.id, toUserId: successor.id, onlyOpen: true, dryRun: true })).body,
    ).toEqual({ moved: { account: 2, deal: 2, task: 1 }, total: 5, dryRun: true });
    expect({ account: await owners('account'), deal: await owners('deal'), task: await owners('task') }).toEqual(
      before,
    );
    expect(await handoverRows()).toEqual([]);
  });

  it('refuses everyone but administrators', async () => {
    const response = await handover(
      { fromUserId: seller.id, toUserId: successor.id },
      { authorization: `Bearer ${colleagueToken}` },
    );
    expect(response.status).toBe(403);
  });

  it.each([
    [{ toUserId: 'x' }, ['/fromUserId', '/toUserId']],
    [{ fromEmail: 'nobody@example.com', toEmail: 'successor@example.com' }, ['/fromEmail']],
    [{ fromUserId: 'not-a-uuid', toUserId: '00000000-0000-4000-8000-000000000000' }, ['/fromUserId', '/toUserId']],
    [{ fromEmail: 'leaver@example.com', toEmail: 'LEAVER@example.com' }, ['/toEmail']],
    [
      { fromEmail: 'leaver@example.com', toEmail: 'successor@example.com', entities: ['deal', 'invoice'] },
      ['/entities/1'],
    ],
    [
      { fromEmail: 'leaver@example.com', toEmail: 'successor@example.com', entities: 'deal', onlyOpen: 'yes' },
      ['/onlyOpen', '/entities'],
    ],
  ])('answers 422 naming the fields of %j', async (body, pointers) => {
    const response = await handover(body);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.issues.map((issue: { pointer: string }) => issue.pointer).sort()).toEqual(
      [...pointers].sort(),
    );
  });

  it('refuses an inactive successor', async () => {
    const { user: gone } = await server.userToken({ email: 'gone@example.com', roles: ['salesperson'] });
    expect((await server.request('PATCH', `/api/v1/admin/users/${gone.id}`, { active: false })).status).toBe(200);
    const response = await handover({ fromUserId: seller.id, toUserId: gone.id });
    expect(response.status).toBe(422);
    expect(response.body.issues).toEqual([expect.objectContaining({ pointer: '/toUserId', keyword: 'active' })]);
  });

  it('moves nothing when one entity fails: one transaction', async () => {
    const before = { account: await owners('account'), deal: await owners('deal'), task: await owners('task') };
    // task comes last: account and deal have moved inside the transaction when task's update raises.
    await knex().raw(
      `create function refuse_task_update() returns trigger language plpgsql as $$ begin raise exception 'task is frozen'; end $$`,
    );
    await knex().raw(
      'create trigger refuse_task_update before update on task for each row execute function refuse_task_update()',
    );
    try {
      const response = await handover({ fromUserId: seller.id, toUserId: successor.id });
      expect(response.status).toBe(500);
    } finally {
      await knex().raw('drop trigger refuse_task_update on task');
      await knex().raw('drop function refuse_task_update()');
    }
    expect({ account: await owners('account'), deal: await owners('deal'), task: await owners('task') }).toEqual(
      before,
    );
    expect(await handoverRows()).toEqual([]);
  });

  it('with onlyOpen moves open records only, leaving won, lost and churned deals with their owner', async () => {
    const response = await handover(
      { fromEmail: 'leaver@example.com', toEmail: 'successor@example.com', entities: ['deal'], onlyOpen: true },
      { 'x-request-id': 'handover-open-1' },
    );
    expect(response.body).toEqual({ moved: { deal: 2 }, total: 2, dryRun: false });
    expect(await owners('deal')).toEqual({
      'open new': ['successor@example.com', 2],
      'won new': ['leaver@example.com', 2],
      'lost new': ['leaver@example.com', 2],
      'open renewal': ['successor@example.com', 2],
      'churned renewal': ['leaver@example.com', 2],
    });
    const rows = await handoverRows();
    expect(rows.map((row) => row.record_id).sort()).toEqual([ids['open new'], ids['open renewal']].sort());
    for (const row of rows) {
      expect(row).toMatchObject({
        entity: 'deal',
        action: 'handover',
        actor_id: server.admin.id,
        changes: { owner_id: [seller.id, successor.id] },
        detail: null,
        request_id: 'handover-open-1',
      });
    }
  });

  it('moves every remaining record, bumps versions and writes one audit row per record', async () => {
    const earlier = (await handoverRows()).length;
    const response = await handover({ fromUserId: seller.id, toUserId: successor.id });
    expect(response.body).toEqual({ moved: { account: 2, deal: 3, task: 1 }, total: 6, dryRun: false });
    expect(await owners('account')).toEqual({
      Acme: ['successor@example.com', 2],
      Globex: ['successor@example.com', 2],
      Initech: ['colleague@example.com', 1],
    });
    expect(await owners('task')).toEqual({
      'call Acme': ['successor@example.com', 2],
      'colleague task': ['colleague@example.com', 1],
    });
    expect(Object.values(await owners('deal')).map(([email]) => email)).toEqual(Array(5).fill('successor@example.com'));
    const acme = await knex()('account').where({ id: ids.Acme }).first();
    expect(acme.updated_by).toBe(server.admin.id);

    const rows = (await handoverRows()).slice(earlier);
    expect(rows).toHaveLength(6);
    const byRecord = new Map(rows.map((row) => [row.record_id, row]));
    expect(byRecord.size).toBe(6);
    for (const name of ['Acme', 'Globex', 'won new', 'lost new', 'churned renewal', 'call Acme']) {
      expect(byRecord.get(ids[name]!)).toMatchObject({
        action: 'handover',
        actor_id: server.admin.id,
        changes: { owner_id: [seller.id, successor.id] },
      });
    }
    expect((await server.request('GET', `/api/v1/records/account/${ids.Acme}`)).body).toMatchObject({
      owner_id: successor.id,
      version: 2,
    });
    expect((await handover({ fromUserId: seller.id, toUserId: successor.id })).body).toEqual({
      moved: { account: 0, deal: 0, task: 0 },
      total: 0,
      dryRun: false,
    });
  });
});
