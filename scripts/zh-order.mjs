// Writes engine/src/records/zh-order.json: every BMP Han character (Extension A and the URO) in the order of
// ICU's `zh` collation (pinyin), read from a PostgreSQL built with ICU. The engine builds the same
// collation from these characters as ICU rules where the database has no `zh` data (PGlite).
// Usage: node scripts/zh-order.mjs [postgres-url]
import { writeFileSync } from 'node:fs';
import pg from 'pg';

const url = process.argv[2] ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows } = await client.query(
  `select string_agg(c, '' order by c collate "zh-x-icu", cp) as chars, version() as pg
     from (select chr(cp) as c, cp from generate_series(x'3400'::int, x'4dbf'::int) cp
           union all select chr(cp), cp from generate_series(x'4e00'::int, x'9fff'::int) cp) s`,
);
const { rows: icu } = await client.query(`select collversion from pg_collation where collname = 'zh-x-icu'`);
await client.end();
const out = { icu: icu[0].collversion, chars: rows[0].chars };
writeFileSync(new URL('../engine/src/records/zh-order.json', import.meta.url), JSON.stringify(out) + '\n');
console.log(`${[...out.chars].length} characters, ICU collation version ${out.icu}`);
