import { FORMULA_TIME_ZONE, parseFormula, type FormulaType } from '@lodestar/core';
import type { Knex } from 'knex';
import { filterColumn } from '../definitions/rollup-filter.js';
import { formulaToSql } from '../formula/to-sql.js';
import { quoteIdent } from '../records/quote-ident.js';
import type { RollupSpec } from '../schema/table-spec.js';

/** The formula type of a column as the database has it (the child table, at the moment of the write). */
const TYPES: Record<string, FormulaType> = {
  numeric: 'number',
  'double precision': 'number',
  real: 'number',
  integer: 'number',
  bigint: 'number',
  smallint: 'number',
  text: 'text',
  'character varying': 'text',
  uuid: 'text',
  boolean: 'boolean',
  date: 'date',
  'timestamp with time zone': 'dateTime',
};

/**
 * A roll-up's filter (formula language) as SQL over a row alias, or undefined when it has none. Its
 * fields' types are read from the child table itself, in the caller's transaction, so the SQL matches
 * the columns the trigger will read (validation has already checked the formula against the definitions).
 */
export async function rollupWhere(knex: Knex, rollup: RollupSpec): Promise<((alias: string) => string) | undefined> {
  if (rollup.where === undefined) return undefined;
  const parsed = parseFormula(rollup.where);
  if (!parsed.expr) throw new Error(`roll-up ${rollup.name}: the filter does not parse`);
  const rows = await knex('information_schema.columns')
    .select<{ column_name: string; data_type: string }[]>('column_name', 'data_type')
    .where({ table_schema: knex.raw('current_schema()'), table_name: rollup.from });
  const types = new Map(rows.map((row) => [row.column_name, TYPES[row.data_type]]));
  const expr = parsed.expr;
  const typeOf = (path: readonly string[]) => (path.length === 1 ? types.get(filterColumn(path[0]!)) : undefined);
  return (alias) =>
    formulaToSql(expr, (path) => `${alias}.${quoteIdent(filterColumn(path[0]!))}`, {
      timeZone: FORMULA_TIME_ZONE,
      typeOf,
    });
}
