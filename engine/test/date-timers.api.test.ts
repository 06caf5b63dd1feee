import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { fireNextTimer } from '../src/runtime/fire-timer.js';
import { DATE_TIMER_DEFINITIONS, PAYMENT_WORKFLOW } from './support/date-timer-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// Date-relative timers over HTTP on PostgreSQL. Due dates lie in 2027, so the engine's own timer worker
// (real clock) leaves them alone and the test fires them with the clock it chooses, as the worker would.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ definitions: DATE_TIMER_DEFINITIONS });
});
afterAll(async () => {
  await server?.close();
});

const knex = () => server.testDb.db.knex;
const api = (method: string, path: string, body?: unknown) =>
  server.request(method, `/api/v1/records/payment${path}`, body);

async function createPayment(fields: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const response = await api('POST', '', { title: 'Invoice', amount: 1000, ...fields });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function patch(id: string, fields: Record<string, unknown>) {
  const current = (await api('GET', `/${id}`)).body as { version: number };
  const response = await api('PATCH', `/${id}`, { version: current.version, ...fields });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const pending = (id: string) =>
  knex()('lodestar_timers')
    .where({ record_id: id, status: 'pending' })
    .orderBy('id')
    .select('state', 'kind', 'event', 'due_at')
    .then((rows: { state: string; kind: string; event: string | null; due_at: Date }[]) =>
      rows.map((row) => ({ state: row.state, kind: row.kind, event: row.event, dueAt: row.due_at.toISOString() })),
    );

const stateOf = async (id: string) => ((await api('GET', `/${id}`)).body as { state: string }).state;

/** Fires every timer due at `now`, as the worker does when its clock reads `now`. */
async function fireDue(now: string): Promise<string[]> {
  const kinds: string[] = [];
  for (;;) {
    const outcome = await fireNextTimer(knex(), server.engine.ctx.models.current(), new Date(now));
    if (outcome.kind === 'none') return kinds;
    kinds.push(outcome.kind);
  }
}

const OVERDUE_EVENT = 'xstate.after.after dueDate P1D 09:00.payment-collection.open';

describe('a timer after a date field', () => {
  it('fires at 09:00 (Asia/Shanghai) the day after the due date, not a millisecond before', async () => {
    const payment = await createPayment({ dueDate: '2027-03-10' });
    expect(await pending(payment.id)).toEqual([
      { state: 'open', kind: 'after', event: OVERDUE_EVENT, dueAt: '2027-03-11T01:00:00.000Z' },
    ]);
    await fireDue('2027-03-11T00:59:59.999Z');
    expect(await stateOf(payment.id)).toBe('open');
    await fireDue('2027-03-11T01:00:00.000Z');
    expect(await stateOf(payment.id)).toBe('overdue');
    const history = await knex()('lodestar_history').where({ record_id: payment.id }).orderBy('id').pluck('event');
    expect(history).toEqual(['START', 'after.after dueDate P1D 09:00']);
    const titled = (await api('GET', `/${payment.id}/history`)).body.data as { titles: { event: { zh: string } } }[];
    expect(titled.map((row) => row.titles.event.zh)).toContain('到期自动流转');
    // Overdue on Thursday 09:00, its SLA of two business days skips the weekend: Monday 09:00. The owner is
    // warned after 80 % of its 15 working hours: Friday 15:00.
    expect(await pending(payment.id)).toEqual([
      { state: 'overdue', kind: 'sla', event: null, dueAt: '2027-03-15T01:00:00.000Z' },
      { state: 'overdue', kind: 'slaWarn', event: null, dueAt: '2027-03-12T07:00:00.000Z' },
    ]);
  });

  it('moves when the due date is edited while the record waits', async () => {
    const payment = await createPayment({ dueDate: '2027-04-01' });
    await patch(payment.id, { note: 'called the customer' });
    expect((await pending(payment.id)).map((t) => t.dueAt)).toEqual(['2027-04-02T01:00:00.000Z']);
    await patch(payment.id, { dueDate: '2027-04-20' });
    expect(await pending(payment.id)).toEqual([
      { state: 'open', kind: 'after', event: OVERDUE_EVENT, dueAt: '2027-04-21T01:00:00.000Z' },
    ]);
    await fireDue('2027-04-02T01:00:00.000Z');
    expect(await stateOf(payment.id)).toBe('open');
    await fireDue('2027-04-21T01:00:00.000Z');
    expect(await stateOf(payment.id)).toBe('overdue');
  });

  it('moves with the date on the read-validate-write path too', async () => {
    const payment = await createPayment({ dueDate: '2027-05-03' });
    // `amount` is read by a rule, so this patch is judged on the stored record, not written blind.
    await patch(payment.id, { dueDate: '2027-05-10', amount: 1200 });
    expect((await pending(payment.id)).map((t) => t.dueAt)).toEqual(['2027-05-11T01:00:00.000Z']);
  });

  it('moves when a transition that stays in the state sets the date', async () => {
    const payment = await createPayment({ dueDate: '2027-09-01' });
    expect((await pending(payment.id)).map((t) => t.dueAt)).toEqual(['2027-09-02T01:00:00.000Z']);
    const sent = await api('POST', `/${payment.id}/events`, { type: 'EXTEND' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.record).toMatchObject({ state: 'open', dueDate: '2027-09-30' });
    expect(await pending(payment.id)).toEqual([
      { state: 'open', kind: 'after', event: OVERDUE_EVENT, dueAt: '2027-10-01T01:00:00.000Z' },
    ]);
  });

  it('starts no timer for a blank date; clearing the date cancels it, setting one starts it', async () => {
    const payment = await createPayment({});
    expect(await pending(payment.id)).toEqual([]);
    await patch(payment.id, { dueDate: '2027-06-07' });
    expect((await pending(payment.id)).map((t) => t.dueAt)).toEqual(['2027-06-08T01:00:00.000Z']);
    await patch(payment.id, { dueDate: null });
    expect(await pending(payment.id)).toEqual([]);
    await fireDue('2027-06-09T00:00:00.000Z');
    expect(await stateOf(payment.id)).toBe('open');
  });

  it('is cancelled when the payment is paid first', async () => {
    const payment = await createPayment({ dueDate: '2027-07-01' });
    expect((await api('POST', `/${payment.id}/events`, { type: 'PAY' })).status).toBe(200);
    expect(await pending(payment.id)).toEqual([]);
    await fireDue('2027-07-03T00:00:00.000Z');
    expect(await stateOf(payment.id)).toBe('paid');
  });

  it('fires at once when the due time is already past', async () => {
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const payment = await createPayment({ dueDate: threeDaysAgo });
    const deadline = Date.now() + 10_000;
    while ((await stateOf(payment.id)) !== 'overdue' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await stateOf(payment.id)).toBe('overdue');
  });

  it('follows the date as it is when it comes due, whatever wrote it', async () => {
    const payment = await createPayment({ dueDate: '2027-08-02' });
    // A write that bypasses the record API (a SQL fix, an import) moved the date later…
    await knex()('payment').where({ id: payment.id }).update({ dueDate: '2027-08-16' });
    expect(await fireDue('2027-08-03T01:00:00.000Z')).toContain('rearmed');
    expect(await stateOf(payment.id)).toBe('open');
    expect((await pending(payment.id)).map((t) => t.dueAt)).toEqual(['2027-08-17T01:00:00.000Z']);
    // …or cleared it.
    await knex()('payment').where({ id: payment.id }).update({ dueDate: null });
    expect(await fireDue('2027-08-17T01:00:00.000Z')).toContain('cancelled');
    expect(await stateOf(payment.id)).toBe('open');
    expect(await pending(payment.id)).toEqual([]);
  });
});

describe('date timers in definitions', () => {
  const withAfter = (after: Record<string, unknown>, sla?: string): DefinitionSet => {
    const set = structuredClone(DATE_TIMER_DEFINITIONS);
    const workflow = structuredClone(PAYMENT_WORKFLOW);
    workflow.states.open!.after = after as never;
    if (sla) workflow.states.overdue!.meta = { ...workflow.states.overdue!.meta, sla };
    set.workflows = [workflow];
    return set;
  };
  const validate = async (set: DefinitionSet) =>
    (
      (await server.request('POST', '/api/v1/meta/validate', { definitions: set })).body.issues as {
        pointer: string;
        keyword: string;
        i18n?: { en: string; zh: string };
      }[]
    ).map((issue) => ({ pointer: issue.pointer, keyword: issue.keyword, zh: issue.i18n?.zh }));

  it('accepts date, date-time, business-day and time-of-day forms', async () => {
    expect(
      await validate(
        withAfter(
          {
            'at dueDate 09:00': 'overdue',
            'before dueDate 3 business days': 'overdue',
            'after promisedAt PT4H': 'overdue',
            '2 business days': 'overdue',
          },
          '1 business day',
        ),
      ),
    ).toEqual([]);
  });

  it('names an unknown field, a text field and a bad duration, with pointers, in both languages', async () => {
    const issues = await validate(
      withAfter(
        {
          'after dueDat P1D': 'overdue',
          'after note P1D': 'overdue',
          'after dueDate 1D': 'overdue',
          'after dueDate': 'overdue',
        },
        'P2BD',
      ),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          pointer: '/states/open/after/after dueDat P1D',
          keyword: 'unknownField',
          zh: '“回款”上没有字段“dueDat”，无法按它计时',
        },
        {
          pointer: '/states/open/after/after note P1D',
          keyword: 'dateField',
          zh: '计时字段“备注”不是日期或日期时间字段',
        },
        {
          pointer: '/states/open/after/after dueDate 1D',
          keyword: 'duration',
          zh: '“1D”不是有效的时长：请写 ISO-8601 时长（如 P1D、PT4H）、“N business days”（N 个工作日）或“N business hours”（N 个工作小时）',
        },
        expect.objectContaining({ pointer: '/states/open/after/after dueDate', keyword: 'unknownDelay' }),
        expect.objectContaining({ pointer: '/states/overdue/meta/sla', keyword: 'duration' }),
      ]),
    );
    expect(issues).toHaveLength(5);
  });
});
