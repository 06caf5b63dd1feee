import type { Knex } from 'knex';
import { SEARCH_COLUMN, searchDocSql, searchIndexName } from '../search/search-sql.js';
import { ensureSearchFunctions } from '../search/search-tables.js';
import type { Step } from './plan.js';

type Of<K extends Step['kind']> = Extract<Step, { kind: K }>;

/**
 * Adds the search document as a STORED generated column (PostgreSQL computes every row in this
 * transaction and every later write) and its GIN index.
 */
export async function setSearch(trx: Knex.Transaction, step: Of<'setSearch'>): Promise<void> {
  await ensureSearchFunctions(trx);
  await trx.raw(`ALTER TABLE ?? ADD COLUMN ?? tsvector GENERATED ALWAYS AS (${searchDocSql(step.search)}) STORED`, [
    step.table,
    SEARCH_COLUMN,
  ]);
  await trx.raw('CREATE INDEX ?? ON ?? USING gin (??)', [searchIndexName(step.table), step.table, SEARCH_COLUMN]);
}

/** Drops the column (its index goes with it), under the table's name before the plan. */
export async function dropSearch(trx: Knex.Transaction, step: Of<'dropSearch'>): Promise<void> {
  await trx.raw('ALTER TABLE ?? DROP COLUMN IF EXISTS ??', [step.table, SEARCH_COLUMN]);
}
