import type { Knex } from 'knex';
import { publishedTables } from '../db/published-tables.js';
import { searchIndexName, searchIndexSql } from './search-sql.js';

/**
 * Engine migration 029: the published tables' search indexes, GIN over the document alone until now, are
 * built again over the owner and the document (search-sql.ts says why). Each index is rebuilt in the
 * migration's transaction, so a large table takes its time once, at the first start of this engine.
 */
export async function indexSearchByOwner(knex: Knex): Promise<void> {
  await knex.raw('create extension if not exists btree_gin');
  for (const { table } of await publishedTables(knex)) {
    if (!table.search) continue;
    const name = searchIndexName(table.name);
    const { rows } = (await knex.raw(
      `select indexdef from pg_indexes where schemaname = current_schema() and indexname = ?`,
      [name],
    )) as { rows: { indexdef: string }[] };
    if (!rows[0] || rows[0].indexdef.includes('owner_id')) continue;
    await knex.raw('drop index ??', [name]);
    await knex.raw(searchIndexSql(table.name));
  }
}
