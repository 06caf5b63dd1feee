import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchSpec } from '@lodestar/core';
import { migrateEngineTables } from '../src/db/engine-tables.js';
import { readFolder } from '../src/definitions/read-folder.js';
import { publish } from '../src/store/publish.js';
import { ModelCache } from '../src/model/model-cache.js';
import { toInsertSql } from '../src/records/records-repo.js';
import { pinyinTable } from '../src/search/pinyin-table.js';
import { searchDocLiteral } from '../src/search/search-terms.js';
import { searchDocSql } from '../src/search/search-sql.js';
import { keepSearchDocumentsByTrigger } from '../src/search/search-trigger-upgrade.js';
import { indexSearchByOwner } from '../src/search/search-index-upgrade.js';
import { REPO_ROOT } from './support/paths.js';
import { createTestDb, type TestDb } from './support/test-db.js';

/*
 * Search documents are written by the engine when it holds the row and by a trigger otherwise: both must be
 * the document SQL's function computes, or a record would be found or missed depending on how it was written.
 */
let testDb: TestDb;
let cache: ModelCache;
const knex = () => testDb.db.knex;

beforeAll(async () => {
  testDb = await createTestDb('postgres');
  await migrateEngineTables(knex());
  const { set: definitions } = await readFolder(REPO_ROOT);
  await publish(knex(), { definitions, source: 'test' });
  cache = await ModelCache.open(knex());
}, 120_000);
afterAll(() => testDb?.drop());

/** The customer's document as the database function computes it from the row. */
const customerDocSql = () => searchDocSql(cache.current().entities.get('customer')!.table.search!);

/** A seeded generator, so a failure names a case that comes back. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

// Common and rare Chinese (ext. A has no pinyin row), Latin in both cases, digits, punctuation, full-width
// letters, an emoji outside the BMP, quotes and backslashes.
const PIECES = [
  ...'张王李赵刘陈杨黄周吴伟芳娜敏静丽强磊军洋科技华东上海北京深圳有限公司集团贸易重庆长沙銀行㐀㐁',
  ...'ABCxyzQ',
  ...'0123456789',
  ...' -_.,;:()/',
  'Ａ',
  '😀',
  "'",
  '\\',
  '"',
  '138-0013-8000',
  'Zhang Wei',
  'ÉCOLE',
];

function randomValue(next: () => number): string | null {
  if (next() < 0.1) return null;
  const length = Math.floor(next() * 14);
  let value = '';
  for (let i = 0; i < length; i++) value += PIECES[Math.floor(next() * PIECES.length)];
  return value;
}

describe('search documents', () => {
  it('computed by the engine equal the database function for 3,000 random rows of every mode', async () => {
    const pinyinOf = pinyinTable();
    expect(pinyinOf, 'the pinyin table is read when the model cache opens').toBeDefined();
    const spec: SearchSpec = {
      fields: [
        { name: 'a', mode: 'pinyin', type: 'text' },
        { name: 'b', mode: 'text', type: 'text' },
        { name: 'c', mode: 'phone', type: 'text' },
      ],
    };
    const next = random(20261207);
    const rows = Array.from({ length: 3000 }, () => ({
      a: randomValue(next),
      b: randomValue(next),
      c: randomValue(next),
    }));
    const literals = rows.map((row) => searchDocLiteral(spec, row, pinyinOf!));
    const { rows: compared } = await knex().raw(
      `select n, d::tsvector = ${searchDocSql(spec)} as equal, d, ${searchDocSql(spec)}::text as sql
         from unnest(?::text[], ?::text[], ?::text[], ?::text[]) with ordinality as r(a, b, c, d, n)`,
      [rows.map((r) => r.a), rows.map((r) => r.b), rows.map((r) => r.c), literals] as unknown as Knex.RawBinding[],
    );
    const unequal = compared.filter((r: { equal: boolean }) => !r.equal);
    expect(unequal.slice(0, 3)).toEqual([]);
    expect(compared).toHaveLength(3000);
  });

  it('are a plain column kept by a trigger: inserts without one are filled, updates of read columns recompute', async () => {
    const { rows: columns } = await knex().raw(
      `select attgenerated from pg_attribute where attrelid = 'customer'::regclass and attname = 'search_doc'`,
    );
    expect(columns[0].attgenerated).toBe('');
    const expected = customerDocSql();
    const [inserted] = (
      await knex()
        .raw(`insert into customer (record_type, name, "shortName", phone) values ('company', '上海张江科技有限公司', '张江', '021-5080 1234')
        returning id, search_doc::text as doc, ${expected}::text as want`)
    ).rows;
    expect(inserted.doc).toBe(inserted.want);
    expect(inserted.doc).toContain("'b_zj'");

    const [renamed] = (
      await knex().raw(`update customer set "shortName" = '李四' where id = ? returning search_doc::text as doc`, [
        inserted.id,
      ])
    ).rows;
    expect(renamed.doc).toContain("'b_ls'");
    expect(renamed.doc).not.toContain("'b_zj'");

    // An update that sets no column the document reads leaves it alone (a marker survives it).
    await knex().raw(`update customer set search_doc = 'marker' where id = ?`, [inserted.id]);
    const [untouched] = (
      await knex().raw(
        `update customer set industry = 'manufacturing' where id = ? returning search_doc::text as doc`,
        [inserted.id],
      )
    ).rows;
    expect(untouched.doc).toBe("'marker'");
  });

  it('the engine sends with its inserts, and they equal what the trigger would write', async () => {
    const entity = cache.current().entities.get('customer')!;
    const statement = toInsertSql(entity, {
      record_type: 'company',
      name: '北京中关村软件园',
      legalRepresentative: '王伟',
      phone: '13800138000',
    });
    expect(statement.sql).toContain('"search_doc"');
    const [row] = (await knex().raw(statement.sql, statement.bindings)).rows;
    const [{ same }] = (
      await knex().raw(
        `select search_doc = ${customerDocSql()} as same
           from customer where id = ?`,
        [row.id],
      )
    ).rows;
    expect(same).toBe(true);
  });

  it('engine migration 026 turns an earlier engine generated column into the trigger, keeping every document', async () => {
    const expression = customerDocSql();
    await knex().raw('drop trigger customer_search_doc on customer');
    await knex().raw('alter table customer drop column search_doc');
    await knex().raw(`alter table customer add column search_doc tsvector generated always as (${expression}) stored`);
    const before = (await knex().raw('select id, search_doc::text as doc from customer order by id')).rows;

    await keepSearchDocumentsByTrigger(knex());

    const after = (await knex().raw('select id, search_doc::text as doc from customer order by id')).rows;
    expect(after).toEqual(before);
    const { rows } = await knex().raw(
      `select a.attgenerated, (select count(*) from pg_trigger t where t.tgrelid = 'customer'::regclass and t.tgname = 'customer_search_doc') as triggers
         from pg_attribute a where a.attrelid = 'customer'::regclass and a.attname = 'search_doc'`,
    );
    expect(rows[0]).toEqual({ attgenerated: '', triggers: 1 });
    const [again] = (
      await knex().raw(
        `insert into customer (record_type, name) values ('company', '深圳前海') returning search_doc::text as doc`,
      )
    ).rows;
    expect(again.doc).toContain("'a_前海'");
  });

  it('engine migration 029 rebuilds an earlier engine search index over the owner and the document', async () => {
    const definition = async () =>
      (await knex().raw(`select indexdef from pg_indexes where indexname = 'customer_search_doc_gin'`)).rows[0]
        ?.indexdef;
    // The test before this one rebuilt the column as an earlier engine made it, index and all gone.
    await knex().raw('drop index if exists customer_search_doc_gin');
    await knex().raw('create index customer_search_doc_gin on customer using gin (search_doc)');
    await indexSearchByOwner(knex());
    expect(await definition()).toMatch(/gin \(owner_id, search_doc\)/);
    await indexSearchByOwner(knex()); // once is enough: a second run changes nothing
    expect(await definition()).toMatch(/gin \(owner_id, search_doc\)/);
  });
});
