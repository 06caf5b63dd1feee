import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from './support/cli.js';
import { CLI } from './support/engine-process.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';

let testDb: TestDb;
const folder = mkdtempSync(join(tmpdir(), 'lodestar-cli-workflow-'));

const lodestar = cliRunner(() => ({ dir: folder, databaseUrl: testDb.url }));

const writeWorkflow = (states: Record<string, unknown>) =>
  writeFileSync(
    join(folder, 'workflows/sales.workflow.json'),
    JSON.stringify({ id: 'sales', initial: 'lead', meta: { entity: 'deal' }, states }, null, 2),
  );

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('engine/dist is missing: run `npm test` (it builds) or `npx tsc -b` first');
  testDb = await createPostgresDb();
  mkdirSync(join(folder, 'schemas'));
  mkdirSync(join(folder, 'workflows'));
  const deal = {
    $id: 'deal',
    title: 'Deal',
    type: 'object',
    'x-entity': { titleField: 'name' },
    properties: { name: { type: 'string' } },
    required: ['name'],
  };
  writeFileSync(join(folder, 'schemas/deal.schema.json'), JSON.stringify(deal, null, 2));
  writeWorkflow({
    lead: { on: { HOLD: 'onHold', WIN: 'won' } },
    onHold: { on: { RESUME: 'lead' } },
    won: { type: 'final' },
  });
});
afterAll(async () => {
  await testDb?.drop();
  rmSync(folder, { recursive: true, force: true });
});

describe('lodestar migrate --map', () => {
  it('shows the records of a removed state, refuses without a mapping, and moves them with --map', async () => {
    expect((await lodestar('migrate')).code).toBe(0);
    const knex = testDb.db.knex;
    await knex('deal').insert([
      { name: 'A', state: 'onHold' },
      { name: 'B', state: 'onHold' },
      { name: 'C', state: 'lead' },
    ]);
    writeWorkflow({ lead: { on: { WIN: 'won' } }, won: { type: 'final' } });

    const plan = await lodestar('plan');
    expect(plan.code).toBe(0);
    expect(plan.out).toContain(
      '! DESTRUCTIVE remove state sales.onHold (2 records in it, not mapped) — 2 records are in state onHold',
    );
    expect(plan.out).toContain('lodestar migrate --map sales.onHold=<state>');

    const refused = await lodestar('migrate');
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/destructive step\(s\) need confirmation/);
    expect(await knex('deal').where({ state: 'onHold' }).count({ n: '*' })).toEqual([{ n: 2 }]);

    const unknown = await lodestar('migrate', '--map', 'sales.onHold=nowhere');
    expect(unknown.code).not.toBe(0);
    expect(unknown.out).toContain('/stateMapping/sales/onHold: target state "nowhere" does not exist');
    const malformed = await lodestar('migrate', '--map', 'sales-onHold');
    expect(malformed.code).not.toBe(0);
    expect(malformed.out).toContain('<workflow>.<removed state>=<target state>');

    const mappedPlan = await lodestar('plan', '--map', 'sales.onHold=won');
    expect(mappedPlan.out).toContain('✓ move 2 records of deal from removed state sales.onHold → won');
    const migrated = await lodestar('migrate', '--map', 'sales.onHold=won');
    expect(migrated.code).toBe(0);
    expect(migrated.out).toMatch(/Published model version 2/);
    expect(await knex('deal').orderBy('name').pluck('state')).toEqual(['won', 'won', 'lead']);
    expect(
      await knex('lodestar_history').where({ event: 'MIGRATE', to_state: 'won', model_version: 2 }).count({ n: '*' }),
    ).toEqual([{ n: 2 }]);
    expect(await lodestar('migrate')).toMatchObject({ code: 0, out: expect.stringMatching(/Nothing to do/) });
  });
});
