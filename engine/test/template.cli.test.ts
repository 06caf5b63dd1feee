import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDefinitionSet } from '../src/definitions/definition-set.js';
import { readFolder } from '../src/definitions/read-folder.js';
import { readCurrentVersion } from '../src/db/definitions-repo.js';
import { cliRunner, copyTemplate as copyFromTemplate } from './support/cli.js';
import { CLI } from './support/engine-process.js';
import { REPO_ROOT } from './support/paths.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';

const TEMPLATE = join(REPO_ROOT, 'templates/project-delivery');
const scratch = mkdtempSync(join(tmpdir(), 'lodestar-template-cli-'));
let testDb: TestDb;
// --dir is the global definitions folder; template commands take their folder as an argument instead.
const lodestar = cliRunner(() => ({ dir: scratch, databaseUrl: testDb.url }));

const copyTemplate = (name: string, edit: Parameters<typeof copyFromTemplate>[2]) =>
  copyFromTemplate(scratch, name, edit);

const knex = () => testDb.db.knex;
const versionCount = async () => Number((await knex()('lodestar_model_versions').count({ n: '*' }))[0]!.n);
const tables = async () =>
  (await knex()('information_schema.tables').where({ table_schema: 'public' }).pluck('table_name'))
    .filter((t: string) => !t.startsWith('lodestar_'))
    .sort();
const columnsOf = async (table: string) =>
  knex()('information_schema.columns').where({ table_name: table }).pluck('column_name');

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('engine/dist is missing: run `npm test` (it builds) or `npx tsc -b` first');
  testDb = await createPostgresDb();
});
afterAll(async () => {
  await testDb?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('lodestar template install / export', () => {
  it('reports every issue of a broken template with file, pointer and rule, exits non-zero and changes nothing', async () => {
    const broken = copyTemplate('broken', (json) => {
      json('template.json', (m) => (m.version = 'v1'));
      json('schemas/project.schema.json', (s) => s.required.push('budgetCode'));
      json('workflows/timesheet-approval.workflow.json', (w) => (w.states.draft.on.SUBMIT.target = 'nowhere'));
      json('roles.json', (r) => (r.roles.engineer.entities.invoice = { read: 'own' }));
    });
    const result = await lodestar('template', 'install', broken, '--allow-destructive');
    expect(result.code).not.toBe(0);
    expect(result.out).toMatch(/error: \d+ problems in the template/);
    expect(result.out).toMatch(/template\.json \/version: .* \[version\]/);
    expect(result.out).toMatch(/schemas\/project\.schema\.json \/required\/\d+: .*budgetCode.* \[\w+\]/);
    expect(result.out).toMatch(
      /workflows\/timesheet-approval\.workflow\.json \/states\/draft\/on\/SUBMIT\S*: .*nowhere.* \[\w+\]/,
    );
    expect(result.out).toMatch(/roles\.json \/roles\/engineer\/entities\/invoice\S*: .* \[\w+\]/);
    expect(await versionCount()).toBe(0);
    expect(await tables()).toEqual([]);
  });

  it('installs project-delivery into a fresh database: dry run first, then one publish recorded with name and version', async () => {
    const dry = await lodestar('template', 'install', TEMPLATE, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Template project-delivery@1.0.0');
    expect(dry.out).toMatch(/Plan against model version 0 \(\d+ steps\):/);
    expect(dry.out).toContain('✓ create table project');
    expect(dry.out).toContain('All steps are safe: apply with `lodestar template install <folder>`.');
    expect(await versionCount()).toBe(0);

    const installed = await lodestar('template', 'install', TEMPLATE);
    expect(installed.code).toBe(0);
    expect(installed.out).toContain('Published model version 1 (project-delivery@1.0.0).');
    expect(await tables()).toEqual(
      expect.arrayContaining(['contact', 'customer', 'milestone', 'project', 'timesheet']),
    );
    const current = await readCurrentVersion(knex());
    expect(current).toMatchObject({ version: 1, source: 'template', note: 'template project-delivery@1.0.0' });
    expect(current!.hash).toBe(hashDefinitionSet((await readFolder(TEMPLATE)).set));
    expect(await knex()('lodestar_seeds').where({ source: 'template:project-delivery' }).first('version')).toEqual({
      version: 1,
    });
    expect(await lodestar('template', 'install', TEMPLATE)).toMatchObject({
      code: 0,
      out: expect.stringContaining('Nothing to do'),
    });
  });

  it('upgrades 1.0.0 → 1.1.0 through the same planner; a destructive upgrade needs --allow-destructive', async () => {
    const v110 = copyTemplate('v1.1.0', (json) => {
      json('template.json', (m) => (m.version = '1.1.0'));
      json(
        'schemas/project.schema.json',
        (s) => (s.properties.riskLevel = { type: 'string', title: 'Risk', enum: ['low', 'high'] }),
      );
    });
    const upgraded = await lodestar('template', 'install', v110);
    expect(upgraded.code).toBe(0);
    expect(upgraded.out).toContain('Template project-delivery: 1.0.0 → 1.1.0');
    expect(upgraded.out).toContain('Plan against model version 1 (1 steps):');
    expect(upgraded.out).toContain('Published model version 2 (project-delivery@1.1.0).');
    expect(await columnsOf('project')).toContain('riskLevel');

    const [customer] = await knex()('customer').insert({ record_type: 'company', name: 'Acme' }).returning('id');
    await knex()('project').insert({
      record_type: 'implementation',
      state: 'initiation',
      name: 'ERP rollout',
      customer: customer.id,
      riskLevel: 'high',
    });
    const v120 = copyTemplate('v1.2.0', (json) => json('template.json', (m) => (m.version = '1.2.0')));
    const planned = await lodestar('template', 'install', v120, '--dry-run');
    expect(planned.out).toMatch(/! DESTRUCTIVE drop column project\.riskLevel.* — .*1/);
    expect(planned.out).toContain('lodestar template install <folder> --allow-destructive');
    const refused = await lodestar('template', 'install', v120);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/destructive step\(s\) need confirmation/);
    expect(await columnsOf('project')).toContain('riskLevel');
    expect(await versionCount()).toBe(2);

    const applied = await lodestar('template', 'install', v120, '--allow-destructive');
    expect(applied.code).toBe(0);
    expect(applied.out).toContain('Published model version 3 (project-delivery@1.2.0).');
    expect(await columnsOf('project')).not.toContain('riskLevel');
    expect(await knex()('project').pluck('name')).toEqual(['ERP rollout']);
  });

  it('exports the published model as a folder that reads back to the same definitions', async () => {
    const out = join(scratch, 'export');
    const exported = await lodestar('template', 'export', '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.out).toContain('as template project-delivery@1.2.0');
    const back = await readFolder(out);
    const current = await readCurrentVersion(knex());
    expect(hashDefinitionSet(back.set)).toBe(current!.hash);
    expect(back.manifest).toMatchObject({
      name: 'project-delivery',
      version: '1.2.0',
      exportedFrom: { modelVersion: 3, hash: current!.hash },
    });
    expect(readFileSync(join(out, 'schemas/project.schema.json'), 'utf8')).toMatch(/^\{\n {2}"/);
    expect(existsSync(join(out, 'roles.json'))).toBe(true);

    const again = await lodestar('template', 'export', '--out', out, '--version', '2.0.0');
    expect(again.code).not.toBe(0);
    expect(again.out).toContain('--force');
    writeFileSync(join(out, 'schemas/stale.schema.json'), '{}');
    expect(
      (await lodestar('template', 'export', '--out', out, '--name', 'pd', '--version', '2.0.0', '--force')).code,
    ).toBe(0);
    expect(existsSync(join(out, 'schemas/stale.schema.json'))).toBe(false);
    expect((await readFolder(out)).manifest).toMatchObject({ name: 'pd', version: '2.0.0' });
    // The exported folder installs as an unchanged model: same definitions, nothing to do.
    expect(await lodestar('template', 'install', out)).toMatchObject({
      code: 0,
      out: expect.stringContaining('Nothing to do'),
    });
  });
});
