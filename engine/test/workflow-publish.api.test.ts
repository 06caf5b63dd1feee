import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { WorkflowDefinition } from '../src/definitions/workflow.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** A deal entity and its sales workflow: lead → qualified ⇄ onHold → won. */
const DEAL = {
  $id: 'deal',
  title: 'Deal',
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: { name: { type: 'string', maxLength: 200 } },
  required: ['name'],
};
const SALES: WorkflowDefinition = {
  id: 'sales',
  initial: 'lead',
  meta: { entity: 'deal' },
  states: {
    lead: { on: { QUALIFY: 'qualified' } },
    qualified: { on: { HOLD: 'onHold', WIN: 'won' }, after: { P30D: 'onHold' } },
    onHold: { on: { RESUME: 'qualified' }, after: { P7D: 'qualified' } },
    won: { type: 'final' },
  },
};

const folder = mkdtempSync(join(tmpdir(), 'lodestar-workflow-publish-'));
let server: TestServer;
const knex = () => server.testDb.db.knex;
const owner = randomUUID();
const FAR = new Date('2100-01-01T00:00:00Z');

beforeAll(async () => {
  mkdirSync(join(folder, 'schemas'));
  mkdirSync(join(folder, 'workflows'));
  writeFileSync(join(folder, 'schemas/deal.schema.json'), JSON.stringify(DEAL));
  writeFileSync(join(folder, 'workflows/sales.workflow.json'), JSON.stringify(SALES));
  server = await startTestServer({ definitionsDir: folder });
  const entered = new Date('2024-01-01T00:00:00Z');
  const rows = [
    ...['A', 'B', 'C'].map((name) => ({ name, state: 'onHold', owner_id: name === 'A' ? owner : null })),
    ...['D', 'E'].map((name) => ({ name, state: 'qualified', owner_id: null })),
    { name: 'F', state: 'lead', owner_id: null },
  ];
  const inserted = await knex()('deal')
    .insert(
      rows.map((row) => ({
        ...row,
        state_entered_at: entered,
        sla_breached_at: row.state === 'onHold' ? entered : null,
      })),
    )
    .returning<{ id: string; state: string }[]>(['id', 'state']);
  await knex()('lodestar_timers').insert(
    inserted
      .filter((row) => row.state !== 'lead')
      .map((row) => {
        const delay = row.state === 'onHold' ? 'P7D' : 'P30D';
        return {
          entity: 'deal',
          record_id: row.id,
          workflow: 'sales',
          state: row.state,
          kind: 'after',
          event: `xstate.after.${delay}.sales.${row.state}`,
          due_at: FAR,
        };
      }),
  );
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function currentSet(): Promise<DefinitionSet> {
  return (await server.request('GET', '/api/v1/meta/model')).body.definitions;
}

async function version(): Promise<number> {
  return (await server.request('GET', '/api/v1/meta/model')).body.version;
}

function editSales(set: DefinitionSet, edit: (sales: WorkflowDefinition) => void): DefinitionSet {
  const copy = structuredClone(set);
  edit(copy.workflows.find((w) => w.id === 'sales')!);
  return copy;
}

async function putDraft(set: DefinitionSet) {
  const put = await server.request('PUT', '/api/v1/meta/drafts/main', { definitions: set });
  expect(put.status).toBe(200);
  expect(put.body.issues).toEqual([]);
}

const plan = (body: Record<string, unknown> = {}) => server.request('POST', '/api/v1/meta/drafts/main/plan', body);
const publishDraft = (body: Record<string, unknown> = {}) =>
  server.request('POST', '/api/v1/meta/drafts/main/publish', body);

async function statesOf(): Promise<Record<string, string[]>> {
  const rows = await knex()('deal').orderBy('name').select<{ name: string; state: string }[]>('name', 'state');
  const states: Record<string, string[]> = {};
  for (const row of rows) (states[row.state] ??= []).push(row.name);
  return states;
}

const timers = () =>
  knex()('lodestar_timers')
    .orderBy('id')
    .select<{ state: string; status: string; event: string; done_at: Date | null }[]>(
      'state',
      'status',
      'event',
      'done_at',
    );

/** The published workflow without onHold (and the transitions into it). */
const withoutOnHold = (set: DefinitionSet) =>
  editSales(set, (sales) => {
    delete sales.states.onHold;
    sales.states.qualified = { on: { WIN: 'won' } };
  });

describe('publishing a workflow with records in it', () => {
  it('plans a removed state holding 3 records as a destructive moveState and refuses it unconfirmed, changing nothing', async () => {
    await putDraft(withoutOnHold(await currentSet()));
    const planned = await plan();
    expect(planned.status).toBe(200);
    expect(planned.body.steps).toEqual([
      expect.objectContaining({
        kind: 'moveState',
        workflow: 'sales',
        table: 'deal',
        state: 'onHold',
        initial: 'lead',
        safety: 'destructive',
        rows: 3,
        reason: expect.stringContaining(
          '3 records are in state onHold, which the new version removes; map them to a state',
        ),
      }),
    ]);
    const before = { states: await statesOf(), timers: await timers(), version: await version() };
    const refused = await publishDraft();
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/confirmation-required/);
    expect(refused.body.steps).toEqual([
      expect.objectContaining({
        kind: 'moveState',
        rows: 3,
        description: 'remove state sales.onHold (3 records in it, not mapped)',
      }),
    ]);
    expect({ states: await statesOf(), timers: await timers(), version: await version() }).toEqual(before);
    expect(await knex()('lodestar_history').count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('rejects a mapping to a state the new version lacks, or of an unknown workflow, with a 422 naming the pointer', async () => {
    for (const send of [plan, publishDraft]) {
      const response = await send({ stateMapping: { sales: { onHold: 'nowhere' }, ghost: { a: 'b' } } });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.issues).toEqual([
        expect.objectContaining({ pointer: '/stateMapping/sales/onHold', keyword: 'unknownState' }),
        expect.objectContaining({ pointer: '/stateMapping/ghost', keyword: 'unknownWorkflow' }),
      ]);
    }
    const malformed = await plan({ stateMapping: { sales: { onHold: 7 } } });
    expect(malformed.status).toBe(422);
    expect(malformed.body.issues).toEqual([
      expect.objectContaining({ pointer: '/stateMapping/sales/onHold', keyword: 'type' }),
    ]);
    expect((await statesOf()).onHold).toEqual(['A', 'B', 'C']);
  });

  it('with a mapping, plans a safe move and publishes it: records moved, one history row each, pending timers cancelled', async () => {
    const stateMapping = { sales: { onHold: 'qualified' } };
    const planned = await plan({ stateMapping });
    expect(planned.body.steps).toEqual([
      expect.objectContaining({ kind: 'moveState', state: 'onHold', to: 'qualified', safety: 'safe', rows: 3 }),
    ]);
    const started = Date.now();
    const published = await publishDraft({ stateMapping });
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(2);
    expect(await statesOf()).toEqual({ lead: ['F'], qualified: ['A', 'B', 'C', 'D', 'E'] });

    const moved = await knex()('deal')
      .whereIn('name', ['A', 'B', 'C'])
      .orderBy('name')
      .select('id', 'state_entered_at', 'sla_breached_at', 'version');
    for (const row of moved) {
      expect(new Date(row.state_entered_at).getTime()).toBeGreaterThanOrEqual(started - 5_000);
      expect(row.sla_breached_at).toBeNull();
      expect(row.version).toBe(2);
    }
    const kept = await knex()('deal').where({ name: 'D' }).first('state_entered_at', 'version');
    expect(new Date(kept.state_entered_at).toISOString()).toBe('2024-01-01T00:00:00.000Z');

    const history = await knex()('lodestar_history')
      .orderBy('id')
      .select('entity', 'record_id', 'workflow', 'from_state', 'to_state', 'event', 'model_version', 'owner_id');
    expect(history).toHaveLength(3);
    expect(new Set(history.map((h) => h.record_id))).toEqual(new Set(moved.map((row) => row.id)));
    for (const h of history) {
      expect(h).toMatchObject({
        entity: 'deal',
        workflow: 'sales',
        from_state: 'onHold',
        to_state: 'qualified',
        event: 'MIGRATE',
        model_version: 2,
      });
    }
    expect(history.find((h) => h.record_id === moved[0]!.id)?.owner_id).toBe(owner);

    const after = await timers();
    expect(after.filter((t) => t.state === 'onHold').map((t) => t.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(after.filter((t) => t.state === 'onHold').every((t) => t.done_at !== null)).toBe(true);
    expect(after.filter((t) => t.state === 'qualified').map((t) => t.status)).toEqual(['pending', 'pending']);
    const stored = (await server.request('GET', '/api/v1/meta/versions/2')).body;
    expect(stored.plan.steps).toEqual([expect.objectContaining({ kind: 'moveState', to: 'qualified', rows: 3 })]);
  });

  it('renames a state declared with renamedFrom and keeps its records (and their pending timers)', async () => {
    const set = editSales(await currentSet(), (sales) => {
      const { qualified, ...rest } = sales.states;
      sales.states = {
        lead: { on: { QUALIFY: 'vetted' } },
        vetted: { ...qualified, meta: { renamedFrom: 'qualified' } },
        won: rest.won!,
      };
    });
    await putDraft(set);
    const planned = await plan();
    expect(planned.body.steps).toEqual([
      expect.objectContaining({ kind: 'renameState', from: 'qualified', to: 'vetted', safety: 'safe', rows: 5 }),
    ]);
    const published = await publishDraft();
    expect(published.status).toBe(201);
    expect(await statesOf()).toEqual({ lead: ['F'], vetted: ['A', 'B', 'C', 'D', 'E'] });
    expect(await knex()('deal').count({ n: '*' })).toEqual([{ n: 6 }]);
    const pending = (await timers()).filter((t) => t.status === 'pending');
    expect(pending.map((t) => [t.state, t.event])).toEqual([
      ['vetted', 'xstate.after.P30D.sales.vetted'],
      ['vetted', 'xstate.after.P30D.sales.vetted'],
    ]);
    expect(await knex()('lodestar_history').count({ n: '*' })).toEqual([{ n: 3 }]);
  });

  it('rejects a renamedFrom that names no state of the published version', async () => {
    const set = editSales(await currentSet(), (sales) => {
      sales.states.review = { meta: { renamedFrom: 'neverWas' } };
    });
    const put = await server.request('PUT', '/api/v1/meta/drafts/main', { definitions: set });
    expect(put.body.issues).toEqual([
      expect.objectContaining({ pointer: '/states/review/meta/renamedFrom', keyword: 'unknownState' }),
    ]);
    const planned = await plan();
    expect(planned.status).toBe(422);
    expect(planned.body.issues).toEqual([
      expect.objectContaining({ pointer: '/states/review/meta/renamedFrom', keyword: 'unknownState' }),
    ]);
    await server.request('DELETE', '/api/v1/meta/drafts/main');
  });

  it('confirmed without a mapping, moves the records of a removed state to the initial state', async () => {
    const set = editSales(await currentSet(), (sales) => {
      delete sales.states.vetted;
      sales.states.lead = { on: { WIN: 'won' } };
    });
    await putDraft(set);
    expect((await publishDraft()).status).toBe(409);
    const published = await publishDraft({ confirmDestructive: true });
    expect(published.status).toBe(201);
    expect(published.body.plan.steps).toEqual([
      expect.objectContaining({ kind: 'moveState', state: 'vetted', safety: 'destructive', rows: 5 }),
    ]);
    expect(await statesOf()).toEqual({ lead: ['A', 'B', 'C', 'D', 'E', 'F'] });
    const history = await knex()('lodestar_history')
      .where({ from_state: 'vetted' })
      .select('to_state', 'model_version');
    expect(history).toEqual(Array(5).fill({ to_state: 'lead', model_version: 4 }));
    expect((await timers()).filter((t) => t.status === 'pending')).toEqual([]);
  });
});
