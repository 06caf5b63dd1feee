import type { ColumnSpec, TableSpec } from '../schema/table-spec.js';
import { pinyinTable } from './pinyin-table.js';
import { SEARCH_COLUMN } from './search-sql.js';
import { searchDocLiteral } from './search-terms.js';

const columnsOf = new WeakMap<TableSpec, Map<string, ColumnSpec>>();

/**
 * The row to insert with its search document (a `tsvector` literal) when the engine can tell every value the
 * document reads: given, left to a constant default, or absent (NULL). A value the database computes (a
 * number from a sequence) or a table without a search leaves the row as it is, and the trigger does the work.
 */
export function withSearchDocument<R extends Record<string, unknown>>(table: TableSpec, row: R): R {
  const spec = table.search;
  const pinyinOf = spec && !(SEARCH_COLUMN in row) ? pinyinTable() : undefined;
  if (!spec || !pinyinOf) return row;
  let columns = columnsOf.get(table);
  if (!columns) columnsOf.set(table, (columns = new Map(table.columns.map((column) => [column.name, column]))));
  const values: Record<string, unknown> = {};
  for (const { name } of spec.fields) {
    const value = name in row ? row[name] : defaultOf(columns.get(name));
    if (value !== null && value !== undefined && typeof value !== 'string' && typeof value !== 'number') return row;
    values[name] = value ?? null;
  }
  return { ...row, [SEARCH_COLUMN]: searchDocLiteral(spec, values, pinyinOf) };
}

/** A column's default as a value (null without one); a SQL default is not known here (an object, so refused). */
function defaultOf(column: ColumnSpec | undefined): unknown {
  const fallback = column?.default;
  if (!fallback) return null;
  return 'value' in fallback ? fallback.value : fallback;
}
