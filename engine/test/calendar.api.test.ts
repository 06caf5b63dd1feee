import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireNextTimer } from '../src/runtime/fire-timer.js';
import { DATE_TIMER_DEFINITIONS } from './support/date-timer-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// The business calendar over HTTP: seeded with China's holidays, edited by administrators, and counted
// on by business-day timers started after the edit.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ definitions: DATE_TIMER_DEFINITIONS });
});
afterAll(async () => {
  await server?.close();
});

const calendar = (method: string, year: string, body?: unknown, headers?: Record<string, string>) =>
  server.request(method, `/api/v1/admin/calendar/${year}`, body, headers);

describe('the business calendar', () => {
  it('comes with China’s statutory holidays and make-up workdays', async () => {
    const response = await calendar('GET', '2026');
    expect(response.status).toBe(200);
    expect(response.body.year).toBe(2026);
    const days = response.body.days as { date: string; kind: string; name: { en: string; zh: string } | null }[];
    expect(days).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: { en: 'National Day', zh: '国庆节' } });
    expect(days).toContainEqual({ date: '2026-10-10', kind: 'workday', name: { en: 'National Day', zh: '国庆节' } });
    expect(days.every((d) => d.date.startsWith('2026-'))).toBe(true);
  });

  it('is edited a year at a time by administrators, audited, and counted on by later timers', async () => {
    expect((await calendar('GET', '2027')).body.days).toEqual([]);
    const put = await calendar('PUT', '2027', {
      days: [
        { date: '2027-03-15', kind: 'holiday', name: { en: 'Company day', zh: '司庆日' } },
        { date: '2027-03-20', kind: 'workday' },
      ],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.days).toEqual([
      { date: '2027-03-15', kind: 'holiday', name: { en: 'Company day', zh: '司庆日' } },
      { date: '2027-03-20', kind: 'workday', name: null },
    ]);
    const audit = await server.testDb.db
      .knex('lodestar_audit')
      .where({ entity: 'lodestar.calendar', record_id: '2027' })
      .select('actor_id', 'action');
    expect(audit).toEqual([{ actor_id: server.admin.id, action: 'update' }]);

    // Overdue on Thursday 11 March 09:00; two business days: Friday 12, then Tuesday 16 (Monday 15 is off now).
    const created = await server.request('POST', '/api/v1/records/payment', {
      title: 'Invoice',
      dueDate: '2027-03-10',
    });
    expect(created.status).toBe(201);
    const knex = server.testDb.db.knex;
    while (
      (await fireNextTimer(knex, server.engine.ctx.models.current(), new Date('2027-03-11T01:00:00Z'))).kind !== 'none'
    );
    const sla = await knex('lodestar_timers')
      .where({ record_id: created.body.id, status: 'pending', kind: 'sla' })
      .select('kind', 'due_at');
    expect(sla).toEqual([{ kind: 'sla', due_at: new Date('2027-03-16T01:00:00.000Z') }]);
  });

  it('moves pending business-day timers to the edited calendar', async () => {
    const knex = server.testDb.db.knex;
    const created = await server.request('POST', '/api/v1/records/payment', {
      title: 'Invoice',
      dueDate: '2027-05-05',
    });
    const fire = (now: string) => fireNextTimer(knex, server.engine.ctx.models.current(), new Date(now));
    while ((await fire('2027-05-06T01:00:00Z')).kind !== 'none');
    const sla = () =>
      knex('lodestar_timers').where({ record_id: created.body.id, status: 'pending', kind: 'sla' }).pluck('due_at');
    const dueOnRecord = async () =>
      (await server.request('GET', `/api/v1/records/payment/${created.body.id}`)).body.sla_due_at as string;
    // Overdue on Thursday 6 May 09:00: two business days are Friday 7 and Monday 10.
    expect(await sla()).toEqual([new Date('2027-05-10T01:00:00.000Z')]);
    expect(await dueOnRecord()).toBe('2027-05-10T01:00:00.000Z');
    const days = (await calendar('GET', '2027')).body.days as unknown[];
    const put = await calendar('PUT', '2027', { days: [...days, { date: '2027-05-07', kind: 'holiday' }] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    // Friday 7 May is off now: Monday 10 and Tuesday 11.
    expect(await sla()).toEqual([new Date('2027-05-11T01:00:00.000Z')]);
    // The record's due time moved with its timer.
    expect(await dueOnRecord()).toBe('2027-05-11T01:00:00.000Z');
  });

  it('refuses days outside the year, twice listed, or a weekday as a make-up workday, in both languages', async () => {
    const response = await calendar('PUT', '2028', {
      days: [
        { date: '2029-01-01', kind: 'holiday' },
        { date: '2028-05-01', kind: 'holiday' },
        { date: '2028-05-01', kind: 'holiday' },
        { date: '2028-05-02', kind: 'workday' },
      ],
    });
    expect(response.status).toBe(422);
    expect(
      (response.body.issues as { pointer: string; keyword: string; i18n: { zh: string } }[]).map((i) => [
        i.pointer,
        i.keyword,
        i.i18n.zh,
      ]),
    ).toEqual([
      ['/days/0/date', 'year', '2029-01-01 不在 2028 年内'],
      ['/days/2/date', 'unique', '2028-05-01 重复出现'],
      ['/days/3/kind', 'weekend', '2028-05-02 本来就是工作日，调休上班日应是周六或周日'],
    ]);
    expect((await calendar('GET', '2028')).body.days).toEqual([]);
    expect((await calendar('PUT', '2028', { days: [{ date: '2028-05-01', kind: 'closed' }] })).status).toBe(422);
    expect((await calendar('GET', 'next')).status).toBe(404);
  });

  it('is for administrators only', async () => {
    const { token } = await server.userToken({ email: 'clerk@lodestar.test', roles: [] });
    const response = await calendar('GET', '2026', undefined, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(403);
    expect(response.body.i18n.zh).toBe('仅限系统管理员查看和修改工作日历');
  });
});
