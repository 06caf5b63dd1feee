import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireNextTimer } from '../src/runtime/fire-timer.js';
import { DATE_TIMER_DEFINITIONS } from './support/date-timer-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** The embedded database keeps the calendar and moves date timers the same way: a smoke test. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ kind: 'pglite', definitions: DATE_TIMER_DEFINITIONS });
});
afterAll(async () => {
  await server?.close();
});

const pendingDue = async (id: string) =>
  (
    await server.testDb.db
      .knex('lodestar_timers')
      .where({ record_id: id, status: 'pending' })
      .orderBy('id')
      .select('kind', 'due_at')
  ).map((row: { kind: string; due_at: Date }) => `${row.kind} ${new Date(row.due_at).toISOString()}`);

describe('date timers on PGlite', () => {
  it('start, move with the date, fire at the instant and count business days on the seeded calendar', async () => {
    expect(
      (await server.request('GET', '/api/v1/admin/calendar/2026')).body.days.filter(
        (d: { date: string }) => d.date === '2026-10-01',
      ),
    ).toHaveLength(1);
    const created = await server.request('POST', '/api/v1/records/payment', { title: 'P', dueDate: '2027-03-01' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(await pendingDue(id)).toEqual(['after 2027-03-02T01:00:00.000Z']);
    const patched = await server.request('PATCH', `/api/v1/records/payment/${id}`, {
      version: 1,
      dueDate: '2027-03-10',
    });
    expect(patched.status).toBe(200);
    expect(await pendingDue(id)).toEqual(['after 2027-03-11T01:00:00.000Z']);
    const fire = (now: string) =>
      fireNextTimer(server.testDb.db.knex, server.engine.ctx.models.current(), new Date(now));
    expect((await fire('2027-03-11T00:59:59.000Z')).kind).toBe('none');
    expect((await fire('2027-03-11T01:00:00.000Z')).kind).toBe('fired');
    expect((await server.request('GET', `/api/v1/records/payment/${id}`)).body.state).toBe('overdue');
    // Two business days from Thursday 09:00, and the owner's warning after 80 % of their working hours.
    expect(await pendingDue(id)).toEqual(['sla 2027-03-15T01:00:00.000Z', 'slaWarn 2027-03-12T07:00:00.000Z']);
  });
});
