import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { WorkflowDefinition } from '../src/definitions/workflow.js';
import { migrateEngineTables } from '../src/db/engine-tables.js';
import { fireNextTimer } from '../src/runtime/fire-timer.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * A ticket answered within 4 business hours of entering `response` (09:00–12:00 and 13:30–18:00 in
 * Asia/Shanghai by default). The stage is entered by a timer at the ticket's `receivedAt`, so the test
 * chooses the instant it starts, in 2027, where the engine's own worker (real clock) leaves it alone.
 */
const TICKET_WORKFLOW: WorkflowDefinition = {
  id: 'ticket-response',
  initial: 'open',
  meta: { entity: 'ticket' },
  states: {
    open: { meta: { title: { zh: '已登记', en: 'Logged' } }, after: { 'at receivedAt': 'response' } },
    response: {
      meta: { title: { zh: '待响应', en: 'Awaiting response' }, sla: '4 business hours' },
      on: { ANSWER: 'review' },
    },
    review: {
      meta: { title: { zh: '复核', en: 'Review' }, sla: 'PT10H', slaWarnAt: 'PT1H' },
      on: { CLOSE: 'closed' },
    },
    closed: { type: 'final', meta: { title: { zh: '已关闭', en: 'Closed' } } },
  },
} as WorkflowDefinition;

const DEFINITIONS: DefinitionSet = {
  entities: [
    {
      $id: 'ticket',
      title: 'Ticket',
      type: 'object',
      'x-i18n': { title: { zh: '工单', en: 'Ticket' } },
      'x-entity': { titleField: 'title' },
      properties: {
        title: { type: 'string', maxLength: 100 },
        receivedAt: { type: 'string', format: 'date-time' },
      },
      required: ['title'],
    },
  ],
  workflows: [TICKET_WORKFLOW],
};

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ definitions: DEFINITIONS });
});
afterAll(async () => {
  await server?.close();
});

const knex = () => server.testDb.db.knex;
const api = (method: string, path: string, body?: unknown) =>
  server.request(method, `/api/v1/records/ticket${path}`, body);
const read = async (id: string) => (await api('GET', `/${id}`)).body as Record<string, unknown>;

/** Fires every timer due at `now`, as the worker does when its clock reads `now`. */
async function fireDue(now: string): Promise<string[]> {
  const kinds: string[] = [];
  for (;;) {
    const outcome = await fireNextTimer(knex(), server.engine.ctx.models.current(), new Date(now));
    if (outcome.kind === 'none') return kinds;
    kinds.push(`${outcome.timer.kind}:${outcome.kind}`);
  }
}

const notices = (id: string) =>
  knex()('lodestar_notifications')
    .where({ record_id: id })
    .orderBy('id')
    .select('user_id', 'title', 'body', 'entity')
    .then((rows: { user_id: string; title: { zh: string; en: string }; body: { zh: string; en: string } }[]) => rows);

describe('a business-hours SLA known by the server', () => {
  it('is due on Monday 12:00 for a stage entered on Friday 17:00, warns its owner once, then marks the breach', async () => {
    const created = await api('POST', '', { title: '打印机卡纸', receivedAt: '2027-03-05T17:00:00+08:00' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const owner = created.body.owner_id as string;
    expect(created.body.sla_due_at).toBeNull();

    // Friday 5 March 2027, 17:00 in Shanghai: the ticket enters `response`.
    expect(await fireDue('2027-03-05T09:00:00Z')).toEqual(['after:fired']);
    const entered = await read(id);
    expect(entered).toMatchObject({ state: 'response', state_entered_at: '2027-03-05T09:00:00.000Z' });
    // One working hour on Friday, three on Monday morning: Monday 8 March, 12:00 (04:00 UTC).
    expect(entered.sla_due_at).toBe('2027-03-08T04:00:00.000Z');

    const timers = await knex()('lodestar_timers')
      .where({ record_id: id, status: 'pending' })
      .orderBy('id')
      .select('kind', 'due_at');
    // The warning comes after 80 % of the working time (3.2 h): Monday 11:12, not over the weekend.
    expect(timers).toEqual([
      { kind: 'sla', due_at: new Date('2027-03-08T04:00:00.000Z') },
      { kind: 'slaWarn', due_at: new Date('2027-03-08T03:12:00.000Z') },
    ]);

    expect(await fireDue('2027-03-08T03:11:59.999Z')).toEqual([]);
    expect(await notices(id)).toEqual([]);
    expect(await fireDue('2027-03-08T03:12:00.000Z')).toEqual(['slaWarn:fired']);
    const warned = await notices(id);
    expect(warned).toHaveLength(1);
    expect(warned[0]!.user_id).toBe(owner);
    expect(warned[0]!.title).toEqual({
      zh: '即将超时：工单「打印机卡纸」',
      en: 'SLA about to run out: Ticket "打印机卡纸"',
    });
    expect(warned[0]!.body.zh).toMatch(/^「待响应」阶段的时限将于 .*12:00 到期。$/);
    expect(warned[0]!.body.en).toMatch(/^The SLA of the stage "Awaiting response" runs out at .*12:00 PM\.$/);
    // Fired once: the timer is spent, so neither this clock nor a later engine fires it again.
    expect(await fireDue('2027-03-08T03:30:00.000Z')).toEqual([]);
    expect(await knex()('lodestar_timers').where({ record_id: id, kind: 'slaWarn' }).pluck('status')).toEqual([
      'fired',
    ]);
    expect(await notices(id)).toHaveLength(1);

    // The breach marks the record as before, and tells the owner.
    expect(await fireDue('2027-03-08T04:00:00.000Z')).toEqual(['sla:fired']);
    expect(await read(id)).toMatchObject({
      state: 'response',
      sla_breached_at: '2027-03-08T04:00:00.000Z',
      sla_due_at: '2027-03-08T04:00:00.000Z',
    });
    const history = await knex()('lodestar_history').where({ record_id: id }).orderBy('id').pluck('event');
    expect(history).toEqual(['START', 'after.at receivedAt', 'SLA_BREACHED']);
    const all = await notices(id);
    expect(all).toHaveLength(2);
    expect(all[1]!.title.zh).toBe('已超时：工单「打印机卡纸」');
    expect(all[1]!.body.en).toMatch(/^The SLA of the stage "Awaiting response" ran out at /);
  });

  it('sets a new due time on each stage change, warns at meta.slaWarnAt before it, and clears it without an SLA', async () => {
    const created = await api('POST', '', { title: 'Projector', receivedAt: '2027-04-06T10:00:00+08:00' });
    const id = created.body.id as string;
    await fireDue('2027-04-06T02:00:00Z');
    expect((await read(id)).sla_due_at).toBe('2027-04-06T07:30:00.000Z');

    const answered = await api('POST', `/${id}/events`, { type: 'ANSWER', version: (await read(id)).version });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const review = await read(id);
    expect(review.state).toBe('review');
    const entered = Date.parse(review.state_entered_at as string);
    expect(Date.parse(review.sla_due_at as string) - entered).toBe(10 * 3_600_000);
    const warn = await knex()('lodestar_timers').where({ record_id: id, kind: 'slaWarn', status: 'pending' });
    expect(warn.map((t: { due_at: Date }) => t.due_at.getTime() - entered)).toEqual([9 * 3_600_000]);
    // The response stage's timers ended with it.
    expect(
      await knex()('lodestar_timers').where({ record_id: id, state: 'response' }).orderBy('id').pluck('status'),
    ).toEqual(['cancelled', 'cancelled']);

    const closed = await api('POST', `/${id}/events`, { type: 'CLOSE', version: review.version });
    expect(closed.status).toBe(200);
    expect(await read(id)).toMatchObject({ state: 'closed', sla_due_at: null, sla_breached_at: null });
  });

  it('documents sla_due_at in the OpenAPI record schema', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body as {
      components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> };
    };
    const ticket = Object.entries(doc.components.schemas).find(
      ([name, schema]) => /ticket/i.test(name) && schema.properties?.sla_due_at,
    );
    expect(ticket?.[1].properties.sla_due_at?.description).toMatch(/business/);
  });
});

describe('meta.slaWarnAt in definitions', () => {
  const withWarn = (meta: Record<string, unknown>): DefinitionSet => {
    const set = structuredClone(DEFINITIONS);
    const workflow = structuredClone(TICKET_WORKFLOW);
    workflow.states.response!.meta = { ...workflow.states.response!.meta, ...meta } as never;
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
    ).map((issue) => ({ pointer: issue.pointer, keyword: issue.keyword, i18n: issue.i18n }));

  it('accepts a duration in the grammar of meta.sla', async () => {
    expect(await validate(withWarn({ slaWarnAt: '1 business hour' }))).toEqual([]);
    expect(await validate(withWarn({ slaWarnAt: 'PT30M' }))).toEqual([]);
  });

  it('names a bad duration, a warning without an SLA and one as long as the SLA, in both languages', async () => {
    expect(await validate(withWarn({ slaWarnAt: 'soon' }))).toEqual([
      {
        pointer: '/states/response/meta/slaWarnAt',
        keyword: 'duration',
        i18n: {
          en: 'slaWarnAt "soon" is not a duration: write an ISO-8601 duration (PT1H, P1D), "N business hours" or "N business days"',
          zh: '提前提醒时间“soon”不是有效的时长：请写 ISO-8601 时长（如 PT1H、P1D）、“N business hours”（N 个工作小时）或“N business days”（N 个工作日）',
        },
      },
    ]);
    expect(await validate(withWarn({ sla: undefined, slaWarnAt: 'PT1H' }))).toEqual([
      expect.objectContaining({
        pointer: '/states/response/meta/slaWarnAt',
        keyword: 'slaWarnAt',
        i18n: expect.objectContaining({ zh: '提前提醒是在时限到期前发出的：此阶段需要先设置时限（meta.sla）' }),
      }),
    ]);
    expect(await validate(withWarn({ slaWarnAt: '4 business hours' }))).toEqual([
      expect.objectContaining({ pointer: '/states/response/meta/slaWarnAt', keyword: 'slaWarnAt' }),
    ]);
  });
});

describe('the working hours of the business calendar', () => {
  const hours = (method: string, body?: unknown) => server.request(method, '/api/v1/admin/calendar/hours', body);

  it('answers the default hours, refuses periods out of order in both languages, and moves pending SLAs to new ones', async () => {
    expect((await hours('GET')).body).toEqual({
      periods: [
        { from: '09:00', to: '12:00' },
        { from: '13:30', to: '18:00' },
      ],
    });
    const refused = await hours('PUT', {
      periods: [
        { from: '13:00', to: '12:00' },
        { from: '11:00', to: '18:00' },
      ],
    });
    expect(refused.status).toBe(422);
    expect(
      (refused.body.issues as { pointer: string; i18n: { zh: string } }[]).map((i) => [i.pointer, i.i18n.zh]),
    ).toEqual([
      ['/periods/0/to', '时段 13:00–12:00 的结束时间早于开始时间'],
      ['/periods/1/from', '时段 11:00–18:00 在上一时段结束（12:00）之前就开始了：请按时间顺序填写，且不要重叠'],
    ]);
    const overlapping = await hours('PUT', {
      periods: [
        { from: '09:00', to: '12:00' },
        { from: '11:00', to: '18:00' },
      ],
    });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.issues[0].pointer).toBe('/periods/1/from');

    const created = await api('POST', '', { title: 'Router', receivedAt: '2027-05-11T10:00:00+08:00' });
    const id = created.body.id as string;
    await fireDue('2027-05-11T02:00:00Z');
    expect((await read(id)).sla_due_at).toBe('2027-05-11T07:30:00.000Z');
    // An office that works 08:00–17:00 without a break: 10:00 plus four hours is 14:00.
    const saved = await hours('PUT', { periods: [{ from: '08:00', to: '17:00' }] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({ periods: [{ from: '08:00', to: '17:00' }] });
    expect((await read(id)).sla_due_at).toBe('2027-05-11T06:00:00.000Z');
    expect(
      await knex()('lodestar_timers').where({ record_id: id, kind: 'sla', status: 'pending' }).pluck('due_at'),
    ).toEqual([new Date('2027-05-11T06:00:00.000Z')]);
    // The warning moved too: 80 % of the four hours, 13:12.
    expect(
      await knex()('lodestar_timers').where({ record_id: id, kind: 'slaWarn', status: 'pending' }).pluck('due_at'),
    ).toEqual([new Date('2027-05-11T05:12:00.000Z')]);
    // Back to the default for the tests after this one.
    await hours('PUT', {
      periods: [
        { from: '09:00', to: '12:00' },
        { from: '13:30', to: '18:00' },
      ],
    });
  });
});

describe('an engine upgrade', () => {
  it('adds sla_due_at to tables published before it, filled from the pending SLA timers', async () => {
    const created = await api('POST', '', { title: 'Old ticket', receivedAt: '2027-06-01T10:00:00+08:00' });
    const id = created.body.id as string;
    await fireDue('2027-06-01T02:00:00Z');
    const due = (await read(id)).sla_due_at;
    expect(due).toBe('2027-06-01T07:30:00.000Z');
    // The database as an engine before migration 022 left it.
    await knex().raw('alter table ?? drop column sla_due_at', [tableName()]);
    await knex().raw('drop table lodestar_working_hours');
    await knex()('lodestar_migrations').where({ name: '022_sla_due_and_working_hours' }).del();
    await migrateEngineTables(knex());
    const row = await knex()(tableName()).where({ id }).first('sla_due_at');
    expect((row.sla_due_at as Date).toISOString()).toBe(due);
    expect(await knex()('lodestar_working_hours').orderBy('position').select('from_minute', 'to_minute')).toEqual([
      { from_minute: 540, to_minute: 720 },
      { from_minute: 810, to_minute: 1080 },
    ]);
  });
});

const tableName = () => server.engine.ctx.models.current().entities.get('ticket')!.table.name;
