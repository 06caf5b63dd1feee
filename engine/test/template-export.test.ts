import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFolder } from '../src/definitions/read-folder.js';
import { readCurrentVersion } from '../src/db/definitions-repo.js';
import { cliRunner, copyTemplate as copyFromTemplate } from './support/cli.js';
import { CLI } from './support/engine-process.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';

/*
 * Templates as a Chinese consultant names them ("华东制造业CRM", version "1.0"), exported and installed
 * with the CLI as a process; a broken template lists every problem in one run.
 */
const scratch = mkdtempSync(join(tmpdir(), 'lodestar-template-export-'));
let testDb: TestDb;
const lodestar = cliRunner(() => ({ dir: scratch, databaseUrl: testDb.url }));
const knex = () => testDb.db.knex;
const versionCount = async () => Number((await knex()('lodestar_model_versions').count({ n: '*' }))[0]!.n);

const copyTemplate = (name: string, edit: Parameters<typeof copyFromTemplate>[2]) =>
  copyFromTemplate(scratch, name, edit);

/** The issue lines the CLI prints: `  <file> <pointer>: <message> [<rule>]`. */
const issueLines = (out: string) => out.split('\n').filter((line) => /^ {2}\S.*\[\w+\]$/.test(line));

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('engine/dist is missing: run `npm test` (it builds) or `npx tsc -b` first');
  testDb = await createPostgresDb();
});
afterAll(async () => {
  await testDb?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a template named in Chinese', () => {
  it('lists every problem of a broken template in one dry run, a field broken in shape not hiding the rest of its schema', async () => {
    const broken = copyTemplate('broken', (json) => {
      json('template.json', (m) => (m.version = 'latest'));
      json('schemas/project.schema.json', (s) => {
        s.properties.code.maxLength = 'long'; // a shape error in one field…
        s.required.push('budgetCode'); // …and an unknown required field in the same schema
      });
      json('workflows/timesheet-approval.workflow.json', (w) => (w.states.draft.on.SUBMIT.target = 'nowhere'));
      json('roles.json', (r) => (r.roles.engineer.entities.invoice = { read: 'own' }));
    });
    const result = await lodestar('template', 'install', broken, '--dry-run');
    expect(result.code).not.toBe(0);
    const lines = issueLines(result.out);
    expect(lines).toEqual([
      expect.stringMatching(/^ {2}template\.json \/version: .* \[version\]$/),
      expect.stringMatching(/^ {2}schemas\/project\.schema\.json \/properties\/code\/maxLength: .* \[type\]$/),
      expect.stringMatching(/^ {2}schemas\/project\.schema\.json \/required\/\d+: .*budgetCode.* \[unknownField\]$/),
      expect.stringMatching(
        /^ {2}workflows\/timesheet-approval\.workflow\.json \/states\/draft\/on\/SUBMIT\S*: .*nowhere.* \[\w+\]$/,
      ),
      expect.stringMatching(/^ {2}roles\.json \/roles\/engineer\/entities\/invoice: .* \[unknownEntity\]$/),
    ]);
    expect(result.out).toContain(`error: ${lines.length} problems in the template`);
    // The broken field is still a field: workflows on the entity are not told it does not exist.
    expect(result.out).not.toMatch(/entity "project" does not exist/);
    expect(await versionCount()).toBe(0);
  });

  it('installs and exports a template named "华东制造业CRM" at version "1.0", and the export keeps the name', async () => {
    const named = copyTemplate('named', (json) =>
      json('template.json', (m) => Object.assign(m, { name: '华东制造业CRM', version: '1.0' })),
    );
    const installed = await lodestar('template', 'install', named);
    expect(installed.code, installed.out).toBe(0);
    expect(installed.out).toContain('Published model version 1 (华东制造业CRM@1.0).');
    expect(await readCurrentVersion(knex())).toMatchObject({ note: 'template 华东制造业CRM@1.0' });
    expect(await knex()('lodestar_seeds').where({ source: 'template:华东制造业CRM' }).first('version')).toEqual({
      version: 1,
    });

    const out = join(scratch, 'export');
    const exported = await lodestar('template', 'export', '--out', out);
    expect(exported.code, exported.out).toBe(0);
    expect((await readFolder(out)).manifest).toMatchObject({ name: '华东制造业CRM', version: '1.0' });

    const renamed = join(scratch, 'export-2');
    const again = await lodestar(
      'template',
      'export',
      '--out',
      renamed,
      '--name',
      '华东 制造业 CRM（二期）',
      '--version',
      '1.1',
    );
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain('as template 华东 制造业 CRM（二期）@1.1');
    expect((await readFolder(renamed)).manifest).toMatchObject({ name: '华东 制造业 CRM（二期）', version: '1.1' });
  });

  it('refuses an unusable name and version with each problem listed, not only counted', async () => {
    const refused = await lodestar(
      'template',
      'export',
      '--out',
      join(scratch, 'never'),
      '--name',
      'a\nb',
      '--version',
      'v1',
    );
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain('error: 2 problems in the template name or version');
    expect(issueLines(refused.out)).toEqual([
      expect.stringMatching(/^ {2}template\.json \/name: .* \[name\]$/),
      expect.stringMatching(/^ {2}template\.json \/version: .*"1\.0".* \[version\]$/),
    ]);
    expect(existsSync(join(scratch, 'never'))).toBe(false);
  });
});
