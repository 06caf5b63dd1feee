import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './support/paths.js';
import { cliRunner } from './support/cli.js';
import { CLI } from './support/engine-process.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';

let testDb: TestDb;
const folder = mkdtempSync(join(tmpdir(), 'lodestar-cli-'));

const lodestar = cliRunner(() => ({ dir: folder, databaseUrl: testDb.url }));

const writeSchema = (name: string, schema: unknown) =>
  writeFileSync(join(folder, 'schemas', `${name}.schema.json`), JSON.stringify(schema, null, 2));
const readSchema = (name: string) => JSON.parse(readFileSync(join(folder, 'schemas', `${name}.schema.json`), 'utf8'));

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('engine/dist is missing: run `npm test` (it builds) or `npx tsc -b` first');
  testDb = await createPostgresDb();
  cpSync(join(FIXTURES, 'small-crm'), folder, { recursive: true });
});
afterAll(async () => {
  await testDb?.drop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the lodestar CLI', () => {
  it('plans an empty database without changing it, then migrates', async () => {
    const plan = await lodestar('plan');
    expect(plan.code).toBe(0);
    expect(plan.out).toMatch(/create table customer/);
    expect(await testDb.db.knex.schema.hasTable('customer')).toBe(false);
    const migrate = await lodestar('migrate');
    expect(migrate.code).toBe(0);
    expect(migrate.out).toMatch(/Published model version 1/);
    expect(await lodestar('migrate')).toMatchObject({ code: 0, out: expect.stringMatching(/Nothing to do/) });
  });

  it('creates a table for a new schema file', async () => {
    writeSchema('deal', {
      $id: 'deal',
      title: 'Deal',
      type: 'object',
      'x-entity': { titleField: 'name' },
      properties: { name: { type: 'string' }, amount: { type: 'number', 'x-currency': 'CNY' } },
      required: ['name'],
    });
    expect((await lodestar('migrate')).code).toBe(0);
    expect(await testDb.db.knex.schema.hasColumn('deal', 'amount')).toBe(true);
  });

  it('refuses a destructive change without --allow-destructive and keeps the data', async () => {
    await testDb.db.knex('contact').insert({ name: 'Han Meimei', email: 'han@example.cn' });
    const contact = readSchema('contact');
    delete contact.properties.email;
    writeSchema('contact', contact);
    const refused = await lodestar('migrate');
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/drop column contact\.email/);
    expect(await testDb.db.knex('contact').pluck('email')).toEqual(['han@example.cn']);
    expect((await lodestar('migrate', '--allow-destructive')).code).toBe(0);
    expect(await testDb.db.knex.schema.hasColumn('contact', 'email')).toBe(false);
  });

  it('rejects a broken definition naming file, pointer and rule', async () => {
    writeSchema('broken', {
      $id: 'broken',
      title: 'Broken',
      type: 'object',
      'x-entity': { titleField: 'missing' },
      properties: { a: { type: 'string' } },
    });
    const result = await lodestar('plan');
    expect(result.code).not.toBe(0);
    expect(result.out).toContain('schemas/broken.schema.json /x-entity/titleField');
    expect(result.out).toContain('[unknownField]');
    rmSync(join(folder, 'schemas/broken.schema.json'));
  });

  it('writes TypeScript types for every entity', async () => {
    const out = join(folder, 'types.ts');
    const result = await lodestar('types', '-o', out);
    expect(result.code).toBe(0);
    const types = readFileSync(out, 'utf8');
    for (const name of ['Customer', 'Contact', 'Deal']) expect(types).toMatch(new RegExp(`interface ${name}\\b`));
  });
});
