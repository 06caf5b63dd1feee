import type { Knex } from 'knex';
import { publishedTables } from '../db/published-tables.js';
import { quoteIdent } from '../records/quote-ident.js';
import { SEARCH_COLUMN, SEARCH_FUNCTIONS_SQL, searchTriggerSql } from './search-sql.js';

/**
 * Engine migration 026: the published tables' search documents, generated columns until now, become plain
 * columns kept by the search trigger (search-sql.ts), with every row's document as it was. Plans compare
 * definitions, not the database, so the engine converts the tables it made itself, once.
 */
export async function keepSearchDocumentsByTrigger(knex: Knex): Promise<void> {
  for (const sql of SEARCH_FUNCTIONS_SQL) await knex.raw(sql);
  for (const { table } of await publishedTables(knex)) {
    if (!table.search) continue;
    const { rows } = (await knex.raw(
      `select a.attgenerated as generated from pg_attribute as a
        where a.attrelid = to_regclass(?) and a.attname = ? and not a.attisdropped`,
      [quoteIdent(table.name), SEARCH_COLUMN],
    )) as { rows: { generated: string }[] };
    if (rows[0]?.generated !== 's') continue;
    await knex.raw('alter table ?? alter column ?? drop expression', [table.name, SEARCH_COLUMN]);
    await knex.raw(searchTriggerSql(table.name, table.search));
  }
}
