import type { Knex } from 'knex';
import { pinyin } from 'pinyin-pro';
import { SEARCH_FUNCTIONS_SQL } from './search-sql.js';

/**
 * Engine migration 014_search. `lodestar_pinyin` holds each common Chinese character's usual reading
 * (from pinyin-pro, without tones; ü as v), so the database can write pinyin terms into search documents
 * by itself: a trigger keeps the document on every write path (records, lines, imports, workflow actions)
 * that does not bring it, with no hook to forget. The functions are IMMUTABLE (a publish computes every
 * row's document as a generated column first); the table is filled once here and never changes. Idempotent: a plan's setSearch
 * step calls it too, for databases whose engine tables were never migrated (the planner's own tests).
 */
export async function createSearchTables(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('lodestar_pinyin'))) {
    await knex.schema.createTable('lodestar_pinyin', (t) => {
      t.text('ch').primary();
      t.text('syllable').notNullable();
    });
    const rows: { ch: string; syllable: string }[] = [];
    for (let code = 0x4e00; code <= 0x9fff; code++) {
      const ch = String.fromCharCode(code);
      const syllable = pinyin(ch, { toneType: 'none' }).replaceAll('ü', 'v');
      if (/^[a-z]+$/.test(syllable)) rows.push({ ch, syllable });
    }
    for (let i = 0; i < rows.length; i += 2000) await knex('lodestar_pinyin').insert(rows.slice(i, i + 2000));
  }
  for (const sql of SEARCH_FUNCTIONS_SQL) await knex.raw(sql);
}

/** The search functions, unless the engine's migration made them already. */
export async function ensureSearchFunctions(knex: Knex): Promise<void> {
  const found = await knex.raw(`select to_regproc('lodestar_search_fill') is not null as present`);
  if (!found.rows[0]?.present) await createSearchTables(knex);
}
