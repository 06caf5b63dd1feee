import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInstalled } from '../src/versions/installed-templates.js';
import { cliRunner } from './support/cli.js';
import { CLI } from './support/engine-process.js';
import { FIXTURES, REPO_ROOT } from './support/paths.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';

/*
 * `lodestar template install` with add-ons, as a consultant runs it: the standard CRM seeded from the
 * definitions folder (`lodestar migrate`), then two add-ons one after the other, a conflict refused, an
 * upgrade that drops a field, and the export of the whole model.
 */
const scratch = mkdtempSync(join(tmpdir(), 'lodestar-addons-cli-'));
const definitions = join(scratch, 'crm');
for (const part of ['schemas', 'workflows', 'roles.json', 'template.json'])
  cpSync(join(REPO_ROOT, part), join(definitions, part), { recursive: true });
let testDb: TestDb;
const lodestar = cliRunner(() => ({ dir: definitions, databaseUrl: testDb.url }));
const knex = () => testDb.db.knex;
const versionCount = async () => Number((await knex()('lodestar_model_versions').count({ n: '*' }))[0]!.n);
const columnsOf = async (table: string) =>
  knex()('information_schema.columns').where({ table_name: table }).pluck('column_name');

/** A copy of a fixture add-on in the scratch folder, its JSON files edited (undefined removes the file). */
function copyAddon(from: string, name: string, edit: (file: string, value: Record<string, unknown>) => unknown) {
  const folder = join(scratch, name);
  cpSync(join(FIXTURES, 'addons', from), folder, { recursive: true });
  const files = (dir: string) =>
    readdirSync(join(folder, dir), { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith('.json'))
      .map((f) => join(f.parentPath, f.name).slice(folder.length + 1));
  for (const file of files('.')) {
    const next = edit(file, JSON.parse(readFileSync(join(folder, file), 'utf8')));
    if (next === undefined) rmSync(join(folder, file));
    else writeFileSync(join(folder, file), JSON.stringify(next, null, 2));
  }
  return folder;
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('engine/dist is missing: run `npm test` (it builds) or `npx tsc -b` first');
  testDb = await createPostgresDb();
});
afterAll(async () => {
  await testDb?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('lodestar template install with add-ons', () => {
  it('installs competitors then campaigns on the standard CRM seeded from the folder, keeping its records', async () => {
    expect((await lodestar('migrate')).code).toBe(0);
    const [customer] = await knex()('customer')
      .insert({ record_type: 'company', name: '华东精密机械有限公司', industry: 'manufacturing' })
      .returning('id');

    const dry = await lodestar('template', 'install', join(FIXTURES, 'addons/competitors'), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Template competitors@1.0.0');
    expect(dry.out).toContain('✓ create table competitor');
    expect(dry.out).toContain('All steps are safe');
    expect(await versionCount()).toBe(1);

    const first = await lodestar('template', 'install', join(FIXTURES, 'addons/competitors'));
    expect(first.code).toBe(0);
    expect(first.out).toContain('Published model version 2 (competitors@1.0.0).');
    const second = await lodestar('template', 'install', join(FIXTURES, 'addons/campaigns'), '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({
      status: 'published',
      version: 3,
      template: { name: 'campaigns', version: '1.0.0' },
      extends: ['lodestar-standard'],
    });
    expect(await columnsOf('customer')).toEqual(expect.arrayContaining(['incumbentVendor', 'campaign']));
    expect(await knex()('customer').where({ id: customer.id }).first('name')).toEqual({ name: '华东精密机械有限公司' });
    expect(await knex()('lodestar_addons').orderBy('name').pluck('name')).toEqual(['campaigns', 'competitors']);
  });

  it('refuses an add-on that adds a field the model has, naming file, pointer and rule, and changes nothing', async () => {
    const rival = copyAddon('competitors', 'rival', (file, value) => {
      if (file === 'template.json') return { ...value, name: 'rival', extends: 'lodestar-pro' };
      if (file === 'schemas/customer.extend.json') return { $id: 'customer', properties: { name: { type: 'string' } } };
      if (file === 'schemas/competitor.schema.json') return undefined;
      if (file === 'roles.json') return undefined;
      return value;
    });
    const result = await lodestar('template', 'install', rival);
    expect(result.code).not.toBe(0);
    expect(result.out).toMatch(/problems? in the add-on/);
    expect(result.out).toMatch(/template\.json \/extends: .*lodestar-pro.* \[extendsMissing\]/);
    expect(result.out).toMatch(/schemas\/customer\.extend\.json \/properties\/name: .* \[addonConflict\]/);
    // Its opportunity.competitors is the very field competitors added: identical additions are shared, not conflicts.
    expect(result.out).toContain('error: 2 problems in the add-on');
    expect(await versionCount()).toBe(3);
  });

  it('upgrades competitors to 1.1.0: the field it drops needs --allow-destructive, then it is gone and the rest stays', async () => {
    const next = copyAddon('competitors', 'competitors-1.1.0', (file, value) => {
      if (file === 'template.json') return { ...value, version: '1.1.0' };
      if (file === 'schemas/customer.extend.json') return undefined;
      return value;
    });
    const planned = await lodestar('template', 'install', next, '--dry-run');
    expect(planned.out).toContain('Template competitors: 1.0.0 → 1.1.0');
    expect(planned.out).toMatch(/! DESTRUCTIVE drop column customer\.incumbentVendor/);
    const refused = await lodestar('template', 'install', next);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/destructive step\(s\) need confirmation/);
    expect(await columnsOf('customer')).toContain('incumbentVendor');

    const applied = await lodestar('template', 'install', next, '--allow-destructive');
    expect(applied.code).toBe(0);
    expect(applied.out).toContain('Published model version 4 (competitors@1.1.0).');
    expect(await columnsOf('customer')).not.toContain('incumbentVendor');
    expect(await columnsOf('customer')).toContain('campaign');
    expect(Number((await knex()('customer').count({ n: '*' }))[0]!.n)).toBe(1);
    expect(await knex()('lodestar_addons').where({ name: 'competitors' }).first('version', 'model_version')).toEqual({
      version: '1.1.0',
      model_version: 4,
    });
  });

  it('exports the whole model, add-ons merged in', async () => {
    const out = join(scratch, 'export');
    const exported = await lodestar('template', 'export', '--out', out);
    expect(exported.code).toBe(0);
    const schemas = readdirSync(join(out, 'schemas'));
    expect(schemas).toEqual(expect.arrayContaining(['campaign.schema.json', 'competitor.schema.json']));
    expect(schemas.some((name) => name.endsWith('.extend.json'))).toBe(false);
    const opportunity = JSON.parse(readFileSync(join(out, 'schemas/opportunity.schema.json'), 'utf8'));
    expect(Object.keys(opportunity.properties)).toEqual(expect.arrayContaining(['competitors', 'campaign']));
  });

  it('a migrate that publishes the definitions folder again replaces the model: no add-on is installed then', async () => {
    expect((await readInstalled(knex(), definitions)).addons.map((row) => row.name)).toEqual([
      'campaigns',
      'competitors',
    ]);
    // An unchanged folder is a no-op for migrate; a changed one is published as the whole model.
    const file = join(definitions, 'schemas/activity.schema.json');
    writeFileSync(
      file,
      JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), description: 'Calls and visits.' }),
    );
    const migrated = await lodestar('migrate', '--allow-destructive');
    expect(migrated.code).toBe(0);
    const after = await readInstalled(knex(), definitions);
    expect(after.base).toMatchObject({ name: 'lodestar-standard', kind: 'model', modelVersion: 5 });
    expect(after.addons).toEqual([]);
    expect(await columnsOf('customer')).not.toContain('campaign');
  });
});
