import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateEngineTables } from '../src/db/engine-tables.js';
import { upgradeOwnerIndexes } from '../src/db/owner-indexes.js';
import { readFolder } from '../src/definitions/read-folder.js';
import { publish } from '../src/store/publish.js';
import { REPO_ROOT } from './support/paths.js';
import { createTestDb, type TestDb } from './support/test-db.js';

/* An installation published by an engine that created (owner_id) indexes gets the owner-leading ones. */
let testDb: TestDb;
const indexesOf = async (table: string) =>
  (
    await testDb.db.knex.raw('select indexname from pg_indexes where tablename = ? order by indexname', [table])
  ).rows.map((r: { indexname: string }) => r.indexname);

beforeAll(async () => {
  testDb = await createTestDb('postgres');
  await migrateEngineTables(testDb.db.knex);
  const { set: definitions } = await readFolder(REPO_ROOT);
  await publish(testDb.db.knex, { definitions, source: 'test' });
});
afterAll(() => testDb?.drop());

describe('the owner-index upgrade', () => {
  it('publishing the default template creates (owner_id, id) and owner twins of declared indexes', async () => {
    const customer = await indexesOf('customer');
    expect(customer).toContain('customer_owner_id_id_idx');
    expect(customer).toContain('customer_owner_id_industry_region_annualRevenue_idx');
    expect(customer).not.toContain('customer_owner_id_idx');
  });

  it('replaces an older engine’s (owner_id) index, and is idempotent', async () => {
    const knex = testDb.db.knex;
    await knex.raw('drop index customer_owner_id_id_idx');
    await knex.raw('drop index "customer_owner_id_industry_region_annualRevenue_idx"');
    await knex.raw('create index customer_owner_id_idx on customer (owner_id)');
    await upgradeOwnerIndexes(knex);
    await upgradeOwnerIndexes(knex);
    const customer = await indexesOf('customer');
    expect(customer).toContain('customer_owner_id_id_idx');
    expect(customer).toContain('customer_owner_id_industry_region_annualRevenue_idx');
    expect(customer).not.toContain('customer_owner_id_idx');
    const columns = await knex.raw("select indexdef from pg_indexes where indexname = 'customer_owner_id_id_idx'");
    expect(columns.rows[0].indexdef).toMatch(/\(owner_id, id\)/);
  });
});
