import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fanOutSet } from './support/fan-out-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * The fan-out action (createRecords) over HTTP against PostgreSQL: sending a mailing creates one numbered
 * invitation per customer of its segment, each started in its workflow with history, SLA timer and audit row;
 * sending again creates only what is missing; the limit refuses in both languages with nothing written; the
 * owner is whom the action names; as the actor, only the customers the sender may read are reached.
 */
let server: TestServer;
let marketer = { id: '', token: '' };

beforeAll(async () => {
  server = await startTestServer({ definitions: fanOutSet() });
  const made = await server.userToken({ email: 'mk@example.com', roles: ['marketer'], displayName: '市场专员' });
  marketer = { id: made.user.id, token: made.token };
});
afterAll(async () => {
  await server?.close();
});

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  server.request(method, `/api/v1/records${path}`, body, headers);
const asMarketer = () => ({ authorization: `Bearer ${marketer.token}` });
const create = async (entity: string, body: Record<string, unknown>, headers?: Record<string, string>) => {
  const created = await api('POST', `/${entity}`, body, headers);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; version: number; owner_id: string };
};
const customers = async (records: Record<string, unknown>[]) => {
  const answer = await api('POST', '/customer/bulk', { records });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return (answer.body.results as { id: string }[]).map((r) => r.id);
};
const knex = () => server.testDb.db.knex;
const invitationsOf = (mailing: string) =>
  knex()('invitation').where({ mailing }).orderBy('number') as Promise<Record<string, unknown>[]>;

describe('createRecords', () => {
  it('creates one invitation per customer of the segment, numbered, started, audited; again creates only the new', async () => {
    const gold = await customers(Array.from({ length: 1203 }, (_, i) => ({ name: `金牌客户${i}`, segment: 'gold' })));
    await customers([{ name: '银牌客户', segment: 'silver' }, { name: '无分层客户' }]);
    const mailing = await create('mailing', { name: '新年问候', segment: 'gold' });
    const sent = await api('POST', `/mailing/${mailing.id}/events`, { type: 'SEND' }, { 'x-request-id': 'req-fan-1' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const rows = await invitationsOf(mailing.id);
    expect(rows).toHaveLength(1203);
    expect(new Set(rows.map((r) => r.customer))).toEqual(new Set(gold));
    expect(rows[0]).toMatchObject({ number: expect.stringMatching(/^YQ-\d{5}$/), state: 'invited' });
    expect(new Set(rows.map((r) => r.number)).size).toBe(1203);
    expect(String(rows[0]!.label)).toMatch(/^新年问候\/金牌客户\d+$/);
    // owner: "record" (the mailing's owner, the admin who created it); created by the sender.
    expect(new Set(rows.map((r) => r.owner_id))).toEqual(new Set([server.admin.id]));
    expect(new Set(rows.map((r) => r.created_by))).toEqual(new Set([server.admin.id]));
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const invitedOn = rows[0]!.invitedOn as Date | string;
    expect(typeof invitedOn === 'string' ? invitedOn : invitedOn.toISOString()).toContain(today.slice(0, 7));
    const ids = rows.map((r) => r.id as string);
    const history = await knex()('lodestar_history').where({ entity: 'invitation' }).whereIn('record_id', ids);
    expect(history).toHaveLength(1203);
    expect(history[0]).toMatchObject({ from_state: null, to_state: 'invited', actor_id: server.admin.id });
    const timers = await knex()('lodestar_timers')
      .where({ entity: 'invitation', kind: 'sla' })
      .whereIn('record_id', ids);
    expect(timers).toHaveLength(1203);
    const audit = await knex()('lodestar_audit')
      .where({ entity: 'invitation', action: 'create' })
      .whereIn('record_id', ids);
    expect(audit).toHaveLength(1203);
    expect(audit[0]).toMatchObject({ actor_id: server.admin.id, request_id: 'req-fan-1' });
    const trail = await knex()('lodestar_audit').where({
      entity: 'mailing',
      record_id: mailing.id,
      action: 'transition',
    });
    expect(trail.map((r) => r.detail?.createRecords).filter(Boolean)).toEqual([
      { entity: 'invitation', created: 1203 },
    ]);

    // Sending again (sent → sent) creates invitations only for the customers that joined the segment since.
    const [late] = await customers([{ name: '新金牌客户', segment: 'gold' }]);
    const again = await api('POST', `/mailing/${mailing.id}/events`, { type: 'SEND' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const after = await invitationsOf(mailing.id);
    expect(after).toHaveLength(1204);
    expect(after.filter((r) => r.customer === late)).toHaveLength(1);
    const third = await api('POST', `/mailing/${mailing.id}/events`, { type: 'SEND' });
    expect(third.status).toBe(200);
    expect(await invitationsOf(mailing.id)).toHaveLength(1204);
  }, 120_000);

  it('honours the where filter: a silver mailing reaches the silver customers only', async () => {
    const mailing = await create('mailing', { name: '银牌回馈', segment: 'silver' });
    expect((await api('POST', `/mailing/${mailing.id}/events`, { type: 'SEND' })).status).toBe(200);
    const rows = await invitationsOf(mailing.id);
    const silver = await knex()('customer').where({ segment: 'silver' }).pluck('id');
    expect(rows.map((r) => r.customer).sort()).toEqual([...silver].sort());
    // A mailing with no segment matches nobody (a blank never equals a blank): nothing created, still sent.
    const blank = await create('mailing', { name: '无对象' });
    const sent = await api('POST', `/mailing/${blank.id}/events`, { type: 'SEND' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(await invitationsOf(blank.id)).toHaveLength(0);
  });

  it('refuses past its limit, naming it in both languages, and writes nothing', async () => {
    const mailing = await create('mailing', { name: '小范围', segment: 'gold' });
    const refused = await api('POST', `/mailing/${mailing.id}/events`, { type: 'SEND_SMALL' });
    expect(refused.status).toBe(409);
    expect(refused.body.reason.en).toContain('more than 2 Invitation records');
    expect(refused.body.reason.en).toContain('at most 2');
    expect(refused.body.reason.zh).toContain('最多只能创建 2 条');
    expect(refused.body.reason.zh).toContain('邀请函');
    expect(refused.body.limit).toBe(2);
    expect(await invitationsOf(mailing.id)).toHaveLength(0);
    const stored = await api('GET', `/mailing/${mailing.id}`);
    expect(stored.body).toMatchObject({ state: 'draft', version: mailing.version });
  });

  it('as the actor reaches only the customers the sender may read, each owned by its customer`s owner', async () => {
    const mine = await create('customer', { name: '专员的客户', segment: 'silver', owner_id: marketer.id });
    const mailing = await create('mailing', { name: '专员发放', segment: 'silver' }, asMarketer());
    const sent = await api('POST', `/mailing/${mailing.id}/events`, { type: 'SEND_AS_ACTOR' }, asMarketer());
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const rows = await invitationsOf(mailing.id);
    expect(rows.map((r) => r.customer)).toEqual([mine.id]);
    expect(rows[0]).toMatchObject({ owner_id: marketer.id, created_by: marketer.id });
    // Without create rights on invitations, sending as the actor is refused and nothing is written.
    const sender = await server.userToken({ email: 'sender@example.com', roles: ['sender'] });
    const other = await create('mailing', { name: '无权发放', segment: 'silver' });
    const auth = { authorization: `Bearer ${sender.token}` };
    const refused = await api('POST', `/mailing/${other.id}/events`, { type: 'SEND_AS_ACTOR' }, auth);
    expect(refused.status).toBe(403);
    expect(refused.body.i18n.zh).toBe('您的角色无权新建邀请函');
    expect(await invitationsOf(other.id)).toHaveLength(0);
  });

  it('judges every new record as a create would: one invalid value refuses the whole transition', async () => {
    await customers([
      { name: '铜牌客户', segment: 'bronze' },
      { name: '名字很长的铜牌客户'.repeat(5), segment: 'bronze' },
    ]);
    const mailing = await create('mailing', { name: '铜牌', segment: 'bronze' });
    const refused = await api('POST', `/mailing/${mailing.id}/events`, { type: 'SEND' });
    expect(refused.status).toBe(422);
    expect(refused.body.i18n.zh).toBe('流程无法创建邀请函：“标签”：最多 40 个字符');
    expect(refused.body.issues[0].pointer).toBe('/invitation/label');
    expect(await invitationsOf(mailing.id)).toHaveLength(0);
    expect((await api('GET', `/mailing/${mailing.id}`)).body.state).toBe('draft');
  });
});
