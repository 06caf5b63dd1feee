import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFY_DEFINITIONS } from './support/notification-definitions.js';
import { startTestServer, type TestResponse, type TestServer } from './support/test-server.js';

/*
 * `notify` over HTTP on PostgreSQL: whom it reaches (a role, a user field, the owner's manager, the owner: each
 * active person once), what it says (the record's fields worded in both languages), that it exists only when
 * its transition committed, and the inbox API (unread count, read marks, nobody else's rows).
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);

let server: TestServer;
type Who = { id: string; token: string };
let manager: Who, owner: Who, financeA: Who, financeB: Who, leaver: Who, outsider: Who;
let customerId: string;

const as = (who: Who | undefined, method: string, path: string, body?: unknown) =>
  server.request(method, `/api/v1${path}`, body, who ? { authorization: `Bearer ${who.token}` } : {});
const person = async (email: string, displayName: string, roles: string[], managerId?: string): Promise<Who> => {
  const made = await server.userToken({ email, displayName, roles, ...(managerId && { managerId }) });
  return { id: made.user.id, token: made.token };
};
const rows = () =>
  server.testDb.db.knex('lodestar_notifications').orderBy('user_id').select('user_id', 'title', 'body', 'record_id');
const newPayment = async (title: string) => {
  const created = await as(undefined, 'POST', '/records/payment', {
    title,
    customer: customerId,
    amount: 12345.6,
    dueDate: '2026-12-06',
    channel: 'bank',
    collector: financeA.id,
    owner_id: owner.id,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string };
};

beforeAll(async () => {
  server = await startTestServer({ definitions: NOTIFY_DEFINITIONS });
  manager = await person('manager@example.com', '张经理', ['sales']);
  owner = await person('owner@example.com', '李娜', ['sales'], manager.id);
  financeA = await person('fa@example.com', '王会计', ['finance']);
  financeB = await person('fb@example.com', '赵出纳', ['finance']);
  leaver = await person('gone@example.com', '离职财务', ['finance']);
  outsider = await person('x@example.com', '路人', ['sales']);
  expect((await as(undefined, 'PATCH', `/admin/users/${leaver.id}`, { active: false })).status).toBe(200);
  customerId = (await as(undefined, 'POST', '/records/customer', { name: '华东机械' })).body.id;
});
afterAll(async () => {
  await server?.close();
});

describe('a transition that notifies', () => {
  it('writes one row per distinct active person: the role, the user field, the owner and their manager', async () => {
    const payment = await newPayment('十二月回款');
    const sent = await as(undefined, 'POST', `/records/payment/${payment.id}/events`, { type: 'OVERDUE' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);

    const written = await rows();
    // financeA is both in the role and the collector: once. The deactivated finance user: never.
    expect(written.map((r) => r.user_id).sort()).toEqual([manager.id, owner.id, financeA.id, financeB.id].sort());
    expect(written.every((r) => r.record_id === payment.id)).toBe(true);
    const [one] = written;
    expect(one.title).toEqual({ zh: '付款逾期：华东机械 ¥12,345.60', en: 'Payment overdue: 华东机械 CN¥12,345.60' });
    expect(one.body).toEqual({
      zh: '银行转账，到期日 2026年12月6日，催收人 王会计，状态 已逾期',
      en: 'Bank transfer, due Dec 6, 2026, collector 王会计, stage Overdue',
    });
    // `mail: false`: the inbox only.
    expect(await server.testDb.db.knex('lodestar_outbox').where({ record_id: payment.id })).toEqual([]);
  });

  it('writes nothing when the transition is refused or fails after the notify was planned', async () => {
    await server.testDb.db.knex('lodestar_notifications').del();
    const payment = await newPayment('这笔回款的标题太长');
    const refused = await as(undefined, 'POST', `/records/payment/${payment.id}/events`, { type: 'ESCALATE' });
    expect(refused.status).toBe(409);
    const failed = await as(undefined, 'POST', `/records/payment/${payment.id}/events`, { type: 'SCRIBBLE' });
    expect(failed.status, JSON.stringify(failed.body)).toBe(422);
    expect(await rows()).toEqual([]);
    expect((await as(undefined, 'GET', `/records/payment/${payment.id}`)).body.state).toBe('open');
  });

  it('keeps the older string form: the owner gets the inbox row and the mail as before', async () => {
    const knex = server.testDb.db.knex;
    await knex('lodestar_notifications').del();
    const payment = await newPayment('邮件');
    const sent = await as(undefined, 'POST', `/records/payment/${payment.id}/events`, { type: 'REMIND' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const written = await rows();
    expect(written).toEqual([
      expect.objectContaining({
        user_id: owner.id,
        title: { zh: 'Please follow up', en: 'Please follow up' },
        body: { zh: '回款「邮件」：待回款 → 已逾期', en: 'Payment "邮件": Open → Overdue' },
      }),
    ]);
    const mails = await knex('lodestar_outbox').where({ record_id: payment.id }).select('kind', 'payload');
    expect(mails).toEqual([
      { kind: 'email', payload: expect.objectContaining({ to: ['owner@example.com'], subject: 'Please follow up' }) },
    ]);
  });
});

describe('mail', () => {
  it('is written in the language each person reads: the one their runtime UI last sent, else Chinese', async () => {
    const knex = server.testDb.db.knex;
    const said = await as(owner, 'PUT', '/me/notifications/language', { lang: 'en' });
    expect(said.status).toBe(204);
    expect((await as(owner, 'PUT', '/me/notifications/language', { lang: 'fr' })).status).toBe(422);
    const payment = await newPayment('双语');
    expect((await as(undefined, 'POST', `/records/payment/${payment.id}/events`, { type: 'NOTICE' })).status).toBe(200);
    const mails = (await knex('lodestar_outbox').where({ record_id: payment.id }).orderBy('id').pluck('payload')) as {
      to: string[];
      subject: string;
      text: string;
    }[];
    expect(mails.map(({ to, subject }) => ({ to, subject }))).toEqual([
      { to: ['manager@example.com', 'boss@example.com'], subject: '请跟进：双语' },
      { to: ['owner@example.com'], subject: 'Please follow up: 双语' },
    ]);
    expect(mails[0]!.text).toContain('金额 ¥12,345.60');
    expect(mails[1]!.text).toContain('Amount CN¥12,345.60');
    await as(owner, 'PUT', '/me/notifications/language', { lang: 'zh' });
  });
});

describe('timers and starts', () => {
  it("a timer-fired transition (an SLA running out) and a start's entry actions notify too", async () => {
    const knex = server.testDb.db.knex;
    await knex('lodestar_notifications').del();
    const payment = await newPayment('盯紧');
    expect((await as(undefined, 'POST', `/records/payment/${payment.id}/events`, { type: 'WATCH' })).status).toBe(200);
    await expect
      .poll(async () => (await rows()).map((r) => [r.user_id, r.title.zh]), { timeout: 10_000, interval: 200 })
      .toEqual([[manager.id, '超时：盯紧']]);
    expect((await as(undefined, 'GET', `/records/payment/${payment.id}`)).body.state).toBe('overdue');

    await knex('lodestar_notifications').del();
    const reminder = await as(undefined, 'POST', '/records/reminder', { title: '请于周五前付款', owner_id: owner.id });
    expect(reminder.status, JSON.stringify(reminder.body)).toBe(201);
    expect(await rows()).toEqual([
      expect.objectContaining({
        user_id: owner.id,
        record_id: reminder.body.id,
        title: { zh: '新提醒：请于周五前付款', en: 'New reminder: 请于周五前付款' },
      }),
    ]);
  });
});

describe('org units', () => {
  it('reaches the members of a unit, with its sub-units when asked, by name or id', async () => {
    const knex = server.testDb.db.knex;
    await knex('lodestar_notifications').del();
    const unit = async (name: string, parentId?: string) =>
      (await as(undefined, 'POST', '/admin/org-units', { name, ...(parentId && { parentId }) })).body.id as string;
    const east = await unit('华东大区');
    const shanghai = await unit('上海组', east);
    const finance = await unit('财务部');
    const financeChild = await unit('财务分部', finance);
    const inEast = await server.userToken({ email: 'e1@example.com', roles: ['sales'], orgUnitId: east });
    const inShanghai = await server.userToken({ email: 's1@example.com', roles: ['sales'], orgUnitId: shanghai });
    const inFinance = await server.userToken({ email: 'f1@example.com', roles: ['sales'], orgUnitId: finance });
    await server.userToken({ email: 'f2@example.com', roles: ['sales'], orgUnitId: financeChild });
    const payment = await newPayment('团队');
    expect((await as(undefined, 'POST', `/records/payment/${payment.id}/events`, { type: 'TEAM' })).status).toBe(200);
    expect((await rows()).map((r) => r.user_id).sort()).toEqual(
      [inEast.user.id, inShanghai.user.id, inFinance.user.id].sort(),
    );
  });
});

describe('the inbox', () => {
  let first: TestResponse;

  it('lists my notifications with the unread count, in the documented shape', async () => {
    await server.testDb.db.knex('lodestar_notifications').del();
    await as(undefined, 'POST', `/records/payment/${(await newPayment('甲')).id}/events`, { type: 'OVERDUE' });
    await as(undefined, 'POST', `/records/payment/${(await newPayment('乙')).id}/events`, { type: 'OVERDUE' });
    first = await as(owner, 'GET', '/me/notifications');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ unread: 2, next: null });
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data[0]).toMatchObject({ entity: 'payment', readAt: null });
    const doc = (await as(owner, 'GET', '/openapi.json')).body;
    const schema = doc.paths['/me/notifications'].get.responses['200'].content['application/json'].schema;
    const validate = ajv.compile({ ...schema, components: doc.components });
    expect(validate(first.body), JSON.stringify(validate.errors)).toBe(true);
  });

  it('marks one read, then all; another user can neither see nor mark mine (404)', async () => {
    const [newest, older] = first.body.data as { id: number }[];
    expect((await as(outsider, 'GET', '/me/notifications')).body).toEqual({ data: [], unread: 0, next: null });
    const theirs = await as(outsider, 'POST', `/me/notifications/${newest!.id}/read`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.i18n).toEqual({ en: 'you have no such notification', zh: '您没有这条通知' });
    expect((await as(outsider, 'POST', '/me/notifications/read')).body).toEqual({ marked: 0, unread: 0 });
    expect((await as(owner, 'GET', '/me/notifications')).body.unread).toBe(2);

    expect((await as(owner, 'POST', `/me/notifications/${older!.id}/read`)).body).toEqual({ marked: 1, unread: 1 });
    expect((await as(owner, 'POST', `/me/notifications/${older!.id}/read`)).body).toEqual({ marked: 0, unread: 1 });
    const unreadFirst = (await as(owner, 'GET', '/me/notifications')).body.data as { id: number; readAt: unknown }[];
    expect(unreadFirst.map((n) => n.readAt === null)).toEqual([true, false]);
    expect((await as(owner, 'POST', '/me/notifications/read')).body).toEqual({ marked: 1, unread: 0 });
    expect((await as(owner, 'GET', '/me/notifications/nope/read')).status).toBe(404);
  });

  it('pages unread first, then read, each newest first', async () => {
    const knex = server.testDb.db.knex;
    await knex('lodestar_notifications').del();
    const text = JSON.stringify({ zh: '通知', en: 'Notice' });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [row] = await knex('lodestar_notifications')
        .insert({ user_id: owner.id, title: text, body: text, read_at: i % 2 ? new Date() : null })
        .returning('id');
      ids.push(Number(row.id));
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: TestResponse = await as(
        owner,
        'GET',
        `/me/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((n: { id: number }) => n.id));
      cursor = page.body.next;
    } while (cursor);
    // Unread: ids 0, 2, 4 (newest first), then read: 3, 1.
    expect(seen).toEqual([ids[4], ids[2], ids[0], ids[3], ids[1]]);
    const newest = await as(owner, 'GET', '/me/notifications?order=newest&limit=5');
    expect(newest.body.data.map((n: { id: number }) => n.id)).toEqual([...ids].reverse());
    expect((await as(owner, 'GET', '/me/notifications?cursor=garbage')).status).toBe(400);
    expect((await as(owner, 'GET', '/me/notifications?limit=1000')).status).toBe(400);
  });
});

describe('a user with 100k notifications', () => {
  it('counts, pages and marks on the indexes, each in milliseconds', async () => {
    const knex = server.testDb.db.knex;
    await knex('lodestar_notifications').del();
    await knex.raw(
      `insert into lodestar_notifications (user_id, title, body, read_at)
       select ?, '{"zh":"通知","en":"Notice"}', '{"zh":"","en":""}', case when i % 100 = 0 then null else now() end
       from generate_series(1, 100000) as i`,
      [manager.id],
    );
    await knex.raw('analyze lodestar_notifications');
    const plan = async (sql: string, bindings: (string | number)[]) =>
      JSON.stringify(((await knex.raw(`explain (format json) ${sql}`, bindings)) as { rows: unknown[] }).rows);
    const count = await plan('select count(*) from lodestar_notifications where user_id = ? and read_at is null', [
      manager.id,
    ]);
    expect(count).toContain('lodestar_notifications_unread_idx');
    const page = await plan(
      'select id from lodestar_notifications where user_id = ? and id < ? order by id desc limit 21',
      [manager.id, 50000],
    );
    // Here every row is this user's, so the primary key serves as well; either way a backward index walk.
    expect(page).toMatch(/"Index Scan".*"Scan Direction":"Backward"/);
    expect(page).not.toContain('Seq Scan');

    const started = Date.now();
    const first = await as(manager, 'GET', '/me/notifications?limit=20');
    const later = await as(manager, 'GET', `/me/notifications?limit=20&cursor=${first.body.next}`);
    expect(first.body.unread).toBe(1000);
    expect(later.body.data).toHaveLength(20);
    expect((await as(manager, 'POST', '/me/notifications/read')).body).toEqual({ marked: 1000, unread: 0 });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
