import type { Knex } from 'knex';
import {
  SEARCH_COLUMN,
  searchDocSql,
  searchIndexSql,
  searchTriggerName,
  searchTriggerSql,
} from '../search/search-sql.js';
import { ensureSearchFunctions } from '../search/search-tables.js';
import type { Step } from './plan.js';

type Of<K extends Step['kind']> = Extract<Step, { kind: K }>;

/**
 * Adds the search document, its trigger and its GIN index. The column is computed for every row as a STORED
 * generated column (in the table's rewrite, without firing the table's triggers) and then made a plain
 * column, which the trigger and the engine's writers keep from then on: a generated column would make
 * PostgreSQL compute every new row's document in PL/pgSQL, which the engine already has in hand.
 */
export async function setSearch(trx: Knex.Transaction, step: Of<'setSearch'>): Promise<void> {
  await ensureSearchFunctions(trx);
  await trx.raw(`ALTER TABLE ?? ADD COLUMN ?? tsvector GENERATED ALWAYS AS (${searchDocSql(step.search)}) STORED`, [
    step.table,
    SEARCH_COLUMN,
  ]);
  await trx.raw('ALTER TABLE ?? ALTER COLUMN ?? DROP EXPRESSION', [step.table, SEARCH_COLUMN]);
  await trx.raw(searchTriggerSql(step.table, step.search));
  await trx.raw(searchIndexSql(step.table));
}

/** Drops the trigger and the column (its index goes with it), under the table's name before the plan. */
export async function dropSearch(trx: Knex.Transaction, step: Of<'dropSearch'>): Promise<void> {
  await trx.raw('DROP TRIGGER IF EXISTS ?? ON ??', [searchTriggerName(step.table), step.table]);
  await trx.raw('ALTER TABLE ?? DROP COLUMN IF EXISTS ??', [step.table, SEARCH_COLUMN]);
}
