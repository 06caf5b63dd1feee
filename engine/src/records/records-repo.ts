import type { Knex } from 'knex';
import { runPrepared } from '../db/prepared.js';
import { ValidationError, issueOf } from '../errors.js';
import type { CompiledEntity } from '../model/compile-model.js';
import type { SqlCondition } from '../permissions/scope-condition.js';
import type { JunctionSpec } from '../schema/table-spec.js';
import type { LinkRow } from './link-attributes.js';
import { quoteIdent } from './quote-ident.js';
import { companyTimeZone } from './company-time-zone.js';
import { hasNumbering, numberColumns, SqlValue } from './numbering.js';
import { toSelectSql } from './to-sql.js';
import { withSearchDocument } from '../search/search-document.js';

/** A row as the database returns it (before serialization). */
export type Row = Record<string, unknown>;

/**
 * One record by id with the given attributes (all when undefined); `forUpdate` locks its row for the
 * transaction; `condition` (a permission scope on `t`) makes a record outside it not found.
 */
export async function selectRecord(
  knex: Knex,
  entity: CompiledEntity,
  options: { id: string; fields?: string[]; forUpdate?: boolean; condition?: SqlCondition | undefined },
): Promise<Row | undefined> {
  // Raw SQL with a bound id: the hottest read path skips the query builder (the select list is cached).
  const lock = options.forUpdate ? ' for update of t' : '';
  const where = options.condition ? ` and (${options.condition.sql})` : '';
  const sql = `select ${toSelectSql(entity, options.fields)} from ${quoteIdent(entity.table.name)} as t where t.id = ?${where}${lock}`;
  return (
    await runPrepared<Row>(knex, sql, [options.id, ...(options.condition?.bindings ?? [])] as Knex.RawBinding[])
  )[0];
}

/** Full records by id within `condition`, in no particular order (for expanding relations). */
export async function selectRecords(
  knex: Knex,
  entity: CompiledEntity,
  ids: string[],
  condition?: SqlCondition,
): Promise<Row[]> {
  const query = knex
    .from({ t: entity.table.name })
    .select(knex.raw(toSelectSql(entity)))
    .whereIn('t.id', ids);
  if (condition) query.whereRaw(condition.sql, condition.bindings as Knex.RawBinding[]);
  return query;
}

/** Inserts a row and returns the full record. */
export async function insertRow(trx: Knex, entity: CompiledEntity, columns: Row): Promise<Row> {
  const { sql, bindings } = toInsertSql(entity, columns);
  return (await runPrepared<Row>(trx, sql, bindings))[0]!;
}

/** The INSERT … RETURNING of insertRow, for callers that compose it into a larger statement. */
export function toInsertSql(entity: CompiledEntity, columns: Row): { sql: string; bindings: Knex.RawBinding[] } {
  // Hand-built SQL with bound values: writes are hot, and the builder costs more than the statement.
  // Every insert path comes here, so every new record is numbered here (numbering.ts), and brings its search
  // document (search-document.ts) unless the database must compute it.
  if (hasNumbering(entity))
    columns = { ...columns, ...numberColumns(entity, columns.record_type as string, new Date(), companyTimeZone()) };
  columns = withSearchDocument(entity.table, columns);
  const names = Object.keys(columns);
  const table = `${quoteIdent(entity.table.name)} as t`;
  const value = (name: string) => (columns[name] instanceof SqlValue ? (columns[name] as SqlValue).sql : '?');
  const values = names.length
    ? `(${names.map(quoteIdent).join(', ')}) values (${names.map(value).join(', ')})`
    : 'default values';
  return {
    sql: `insert into ${table} ${values} returning ${toSelectSql(entity)}`,
    bindings: names.flatMap((name) => {
      const column = columns[name];
      return column instanceof SqlValue ? (column.bindings as Knex.RawBinding[]) : [toBinding(column)];
    }),
  };
}

/**
 * toInsertSql for many rows: one INSERT … VALUES with a row each (a column a row leaves out is DEFAULT), every
 * row numbered by its own expression, evaluated in the order given. RETURNING's order is not promised.
 */
export function toInsertManySql(entity: CompiledEntity, rows: Row[]): { sql: string; bindings: Knex.RawBinding[] } {
  const now = new Date();
  if (hasNumbering(entity))
    rows = rows.map((columns) => ({
      ...columns,
      ...numberColumns(entity, columns.record_type as string, now, companyTimeZone()),
    }));
  rows = rows.map((columns) => withSearchDocument(entity.table, columns));
  const names = [...new Set(rows.flatMap((columns) => Object.keys(columns)))];
  const bindings: Knex.RawBinding[] = [];
  const tuples = rows.map((columns) => {
    const values = names.map((name) => {
      if (!(name in columns)) return 'default';
      const column = columns[name];
      if (column instanceof SqlValue) {
        bindings.push(...(column.bindings as Knex.RawBinding[]));
        return column.sql;
      }
      bindings.push(toBinding(column));
      return '?';
    });
    return `(${values.join(', ')})`;
  });
  const table = `${quoteIdent(entity.table.name)} as t`;
  const values = names.length
    ? `(${names.map(quoteIdent).join(', ')}) values ${tuples.join(', ')}`
    : `(id) values ${tuples.map(() => '(default)').join(', ')}`;
  return { sql: `insert into ${table} ${values} returning ${toSelectSql(entity)}`, bindings };
}

/**
 * Updates a row only at the expected version (and, when given, only if its record type is one of
 * `recordTypes`), bumping `version` and `updated_at`; the full record, or undefined when no row matched.
 */
export async function updateRow(trx: Knex, entity: CompiledEntity, change: RowChange): Promise<Row | undefined> {
  const { sql, bindings } = toUpdateSql(entity, change);
  return (await runPrepared<Row>(trx, sql, bindings))[0];
}

/** One conditional update: the row at a version, optionally only of some record types and within a permission scope. */
export interface RowChange {
  id: string;
  version: number;
  columns: Row;
  recordTypes?: string[];
  condition?: SqlCondition | undefined;
}

/** The conditional UPDATE … RETURNING of updateRow, for callers that compose it into a larger statement. */
export function toUpdateSql(entity: CompiledEntity, change: RowChange): { sql: string; bindings: Knex.RawBinding[] } {
  const names = Object.keys(change.columns);
  const sets = [...names.map((name) => `${quoteIdent(name)} = ?`), 'version = t.version + 1', 'updated_at = now()'];
  const typeCheck = change.recordTypes ? ' and t.record_type = any(?)' : '';
  const scope = change.condition ? ` and (${change.condition.sql})` : '';
  const sql = `update ${quoteIdent(entity.table.name)} as t set ${sets.join(', ')} where t.id = ? and t.version = ?${typeCheck}${scope} returning ${toSelectSql(entity)}`;
  const bindings = [...names.map((name) => toBinding(change.columns[name])), change.id, change.version];
  if (change.recordTypes) bindings.push(toBinding(change.recordTypes));
  if (change.condition) bindings.push(...(change.condition.bindings as Knex.RawBinding[]));
  return { sql, bindings };
}

/**
 * A value as a raw binding: undefined is NULL, and arrays (only text[] columns reach here; jsonb is
 * already JSON text) become Postgres array literals, because knex.raw would expand them into lists.
 */
function toBinding(value: unknown): Knex.RawBinding {
  if (value === undefined) return null;
  if (Array.isArray(value)) return `{${value.map((item) => `"${String(item).replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  return value as Knex.RawBinding;
}

/** The stored version of a row, or undefined when it does not exist. */
export async function selectVersion(knex: Knex, entity: CompiledEntity, id: string): Promise<number | undefined> {
  const row = (await knex(entity.table.name).select('version').where({ id }).first()) as
    { version: number } | undefined;
  return row?.version;
}

/** Replaces the links of one many-to-many field, in the given order; a missing target is a 422 on the field. */
export async function replaceLinks(
  trx: Knex,
  junction: JunctionSpec,
  link: { sourceId: string; targetIds: string[]; replace: boolean; rows?: LinkRow[] | undefined },
): Promise<void> {
  if (link.replace) await trx(junction.name).where({ source_id: link.sourceId }).del();
  if (!link.targetIds.length) return;
  const rows = link.targetIds.map((targetId, position) => ({
    source_id: link.sourceId,
    target_id: targetId,
    position,
    ...link.rows?.[position]?.values,
  }));
  try {
    await trx(junction.name).insert(rows);
  } catch (error) {
    if ((error as { code?: string }).code !== '23503') throw error;
    throw new ValidationError(
      { en: `a related ${junction.target} record does not exist`, zh: '有关联的记录不存在' },
      {
        issues: [
          issueOf(`/${junction.field}`, 'relation', {
            en: `every id must be an existing ${junction.target} record`,
            zh: '每一项都必须是已有的记录',
          }),
        ],
      },
    );
  }
}
