import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { cliRunner } from './support/cli.js';
import { CLI } from './support/engine-process.js';
import { contractSet } from './support/rollup-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
const folder = mkdtempSync(join(tmpdir(), 'lodestar-recompute-'));
const lodestar = cliRunner(() => ({ dir: folder, databaseUrl: server.testDb.url }));

beforeAll(async () => {
  server = await startTestServer({ definitions: contractSet(false) });
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

const knex = () => server.testDb.db.knex;

let drafts = 0;
async function publish(set: DefinitionSet, body: Record<string, unknown> = {}) {
  // A draft is based on the version published when it was made: one per publish.
  const draft = `/api/v1/meta/drafts/d${++drafts}`;
  const put = await server.request('PUT', draft, { definitions: set });
  expect(put.status).toBe(200);
  expect(put.body.issues).toEqual([]);
  const plan = await server.request('POST', `${draft}/plan`);
  const published = await server.request('POST', `${draft}/publish`, body);
  return { plan: plan.body, published };
}

describe('publishing roll-ups over existing data', () => {
  it('adds the columns and computes every existing parent in the publish, saying how many', async () => {
    const [a, b, empty] = await knex()('contract')
      .insert([{ name: 'A' }, { name: 'B' }, { name: 'Empty' }])
      .returning('id');
    await knex()('payment').insert([
      { label: '1', amount: 100, status: 'received', paidOn: '2026-02-01', contract: a.id },
      { label: '2', amount: 600, status: 'received', paidOn: '2026-03-01', contract: a.id },
      { label: '3', amount: 50, status: 'planned', paidOn: '2026-04-01', contract: a.id },
      { label: '4', amount: 7.25, status: 'planned', contract: b.id },
    ]);

    const { plan, published } = await publish(contractSet());
    expect(published.status).toBe(201);
    const steps = plan.steps.filter((s: { kind: string }) => s.kind === 'setRollup');
    expect(steps).toHaveLength(8);
    expect(steps.every((s: { rows: number; safety: string }) => s.rows === 3 && s.safety === 'safe')).toBe(true);
    const paid = steps.find((s: { rollup: { name: string } }) => s.rollup.name === 'paidTotal');
    expect(paid.text.zh).toContain('汇总');
    expect(paid.reasonText.en).toContain('3 records');

    const row = async (id: string) => (await server.request('GET', `/api/v1/records/contract/${id}`)).body;
    expect(await row(a.id)).toMatchObject({
      lineCount: 3,
      paidTotal: 750,
      received: 700,
      bigReceived: 1,
      smallest: 50,
      largest: 600,
      average: 250,
      lastPaid: '2026-04-01',
    });
    expect(await row(b.id)).toMatchObject({ lineCount: 1, paidTotal: 7.25, received: 0, lastPaid: null });
    expect(await row(empty.id)).toMatchObject({ lineCount: 0, paidTotal: 0, average: null });
  });

  it('keeps a filtered roll-up right when a line changes status (the filter is a formula)', async () => {
    const a = (await server.request('POST', '/api/v1/records/contract', { name: 'F' })).body;
    const line = (
      await server.request('POST', '/api/v1/records/payment', { amount: 800, status: 'planned', contract: a.id })
    ).body;
    const get = async () => (await server.request('GET', `/api/v1/records/contract/${a.id}`)).body;
    expect(await get()).toMatchObject({ received: 0, bigReceived: 0, paidTotal: 800 });
    await server.request('PATCH', `/api/v1/records/payment/${line.id}`, { version: 1, status: 'received' });
    expect(await get()).toMatchObject({ received: 800, bigReceived: 1 });
  });

  it('replaces the triggers when a roll-up changes, and drops them when it goes', async () => {
    const set = contractSet();
    set.entities[0]!.properties.received!['x-rollup']!.where = 'status = "planned"';
    delete set.entities[0]!.properties.bigReceived;
    // Dropping the column of a removed roll-up is destructive like any dropped field.
    const { plan, published } = await publish(set, { confirmDestructive: true });
    expect(published.status).toBe(201);
    const kinds = plan.steps.map(
      (s: { kind: string; rollup?: { name: string } }) => `${s.kind}:${s.rollup?.name ?? ''}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining(['dropRollup:received', 'setRollup:received', 'dropRollup:bigReceived']),
    );
    const triggers = await knex()('information_schema.triggers')
      .where({ event_object_table: 'payment' })
      .select('trigger_name');
    expect(triggers.some((t: { trigger_name: string }) => t.trigger_name.includes('bigReceived'))).toBe(false);
    const [row] = await knex()('contract').where({ name: 'A' }).select('received');
    expect(Number(row.received)).toBe(50);
  });

  it('refuses a filter that is not TRUE or FALSE, or reads an unknown field, with its pointer', async () => {
    const set = contractSet();
    set.entities[0]!.properties.received!['x-rollup']!.where = 'amount + 1';
    set.entities[0]!.properties.bigReceived!['x-rollup']!.where = 'nosuch = 1';
    const put = await server.request('PUT', '/api/v1/meta/drafts/bad', { definitions: set });
    const pointers = put.body.issues.map((i: { pointer: string; keyword: string }) => `${i.pointer} ${i.keyword}`);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/properties/received/x-rollup/where rollupWhere',
        '/properties/bigReceived/x-rollup/where rollupWhere',
      ]),
    );
  });
});

describe('lodestar recompute', () => {
  it('rebuilds roll-ups, reports the rows that had drifted, and exits 0', async () => {
    if (!existsSync(CLI)) throw new Error('engine/dist is missing: run `npm test` (it builds) or `npx tsc -b` first');
    // Writing around the triggers (as a restore or a manual UPDATE would) is the only way to drift.
    await knex()('contract').where({ name: 'A' }).update({ paidTotal: 1, lineCount: 99 });
    const run = await lodestar('recompute', 'contract');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/contract\.paidTotal\s+\d+ rows\s+1 drifted/);
    expect(run.out).toMatch(/contract\.lineCount\s+\d+ rows\s+1 drifted/);
    expect(run.out).toContain('had drifted and are corrected');
    const [row] = await knex()('contract').where({ name: 'A' }).select('paidTotal', 'lineCount');
    expect([Number(row.paidTotal), row.lineCount]).toEqual([750, 3]);
    const again = await lodestar('recompute');
    expect(again.code).toBe(0);
    expect(again.out).toContain('none had drifted');
  });

  it('names an unknown entity and exits 1', async () => {
    const run = await lodestar('recompute', 'nothing');
    expect(run.code).toBe(1);
    expect(run.out).toContain('unknown entity "nothing"');
  });
});

describe('a roll-up filtered by the child workflow state', () => {
  it('follows transitions: a line counts once the workflow moves it into the state', async () => {
    const set = contractSet();
    set.entities[1]!['x-entity'].workflow = 'payment-flow';
    set.workflows.push({
      id: 'payment-flow',
      initial: 'due',
      meta: { entity: 'payment' },
      states: { due: { on: { RECEIVE: 'settled' } }, settled: { type: 'final' } },
    } as never);
    set.entities[0]!.properties.settled = {
      type: 'number',
      'x-currency': 'CNY',
      'x-rollup': { from: 'payment', via: 'contract', op: 'sum', field: 'amount', where: 'state = "settled"' },
    };
    const { published } = await publish(set, { confirmDestructive: true });
    expect(published.status).toBe(201);
    const a = (await server.request('POST', '/api/v1/records/contract', { name: 'W' })).body;
    const line = (await server.request('POST', '/api/v1/records/payment', { amount: 42, contract: a.id })).body;
    const settled = async () => (await server.request('GET', `/api/v1/records/contract/${a.id}`)).body.settled;
    expect(await settled()).toBe(0);
    const moved = await server.request('POST', `/api/v1/records/payment/${line.id}/events`, { type: 'RECEIVE' });
    expect(moved.status).toBe(200);
    expect(await settled()).toBe(42);
  });
});

describe('a roll-up over a formula field', () => {
  it('sums a stored formula of the lines, and refuses one computed when read', async () => {
    const set = contractSet();
    set.entities[1]!.properties.net = { type: 'number', 'x-currency': 'CNY', 'x-formula': 'amount * 0.9' };
    set.entities[1]!.properties.age = { type: 'integer', 'x-formula': 'DATEDIF(paidOn, TODAY(), "d")' };
    set.entities[0]!.properties.netTotal = {
      type: 'number',
      'x-currency': 'CNY',
      'x-rollup': { from: 'payment', via: 'contract', op: 'sum', field: 'net' },
    };
    const bad = structuredClone(set);
    bad.entities[0]!.properties.oldest = {
      type: 'integer',
      'x-rollup': { from: 'payment', via: 'contract', op: 'max', field: 'age' },
    };
    const put = await server.request('PUT', '/api/v1/meta/drafts/formula-bad', { definitions: bad });
    const refused = put.body.issues.find((i: { keyword: string }) => i.keyword === 'rollupFormula');
    expect(refused?.pointer).toBe('/properties/oldest/x-rollup/field');

    const { published } = await publish(set, { confirmDestructive: true });
    expect(published.status).toBe(201);
    const a = (await server.request('POST', '/api/v1/records/contract', { name: 'N' })).body;
    const line = (await server.request('POST', '/api/v1/records/payment', { amount: 100, contract: a.id })).body;
    await server.request('POST', '/api/v1/records/payment', { amount: 50, contract: a.id });
    const net = async () => (await server.request('GET', `/api/v1/records/contract/${a.id}`)).body.netTotal;
    expect(await net()).toBe(135);
    await server.request('PATCH', `/api/v1/records/payment/${line.id}`, { version: 1, amount: 200 });
    expect(await net()).toBe(225);
  });
});
