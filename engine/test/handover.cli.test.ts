import { existsSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type UserJson } from '../src/identity/users.js';
import { cliRunner } from './support/cli.js';
import { CLI } from './support/engine-process.js';
import { writeHandoverDefinitions } from './support/handover-definitions.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';

let testDb: TestDb;
let seller: UserJson;
let successor: UserJson;
const folder = writeHandoverDefinitions();
const lodestar = cliRunner(() => ({ dir: folder, databaseUrl: testDb.url }));
const knex = () => testDb.db.knex;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('engine/dist is missing: run `npm test` (it builds) or `npx tsc -b` first');
  testDb = await createPostgresDb();
  expect((await lodestar('migrate')).code).toBe(0);
  const user = (email: string) => createUser(knex(), { email, password: 'a long enough password' });
  [seller, successor] = [await user('leaver@example.com'), await user('successor@example.com')];
  await knex()('account').insert([
    { name: 'Acme', owner_id: seller.id },
    { name: 'Globex', owner_id: seller.id },
  ]);
  await knex()('deal').insert([
    { name: 'open', record_type: 'newBusiness', state: 'lead', owner_id: seller.id },
    { name: 'won', record_type: 'newBusiness', state: 'won', owner_id: seller.id },
  ]);
});
afterAll(async () => {
  await testDb?.drop();
  rmSync(folder, { recursive: true, force: true });
});

const ownerOf = async (entity: string, name: string) =>
  (await knex()(entity).where({ name }).first('owner_id', 'version')) as { owner_id: string; version: number };

describe('lodestar handover', () => {
  it('counts in a dry run, changing nothing', async () => {
    const result = await lodestar(
      'handover',
      '--from',
      'leaver@example.com',
      '--to',
      'successor@example.com',
      '--dry-run',
    );
    expect(result.code, result.out).toBe(0);
    expect(result.out).toContain('Dry run: leaver@example.com owns these records; nothing was changed.');
    expect(result.out).toMatch(/account\s+2\n\s+deal\s+2\n\s+task\s+0\n\s+total\s+4/);
    expect(await ownerOf('account', 'Acme')).toEqual({ owner_id: seller.id, version: 1 });
  });

  it('moves only open records of the listed entities with --entity and --open-only', async () => {
    const result = await lodestar(
      'handover',
      '--from',
      'leaver@example.com',
      '--to',
      'successor@example.com',
      '--entity',
      'deal',
      '--open-only',
    );
    expect(result.code, result.out).toBe(0);
    expect(result.out).toContain('Handed over open records from leaver@example.com to successor@example.com:');
    expect(result.out).toMatch(/deal\s+1\n\s+total\s+1/);
    expect(await ownerOf('deal', 'open')).toEqual({ owner_id: successor.id, version: 2 });
    expect(await ownerOf('deal', 'won')).toEqual({ owner_id: seller.id, version: 1 });
    expect(await ownerOf('account', 'Acme')).toEqual({ owner_id: seller.id, version: 1 });
  });

  it('moves everything else, one audit row per record with the engine as actor', async () => {
    const result = await lodestar('handover', '--from', 'leaver@example.com', '--to', 'successor@example.com');
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/account\s+2\n\s+deal\s+1\n\s+task\s+0\n\s+total\s+3/);
    const rows = await knex()('lodestar_audit').where({ action: 'handover' });
    expect(rows).toHaveLength(4);
    for (const row of rows)
      expect(row).toMatchObject({ actor_id: null, changes: { owner_id: [seller.id, successor.id] } });
  });

  it('fails naming the problem: unknown entity, unknown or inactive user', async () => {
    const unknown = await lodestar(
      'handover',
      '--from',
      'leaver@example.com',
      '--to',
      'successor@example.com',
      '--entity',
      'invoice',
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.out).toContain('/entities/0: "invoice" is not an entity of the published model');
    await knex()('lodestar_users').where({ id: successor.id }).update({ active: false });
    const inactive = await lodestar('handover', '--from', 'successor@example.com', '--to', 'nobody@example.com');
    expect(inactive.code).not.toBe(0);
    expect(inactive.out).toContain('/toEmail: must be an existing user');
    const back = await lodestar('handover', '--from', 'leaver@example.com', '--to', 'successor@example.com');
    expect(back.out).toContain('/toEmail: successor@example.com is deactivated');
  });
});
