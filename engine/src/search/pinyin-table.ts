import type { Knex } from 'knex';
import { PINYIN_ROWS_SQL } from './search-sql.js';
import type { PinyinOf } from './search-terms.js';

/*
 * The engine's copy of `lodestar_pinyin` (engine migration 014), read once per process: search documents
 * computed here must read characters exactly as the database's function does, and the table, not the
 * installed pinyin-pro, is what the database has. Every database of one engine holds the same table.
 */

let table: Map<string, string> | undefined;
let loading: Promise<void> | undefined;

/** Reads the table unless read already; a database without it (never migrated) leaves it unread. */
export function loadPinyinTable(knex: Knex): Promise<void> {
  if (table) return Promise.resolve();
  loading ??= knex
    .raw(PINYIN_ROWS_SQL)
    .then((result: { rows: { ch: string; syllable: string }[] }) => {
      table = new Map(result.rows.map((row) => [row.ch, row.syllable]));
    })
    .catch(() => undefined)
    .finally(() => (loading = undefined));
  return loading;
}

/** The reading of a character, once the table is read; undefined before (writers then leave the document to the database). */
export function pinyinTable(): PinyinOf | undefined {
  const loaded = table;
  return loaded && ((ch: string) => loaded.get(ch));
}
