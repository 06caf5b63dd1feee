import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * Reports over a seeded history with hand-computed expectations. Timeline (UTC, 2024), owners A and B:
 *
 * r1 A newBusiness 1000 close 03-15  lead 01-01 00:00 → qualified 01-01 10:00 → proposal 01-02 10:00
 *                                     → negotiation 01-04 10:00 (SLA row 01-05) → won 01-11 10:00
 * r2 A newBusiness 2000 close 03-20  lead 01-02 00:00 → proposal 01-02 20:00 (skips qualified) → lost 01-05 20:00
 * r3 B renewal      500 close 04-10  lead 01-03 00:00 → qualified 01-03 06:00 (still there)
 * r4 B newBusiness 3000 close 03-05  lead 02-01 00:00 (owner A then) → qualified 02-02 00:00 (A)
 *                                     → proposal 02-03 12:00 (reassigned to B; still there)
 * r5 A renewal      400 close 04-20  lead 02-10 00:00 → lost 02-10 04:00
 * r6 B renewal      800 close 02-28  lead 02-15 00:00 → qualified 02-15 12:00 → proposal 02-16 12:00
 *                                     → negotiation 02-18 12:00 → won 03-01 12:00
 * r7 -  newBusiness  -  close 03-31  lead 03-01 00:00 (still there)
 * r8 A newBusiness 9999 close 03-10  state lead, no history: not in any report
 */

const A = '0a000000-0000-4000-8000-00000000000a';
const B = '0b000000-0000-4000-8000-00000000000b';
const ids = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`r${n}`, `00000000-0000-4000-8000-00000000000${n}`]),
) as Record<string, string>;

const folder = mkdtempSync(join(tmpdir(), 'lodestar-reports-'));
let server: TestServer;

function writeDefinitions(): void {
  mkdirSync(join(folder, 'schemas'));
  mkdirSync(join(folder, 'workflows'));
  const write = (path: string, value: unknown) => writeFileSync(join(folder, path), JSON.stringify(value, null, 2));
  write('schemas/opportunity.schema.json', {
    $id: 'opportunity',
    title: 'Opportunity',
    type: 'object',
    'x-entity': {
      titleField: 'name',
      recordTypes: { newBusiness: { title: 'New business' }, renewal: { title: 'Renewal' } },
    },
    properties: {
      name: { type: 'string' },
      amount: { type: 'number', minimum: 0 },
      expectedCloseDate: { type: 'string', format: 'date' },
    },
    required: ['name'],
  });
  write('schemas/lead.schema.json', {
    $id: 'lead',
    title: 'Lead',
    type: 'object',
    'x-entity': { titleField: 'name' },
    properties: { name: { type: 'string' } },
    required: ['name'],
  });
  write('workflows/sales.workflow.json', {
    id: 'sales',
    initial: 'lead',
    meta: { entity: 'opportunity', amountField: 'amount', closeDateField: 'expectedCloseDate' },
    states: {
      lead: {
        meta: { title: 'Lead', probability: 0.1 },
        on: { QUALIFY: 'qualified', PROPOSE: 'proposal', LOSE: 'lost' },
      },
      qualified: {
        meta: { title: 'Qualified', probability: 0.3, outcome: 'open' },
        on: { PROPOSE: 'proposal', LOSE: 'lost' },
      },
      proposal: { meta: { title: 'Proposal', probability: 0.6 }, on: { NEGOTIATE: 'negotiation', LOSE: 'lost' } },
      negotiation: { meta: { title: 'Negotiation', probability: 0.8, sla: 'P2D' }, on: { WIN: 'won', LOSE: 'lost' } },
      won: { type: 'final', meta: { title: 'Won', probability: 1, outcome: 'won' } },
      lost: { type: 'final', meta: { title: 'Lost', probability: 0, outcome: 'lost' } },
    },
  });
  write('workflows/lead-flow.workflow.json', {
    id: 'lead-flow',
    initial: 'fresh',
    meta: { entity: 'lead' },
    states: {
      fresh: { meta: { probability: 0.2 }, on: { CONVERT: 'converted' } },
      converted: { type: 'final', meta: { outcome: 'won' } },
    },
  });
}

type Row = [record: string, from: string | null, to: string, at: string, owner: string | null];

const HISTORY: Row[] = [
  ['r1', null, 'lead', '2024-01-01T00:00:00Z', A],
  ['r1', 'lead', 'qualified', '2024-01-01T10:00:00Z', A],
  ['r2', null, 'lead', '2024-01-02T00:00:00Z', A],
  ['r1', 'qualified', 'proposal', '2024-01-02T10:00:00Z', A],
  ['r2', 'lead', 'proposal', '2024-01-02T20:00:00Z', A],
  ['r3', null, 'lead', '2024-01-03T00:00:00Z', B],
  ['r3', 'lead', 'qualified', '2024-01-03T06:00:00Z', B],
  ['r1', 'proposal', 'negotiation', '2024-01-04T10:00:00Z', A],
  ['r1', 'negotiation', 'negotiation', '2024-01-05T00:00:00Z', A], // SLA breach: no stage change
  ['r2', 'proposal', 'lost', '2024-01-05T20:00:00Z', A],
  ['r1', 'negotiation', 'won', '2024-01-11T10:00:00Z', A],
  ['r4', null, 'lead', '2024-02-01T00:00:00Z', A],
  ['r4', 'lead', 'qualified', '2024-02-02T00:00:00Z', A],
  ['r4', 'qualified', 'proposal', '2024-02-03T12:00:00Z', B],
  ['r5', null, 'lead', '2024-02-10T00:00:00Z', A],
  ['r5', 'lead', 'lost', '2024-02-10T04:00:00Z', A],
  ['r6', null, 'lead', '2024-02-15T00:00:00Z', B],
  ['r6', 'lead', 'qualified', '2024-02-15T12:00:00Z', B],
  ['r6', 'qualified', 'proposal', '2024-02-16T12:00:00Z', B],
  ['r6', 'proposal', 'negotiation', '2024-02-18T12:00:00Z', B],
  ['r6', 'negotiation', 'won', '2024-03-01T12:00:00Z', B],
  ['r7', null, 'lead', '2024-03-01T00:00:00Z', null],
];

const RECORDS = [
  { id: 'r1', owner: A, type: 'newBusiness', amount: 1000, close: '2024-03-15', state: 'won' },
  { id: 'r2', owner: A, type: 'newBusiness', amount: 2000, close: '2024-03-20', state: 'lost' },
  { id: 'r3', owner: B, type: 'renewal', amount: 500, close: '2024-04-10', state: 'qualified' },
  { id: 'r4', owner: B, type: 'newBusiness', amount: 3000, close: '2024-03-05', state: 'proposal' },
  { id: 'r5', owner: A, type: 'renewal', amount: 400, close: '2024-04-20', state: 'lost' },
  { id: 'r6', owner: B, type: 'renewal', amount: 800, close: '2024-02-28', state: 'won' },
  { id: 'r7', owner: null, type: 'newBusiness', amount: null, close: '2024-03-31', state: 'lead' },
  { id: 'r8', owner: A, type: 'newBusiness', amount: 9999, close: '2024-03-10', state: 'lead' },
];

beforeAll(async () => {
  writeDefinitions();
  server = await startTestServer({ definitionsDir: folder });
  const knex = server.testDb.db.knex;
  const started = (id: string) =>
    HISTORY.find(([record, from]) => record === id && from === null)?.[3] ?? '2024-01-01T00:00:00Z';
  const entered = (id: string) => HISTORY.filter(([record]) => record === id).at(-1)?.[3] ?? null;
  await knex('opportunity').insert(
    RECORDS.map((r) => ({
      id: ids[r.id],
      record_type: r.type,
      name: r.id,
      state: r.state,
      state_entered_at: entered(r.id),
      owner_id: r.owner,
      amount: r.amount,
      expectedCloseDate: r.close,
      created_at: started(r.id),
    })),
  );
  // One row at a time, in time order: the id is the history order.
  for (const [record, from, to, at, owner] of HISTORY) {
    await knex('lodestar_history').insert({
      entity: 'opportunity',
      record_id: ids[record],
      record_type: RECORDS.find((r) => r.id === record)!.type,
      workflow: 'sales',
      from_state: from,
      to_state: to,
      event: from === null ? 'xstate.init' : from === to ? 'sla' : 'MOVE',
      owner_id: owner,
      actor_id: owner,
      model_version: 1,
      at,
    });
  }
  // The lead workflow: no amount or close-date field.
  const [lead] = await knex('lead')
    .insert({ name: 'L1', state: 'converted', created_at: '2024-01-05T00:00:00Z' })
    .returning('id');
  await knex('lodestar_history').insert([
    {
      entity: 'lead',
      record_id: lead.id,
      workflow: 'lead-flow',
      to_state: 'fresh',
      event: 'xstate.init',
      model_version: 1,
      at: '2024-01-05T00:00:00Z',
    },
    {
      entity: 'lead',
      record_id: lead.id,
      workflow: 'lead-flow',
      from_state: 'fresh',
      to_state: 'converted',
      event: 'CONVERT',
      model_version: 1,
      at: '2024-01-07T00:00:00Z',
    },
  ]);
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function report(path: string) {
  const response = await server.request('GET', `/api/v1/reports/${path}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** [state, count, amount] per funnel stage. */
const funnelOf = (body: { stages: { state: string; count: number; amount: number | null }[] }) =>
  body.stages.map((s) => [s.state, s.count, s.amount]);

describe('funnel', () => {
  it('counts every record at each stage it entered, not the stages it skipped, with amounts and conversions', async () => {
    const body = await report('sales/funnel');
    expect(funnelOf(body)).toEqual([
      ['lead', 7, 7700],
      ['qualified', 4, 5300], // r2 skipped it
      ['proposal', 4, 6800],
      ['negotiation', 2, 1800],
      ['won', 2, 1800],
    ]);
    expect(body.stages.map((s: { conversion: number | null }) => s.conversion)).toEqual([null, 4 / 7, 1, 0.5, 1]);
    expect(body.stages[4].conversionFromFirst).toBeCloseTo(2 / 7, 12);
    expect(body.lost).toEqual([{ state: 'lost', title: 'Lost', count: 2, amount: 2400 }]);
    expect(body.total).toEqual({ count: 7, amount: 7700 });
    expect(body.stages[0]).toMatchObject({ state: 'lead', title: 'Lead', outcome: 'open', probability: 0.1 });
    expect(body.stages[4]).toMatchObject({ state: 'won', outcome: 'won' });
    expect(body).toMatchObject({
      workflow: 'sales',
      entity: 'opportunity',
      amountField: 'amount',
      filters: { owner: null, recordType: null, from: null, to: null },
    });
    expect(body.definition).toMatch(/entered that stage/);
  });

  it('filters by current owner', async () => {
    const body = await report(`sales/funnel?owner=${A}`);
    expect(funnelOf(body)).toEqual([
      ['lead', 3, 3400],
      ['qualified', 1, 1000],
      ['proposal', 2, 3000],
      ['negotiation', 1, 1000],
      ['won', 1, 1000],
    ]);
    expect(body.lost[0]).toMatchObject({ count: 2, amount: 2400 });
    expect(body.filters.owner).toBe(A);
  });

  it('filters by record type', async () => {
    const body = await report('sales/funnel?recordType=renewal');
    expect(funnelOf(body)).toEqual([
      ['lead', 3, 1700],
      ['qualified', 2, 1300],
      ['proposal', 1, 800],
      ['negotiation', 1, 800],
      ['won', 1, 800],
    ]);
    expect(body.lost[0]).toMatchObject({ count: 1, amount: 400 });
  });

  it('filters by creation date, both ends inclusive', async () => {
    const february = await report('sales/funnel?from=2024-02-01&to=2024-02-29');
    expect(funnelOf(february)).toEqual([
      ['lead', 3, 4200],
      ['qualified', 2, 3800],
      ['proposal', 2, 3800],
      ['negotiation', 1, 800],
      ['won', 1, 800],
    ]);
    const firstTwoDays = await report('sales/funnel?to=2024-01-02');
    expect(funnelOf(firstTwoDays)).toEqual([
      ['lead', 2, 3000],
      ['qualified', 1, 1000],
      ['proposal', 2, 3000],
      ['negotiation', 1, 1000],
      ['won', 1, 1000],
    ]);
    const none = await report('sales/funnel?from=2025-01-01');
    expect(funnelOf(none)).toEqual([
      ['lead', 0, 0],
      ['qualified', 0, 0],
      ['proposal', 0, 0],
      ['negotiation', 0, 0],
      ['won', 0, 0],
    ]);
    expect(none.stages[1].conversion).toBeNull();
    expect(none.total).toEqual({ count: 0, amount: 0 });
  });
});

describe('time in stage', () => {
  const stage = (body: { stages: { state: string }[] }, state: string) =>
    body.stages.find((s) => s.state === state) as Record<string, any>;
  const hoursSince = (asOf: string, at: string) => (Date.parse(asOf) - Date.parse(at)) / 3_600_000;

  it('measures completed stays per stage, apart from current stays; final states have none', async () => {
    const body = await report('sales/time-in-stage');
    expect(body.unit).toBe('hours');
    expect(body.stages.map((s: { state: string }) => s.state)).toEqual([
      'lead',
      'qualified',
      'proposal',
      'negotiation',
    ]);
    const lead = stage(body, 'lead');
    expect(lead.completed.count).toBe(6);
    expect(lead.completed.meanHours).toBeCloseTo(76 / 6, 9);
    expect(lead.completed.medianHours).toBe(11);
    expect(stage(body, 'qualified').completed).toEqual({ count: 3, meanHours: 28, medianHours: 24 });
    expect(stage(body, 'proposal').completed).toEqual({ count: 3, meanHours: 56, medianHours: 48 });
    // The SLA row (negotiation → negotiation) does not cut r1's stay in two.
    expect(stage(body, 'negotiation').completed).toEqual({ count: 2, meanHours: 228, medianHours: 228 });
    expect(stage(body, 'negotiation').current.count).toBe(0);
    // Current stays: r7 in lead, r3 in qualified, r4 in proposal, aged at asOf.
    expect(lead.current.count).toBe(1);
    expect(lead.current.meanAgeHours).toBeCloseTo(hoursSince(body.asOf, '2024-03-01T00:00:00Z'), 6);
    expect(stage(body, 'qualified').current.medianAgeHours).toBeCloseTo(
      hoursSince(body.asOf, '2024-01-03T06:00:00Z'),
      6,
    );
    expect(stage(body, 'proposal').current.count).toBe(1);
  });

  it('breaks stays down by the owner at entry', async () => {
    const body = await report('sales/time-in-stage');
    const lead = stage(body, 'lead');
    // r4 entered lead under A (it belongs to B now), r7 has no owner.
    expect(
      lead.byOwner.map((o: Record<string, any>) => [
        o.ownerId,
        o.completed.count,
        o.completed.meanHours,
        o.completed.medianHours,
        o.current.count,
      ]),
    ).toEqual([
      [A, 4, 14.5, 15, 0],
      [B, 2, 9, 9, 0],
      [null, 0, null, null, 1],
    ]);
    const proposal = stage(body, 'proposal');
    expect(proposal.byOwner.map((o: Record<string, any>) => [o.ownerId, o.completed.count, o.current.count])).toEqual([
      [A, 2, 0],
      [B, 1, 1],
    ]);
  });

  it('filters by current owner, record type and the day the stay began', async () => {
    const ownerB = stage(await report(`sales/time-in-stage?owner=${B}`), 'lead');
    expect(ownerB.completed).toEqual({ count: 3, meanHours: 14, medianHours: 12 });
    expect(ownerB.current.count).toBe(0);
    const renewal = stage(await report('sales/time-in-stage?recordType=renewal'), 'lead');
    expect(renewal.completed.count).toBe(3);
    expect(renewal.completed.meanHours).toBeCloseTo(22 / 3, 9);
    expect(renewal.completed.medianHours).toBe(6);
    const february = await report('sales/time-in-stage?from=2024-02-01&to=2024-02-29');
    expect(stage(february, 'lead').completed.count).toBe(3);
    expect(stage(february, 'lead').completed.meanHours).toBeCloseTo(40 / 3, 9);
    expect(stage(february, 'lead').completed.medianHours).toBe(12);
    expect(stage(february, 'lead').current.count).toBe(0); // r7 entered in March
    expect(stage(february, 'qualified').completed).toEqual({ count: 2, meanHours: 30, medianHours: 30 });
    expect(stage(february, 'proposal').completed).toEqual({ count: 1, meanHours: 48, medianHours: 48 });
    expect(stage(february, 'proposal').current.count).toBe(1);
    expect(stage(february, 'negotiation').completed).toEqual({ count: 1, meanHours: 288, medianHours: 288 });
  });
});

describe('forecast', () => {
  const monthsOf = (body: { months: { month: string; open: Record<string, number>; won: Record<string, number> }[] }) =>
    body.months.map((m) => [m.month, m.open.count, m.open.amount, m.open.weightedAmount, m.won.count, m.won.amount]);

  it('sums open amounts and weighted amounts by close month, won amounts by the month they were won', async () => {
    const body = await report('sales/forecast');
    expect(monthsOf(body)).toEqual([
      ['2024-01', 0, 0, 0, 1, 1000], // r1 won in January
      ['2024-03', 2, 3000, 1800, 1, 800], // r4 (3000 × 0.6) and r7 (no amount); r6 won on March 1st
      ['2024-04', 1, 500, 150, 0, 0], // r3: 500 × 0.3
    ]);
    expect(body.totals).toEqual({
      open: { count: 3, amount: 3500, weightedAmount: 1950 },
      won: { count: 2, amount: 1800 },
    });
    expect(body).toMatchObject({ amountField: 'amount', closeDateField: 'expectedCloseDate' });
  });

  it('filters by owner, record type and close month', async () => {
    expect(monthsOf(await report(`sales/forecast?owner=${B}`))).toEqual([
      ['2024-03', 1, 3000, 1800, 1, 800],
      ['2024-04', 1, 500, 150, 0, 0],
    ]);
    expect(monthsOf(await report('sales/forecast?recordType=newBusiness'))).toEqual([
      ['2024-01', 0, 0, 0, 1, 1000],
      ['2024-03', 2, 3000, 1800, 0, 0],
    ]);
    expect(monthsOf(await report('sales/forecast?from=2024-03-01&to=2024-03-31'))).toEqual([
      ['2024-03', 2, 3000, 1800, 1, 800],
    ]);
    expect(monthsOf(await report('sales/forecast?from=2024-03-06&to=2024-04-30'))).toEqual([
      ['2024-03', 1, 0, 0, 0, 0], // only r7 (close 03-31, no amount); r6 won on 03-01
      ['2024-04', 1, 500, 150, 0, 0],
    ]);
  });
});

describe('win rate', () => {
  it('divides won by decided and averages the cycle from start row to outcome row', async () => {
    const body = await report('sales/win-rate');
    expect(body).toMatchObject({ decided: 4, winRate: 0.5 });
    // Cycles in days: r1 10 + 10/24, r6 15.5, r2 3 + 20/24, r5 4/24.
    const r1 = 10 + 10 / 24,
      r6 = 15.5,
      r2 = 3 + 20 / 24,
      r5 = 4 / 24;
    expect(body.averageCycleDays).toBeCloseTo((r1 + r6 + r2 + r5) / 4, 9);
    expect(body.medianCycleDays).toBeCloseTo((r2 + r1) / 2, 9);
    expect(body.won.count).toBe(2);
    expect(body.won.amount).toBe(1800);
    expect(body.won.averageCycleDays).toBeCloseTo((r1 + r6) / 2, 9);
    expect(body.lost.count).toBe(2);
    expect(body.lost.amount).toBe(2400);
    expect(body.lost.averageCycleDays).toBeCloseTo((r2 + r5) / 2, 9);
  });

  it('filters by owner, record type and the day of the outcome', async () => {
    const ownerA = await report(`sales/win-rate?owner=${A}`);
    expect(ownerA).toMatchObject({ decided: 3, won: { count: 1, amount: 1000 }, lost: { count: 2, amount: 2400 } });
    expect(ownerA.winRate).toBeCloseTo(1 / 3, 12);
    const ownerB = await report(`sales/win-rate?owner=${B}`);
    expect(ownerB).toMatchObject({ decided: 1, winRate: 1, averageCycleDays: 15.5 });
    const renewal = await report('sales/win-rate?recordType=renewal');
    expect(renewal).toMatchObject({
      decided: 2,
      winRate: 0.5,
      won: { count: 1, amount: 800 },
      lost: { count: 1, amount: 400 },
    });
    const untilFebruary = await report('sales/win-rate?to=2024-02-29');
    expect(untilFebruary).toMatchObject({ decided: 3, won: { count: 1 }, lost: { count: 2 } });
    const march = await report('sales/win-rate?from=2024-03-01&to=2024-03-01');
    expect(march).toMatchObject({ decided: 1, winRate: 1, averageCycleDays: 15.5 });
    const empty = await report('sales/win-rate?from=2030-01-01');
    expect(empty).toMatchObject({
      decided: 0,
      winRate: null,
      averageCycleDays: null,
      won: { count: 0, amount: 0, averageCycleDays: null },
    });
  });
});

describe('a workflow without amount and close-date fields', () => {
  it('answers counts with null amounts', async () => {
    const funnel = await report('lead-flow/funnel');
    expect(funnelOf(funnel)).toEqual([
      ['fresh', 1, null],
      ['converted', 1, null],
    ]);
    expect(funnel).toMatchObject({ amountField: null, total: { count: 1, amount: null }, lost: [] });
    const forecast = await report('lead-flow/forecast');
    expect(forecast.months).toEqual([
      { month: '2024-01', open: { count: 0, amount: null, weightedAmount: null }, won: { count: 1, amount: null } },
    ]);
    expect(forecast).toMatchObject({ closeDateField: null, totals: { won: { count: 1, amount: null } } });
    const winRate = await report('lead-flow/win-rate');
    expect(winRate).toMatchObject({ decided: 1, winRate: 1, averageCycleDays: 2, won: { count: 1, amount: null } });
    const time = await report('lead-flow/time-in-stage');
    expect(time.stages).toEqual([
      expect.objectContaining({ state: 'fresh', completed: { count: 1, meanHours: 48, medianHours: 48 } }),
    ]);
  });
});

describe('errors', () => {
  it('an unknown workflow is a 404 problem', async () => {
    for (const report of ['funnel', 'time-in-stage', 'forecast', 'win-rate']) {
      const response = await server.request('GET', `/api/v1/reports/nope/${report}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.body.detail).toMatch(/nope/);
    }
  });

  it.each([
    ['owner=me', '/query/owner', 'format'],
    ['owner=1%27%20or%201=1', '/query/owner', 'format'],
    ['recordType=charity', '/query/recordType', 'enum'],
    ['from=2024-13-01', '/query/from', 'format'],
    ['to=2024-02-30', '/query/to', 'format'],
    ['from=yesterday', '/query/from', 'format'],
    ['from=2024-03-01&to=2024-02-01', '/query/to', 'range'],
    ['owner=' + A + '&owner=' + B, '/query/owner', 'type'],
    ['ownerId=' + A, '/query/ownerId', 'unknownParameter'],
  ])('%s is a 400 problem naming the parameter', async (query, pointer, keyword) => {
    for (const report of ['funnel', 'time-in-stage', 'forecast', 'win-rate']) {
      const response = await server.request('GET', `/api/v1/reports/sales/${report}?${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.body.issues).toEqual([expect.objectContaining({ pointer, keyword })]);
    }
  });

  it('a record type filter on an entity without record types is a 400', async () => {
    const response = await server.request('GET', '/api/v1/reports/lead-flow/funnel?recordType=x');
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([expect.objectContaining({ pointer: '/query/recordType' })]);
  });
});
