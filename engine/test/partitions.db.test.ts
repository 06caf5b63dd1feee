import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { archivePartitions } from '../src/cli/commands/archive.js';
import { migrateEngineTables } from '../src/db/engine-tables.js';
import { ensureMonthPartitions, maintainPartitions, monthOf, monthPartitions } from '../src/db/partitions.js';
import { createTestDb, type DbKind, type TestDb } from './support/test-db.js';

/*
 * Engine migration 028 partitions history and audit by month without copying them: a database an earlier
 * engine filled keeps every row and id, audit stays append-only on the parent and every partition, and the
 * webhook capture trigger still fires.
 */
const RECORD = '0b000000-0000-4000-8000-00000000000b';
const rows = async (knex: Knex, sql: string, bindings: unknown[] = []) =>
  (await knex.raw(sql, bindings as Knex.RawBinding[])).rows as Record<string, unknown>[];

async function refused(knex: Knex, sql: string): Promise<string> {
  try {
    await knex.raw(sql);
  } catch (error) {
    return (error as Error).message;
  }
  return 'allowed';
}

describe.each<DbKind>(['postgres', 'pglite'])('partitioned history and audit on %s', (kind) => {
  let testDb: TestDb;
  const knex = () => testDb.db.knex;

  beforeAll(async () => {
    testDb = await createTestDb(kind);
    // A database as the previous engine left it, with history and audit of earlier months and a webhook armed.
    await migrateEngineTables(knex(), { upTo: '026_search_documents_by_trigger' });
    await knex().raw(
      `insert into lodestar_history (entity, record_id, workflow, to_state, event, model_version, at)
       select 'deal', ?, 'sales', 's' || g, 'go', 1, now() - g * interval '20 days' from generate_series(1, 30) g`,
      [RECORD],
    );
    await knex().raw(
      `insert into lodestar_audit (entity, record_id, action, at)
       select 'deal', ?, 'update', now() - g * interval '20 days' from generate_series(1, 30) g`,
      [RECORD],
    );
    await knex().raw(
      `insert into lodestar_webhook_subscriptions (name, url, entities, events, secret)
       values ('erp', 'http://127.0.0.1:9/x', '{deal}', '{created,updated}', 's')`,
    );
    await knex().raw('select lodestar_webhooks_sync()');
    await migrateEngineTables(knex());
  }, 120_000);
  afterAll(() => testDb?.drop());

  it('keeps every row and the id sequence, in a partition of everything before next month', async () => {
    for (const table of ['lodestar_history', 'lodestar_audit']) {
      const [kind] = await rows(knex(), `select relkind from pg_class where relname = ?`, [table]);
      expect(kind!.relkind).toBe('p');
      const [count] = await rows(knex(), `select count(*)::int as n, max(id)::int as max from ${table}`);
      expect(count).toEqual({ n: 30, max: 30 });
      const parts = await monthPartitions(knex(), table);
      expect(parts).toEqual([
        {
          table,
          name: `${table}_upto_${monthOf(new Date(), 1).replace('-', '')}`,
          from: null,
          until: monthOf(new Date(), 1),
        },
      ]);
    }
    const [next] = await rows(
      knex(),
      `insert into lodestar_history (entity, record_id, workflow, to_state, event, model_version)
       values ('deal', ?, 'sales', 'won', 'win', 1) returning id::int as id`,
      [RECORD],
    );
    expect(next!.id).toBe(31);
  });

  it('creates this month and three ahead at start, once; a second run creates nothing', async () => {
    const created = await maintainPartitions(knex());
    expect(created?.created).toEqual(
      ['lodestar_audit', 'lodestar_history'].flatMap((t) =>
        [1, 2, 3].map((i) => `${t}_p${monthOf(new Date(), i).replace('-', '')}`),
      ),
    );
    expect((await maintainPartitions(knex()))?.created).toEqual([]);
  });

  it('refuses update, delete and truncate of audit on the parent and on every partition', async () => {
    const parts = [
      'lodestar_audit',
      'lodestar_audit_default',
      ...(await monthPartitions(knex(), 'lodestar_audit')).map((p) => p.name),
    ];
    expect(parts.length).toBe(6);
    // Row triggers fire per row: every partition gets one (months ahead, and 2040 for the default).
    for (const i of [1, 2, 3])
      await knex().raw(`insert into lodestar_audit (entity, record_id, action, at) values ('deal', ?, 'update', ?)`, [
        RECORD,
        new Date(`${monthOf(new Date(), i)}-02T00:00:00Z`),
      ]);
    await knex().raw(
      `insert into lodestar_audit (entity, record_id, action, at) values ('deal', ?, 'update', '2040-01-01')`,
      [RECORD],
    );
    for (const table of parts) {
      const [held] = await rows(knex(), `select count(*)::int as n from only ${table}`);
      if (table !== 'lodestar_audit') expect(held!.n).toBeGreaterThan(0);
      expect(await refused(knex(), `update ${table} set action = 'x'`)).toMatch(/append-only: UPDATE/);
      expect(await refused(knex(), `delete from ${table}`)).toMatch(/append-only: DELETE/);
      expect(await refused(knex(), `truncate ${table}`)).toMatch(/append-only: TRUNCATE/);
    }
    const [count] = await rows(knex(), `select count(*)::int as n from lodestar_audit`);
    expect(count!.n).toBe(34);
  });

  it('still turns audit rows into webhook outbox rows', async () => {
    await knex().raw(
      `insert into lodestar_audit (entity, record_id, action, changes) values ('deal', ?, 'update', '{"a":[1,2]}')`,
      [RECORD],
    );
    const [count] = await rows(knex(), `select count(*)::int as n from lodestar_outbox where kind = 'change'`);
    expect(count!.n).toBe(1);
  });

  it('reads a record history through each partition index', async () => {
    // A few rows make a sequential scan cheapest: forbid it, so only a missing index can produce one.
    const plan = await knex().transaction(async (trx) => {
      await trx.raw('set local enable_seqscan = off');
      return rows(
        trx,
        `explain (format json) select * from lodestar_history where entity = 'deal' and record_id = ? order by id`,
        [RECORD],
      );
    });
    expect(JSON.stringify(plan)).not.toMatch(/"Seq Scan"/);
  });

  it('keeps a month whose rows reached the default partition there, and says so', async () => {
    const far = new Date(Date.UTC(2031, 4, 10));
    await knex().raw(
      `insert into lodestar_history (entity, record_id, workflow, to_state, event, model_version, at)
       values ('deal', ?, 'sales', 'later', 'go', 1, ?)`,
      [RECORD, far],
    );
    const warnings: object[] = [];
    const log = { warn: (details: object) => warnings.push(details), info: () => undefined };
    const created = await ensureMonthPartitions(knex(), { now: far, ahead: 1, log });
    expect(created).toEqual(['lodestar_audit_p203105', 'lodestar_audit_p203106', 'lodestar_history_p203106']);
    expect(warnings).toMatchObject([{ table: 'lodestar_history', month: '2031-05' }]);
    const [inDefault] = await rows(knex(), `select count(*)::int as n from lodestar_history_default`);
    expect(inDefault!.n).toBe(1);
  });

  it('drops history partitions past the retention setting and keeps audit', async () => {
    const later = new Date(Date.UTC(2032, 0, 15));
    const result = await maintainPartitions(knex(), { now: later, ahead: 0, retention: { history: 12 } });
    expect(result?.dropped.every((name) => name.startsWith('lodestar_history_'))).toBe(true);
    expect(result?.dropped).toContain(`lodestar_history_upto_${monthOf(new Date(), 1).replace('-', '')}`);
    expect(result?.dropped).not.toContain('lodestar_history_p203106');
    const [count] = await rows(knex(), `select count(*)::int as n from lodestar_audit`);
    expect(count!.n).toBe(35);
    // The sequence belongs to the parent: dropping the converted table kept it.
    const [next] = await rows(
      knex(),
      `insert into lodestar_history (entity, record_id, workflow, to_state, event, model_version)
       values ('deal', ?, 'sales', 'won', 'win', 1) returning id::int as id`,
      [RECORD],
    );
    expect(next!.id).toBe(33);
  });
});

describe.each<DbKind>(['postgres', 'pglite'])('lodestar archive on %s', (kind) => {
  let testDb: TestDb;
  let dir: string;
  const knex = () => testDb.db.knex;
  const later = new Date(Date.UTC(2030, 2, 5));

  beforeAll(async () => {
    testDb = await createTestDb(kind);
    dir = mkdtempSync(join(tmpdir(), 'lodestar-archive-'));
    await migrateEngineTables(knex());
    await ensureMonthPartitions(knex(), { now: new Date(Date.UTC(2030, 0, 1)), ahead: 2 });
    for (const at of ['2030-01-15T08:00:00Z', '2030-01-20T08:00:00Z', '2030-02-10T08:00:00Z']) {
      await knex().raw(
        `insert into lodestar_history (entity, record_id, workflow, to_state, event, model_version, comment, at)
         values ('deal', ?, 'sales', 'won', 'win', 1, 'said "yes", then
left', ?)`,
        [RECORD, at],
      );
      await knex().raw(`insert into lodestar_audit (entity, record_id, action, at) values ('deal', ?, 'update', ?)`, [
        RECORD,
        at,
      ]);
    }
  }, 120_000);
  afterAll(async () => {
    await testDb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses audit without --include-audit, a month not yet ended and a table that is not partitioned', async () => {
    const refusal = (table: string, before: string) =>
      archivePartitions(testDb.db, table, { before, to: dir }, 'en', later).then(
        () => 'archived',
        (error: Error) => error.message,
      );
    expect(await refusal('audit', '2030-02')).toMatch(/--include-audit/);
    expect(await refusal('history', '2030-04')).toMatch(/only months that have ended/);
    expect(await refusal('outbox', '2030-02')).toMatch(/not a table partitioned by month; these are: audit, history/);
    expect(await refusal('history', '2030-2')).toMatch(/YYYY-MM/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes each whole month before --before to a gzip CSV file and drops it; later months stay', async () => {
    const done = await archivePartitions(testDb.db, 'history', { before: '2030-02', to: dir }, 'en', later);
    expect(done.map((d) => [d.partition, d.rows])).toEqual([
      [`lodestar_history_upto_${monthOf(new Date(), 1).replace('-', '')}`, 0],
      ['lodestar_history_p203001', 2],
    ]);
    const csv = gunzipSync(readFileSync(join(dir, 'lodestar_history_p203001.csv.gz'))).toString();
    expect(csv.split('\n')[0]).toMatch(/^id,entity,record_id,/);
    expect(csv).toContain('"said ""yes"", then\nleft"');
    expect(csv).toContain('2030-01-20 08:00:00+00');
    expect(readdirSync(dir).sort()).toEqual(done.map((d) => `${d.partition}.csv.gz`).sort());
    const left = await rows(knex(), `select to_char(at at time zone 'UTC', 'YYYY-MM') as month from lodestar_history`);
    expect(left).toEqual([{ month: '2030-02' }]);
    expect((await monthPartitions(knex(), 'lodestar_history')).map((p) => p.name)).toEqual([
      'lodestar_history_p203002',
      'lodestar_history_p203003',
    ]);
  });

  it('archives audit with --include-audit', async () => {
    const done = await archivePartitions(
      testDb.db,
      'audit',
      { before: '2030-02', to: dir, includeAudit: true },
      'en',
      later,
    );
    expect(done.map((d) => d.rows)).toEqual([0, 2]);
    const [count] = await rows(knex(), `select count(*)::int as n from lodestar_audit`);
    expect(count!.n).toBe(1);
  });
});
