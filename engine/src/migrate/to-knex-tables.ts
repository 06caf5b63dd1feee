import type { Knex } from 'knex';
import type { ColumnSpec, ForeignKeySpec, JunctionSpec, SqlType, TableSpec } from '../schema/table-spec.js';
import { toConstraintName, toSqlType } from '../schema/table-spec.js';

type TableBuilder = Knex.CreateTableBuilder | Knex.AlterTableBuilder;

const ON_DELETE = { setNull: 'SET NULL', cascade: 'CASCADE', restrict: 'RESTRICT' } as const;

/** The deterministic name of a column's foreign key, so later plans can drop or rename it. */
export function toForeignKeyName(table: string, column: string): string {
  return toConstraintName([table, column], 'fkey');
}

/** Creates an entity table: columns with defaults, primary key on id, foreign keys in the spec, indexes. */
export async function createTable(trx: Knex.Transaction, table: TableSpec): Promise<void> {
  await trx.schema.createTable(table.name, (t) => {
    for (const column of table.columns) {
      addColumnTo(trx, t, column);
      if (column.references) addForeignKeyTo(t, table.name, column.name, column.references);
    }
    t.primary(['id'], { constraintName: toConstraintName([table.name], 'pkey') });
    for (const index of table.indexes) t.index(index.columns, index.name);
  });
}

/** Renames a table with its primary key and the foreign keys named after it. */
export async function renameTable(trx: Knex.Transaction, from: string, to: string): Promise<void> {
  await trx.schema.renameTable(from, to);
  await renameConstraints(trx, to, (constraint) => {
    if (constraint.type === 'p')
      return constraint.name === toConstraintName([from], 'pkey') ? toConstraintName([to], 'pkey') : undefined;
    const column = constraint.column ?? '';
    return constraint.name === toForeignKeyName(from, column) ? toForeignKeyName(to, column) : undefined;
  });
}

/** Renames the foreign key of a column that was just renamed from `from` to `to`. */
export async function renameColumnConstraints(
  trx: Knex.Transaction,
  table: string,
  from: string,
  to: string,
): Promise<void> {
  await renameConstraints(trx, table, (constraint) =>
    constraint.type === 'f' && constraint.name === toForeignKeyName(table, from)
      ? toForeignKeyName(table, to)
      : undefined,
  );
}

/** A link table: both sides cascade on delete; the primary key serves lookups by source. */
export async function createJunction(trx: Knex.Transaction, junction: JunctionSpec): Promise<void> {
  await trx.schema.createTable(junction.name, (t) => {
    t.uuid('source_id').notNullable();
    t.uuid('target_id').notNullable();
    t.integer('position').notNullable().defaultTo(0);
    t.primary(['source_id', 'target_id'], { constraintName: toConstraintName([junction.name], 'pkey') });
    t.foreign('source_id', toForeignKeyName(junction.name, 'source_id'))
      .references('id')
      .inTable(junction.source)
      .onDelete('CASCADE');
    t.foreign('target_id', toForeignKeyName(junction.name, 'target_id'))
      .references('id')
      .inTable(junction.target)
      .onDelete('CASCADE');
    t.index(['target_id'], toConstraintName([junction.name, 'target_id'], 'idx'));
    for (const column of junction.attributes ?? []) addColumnTo(trx, t, column);
  });
}

/** Renames a link table with its keys and index, so a new link table may take the old name. */
export async function renameJunction(trx: Knex.Transaction, from: string, to: string): Promise<void> {
  await renameTable(trx, from, to);
  const index = (table: string) => toConstraintName([table, 'target_id'], 'idx');
  await trx.raw('ALTER INDEX ?? RENAME TO ??', [index(from), index(to)]);
}

/** Adds one column (type, NOT NULL, default) to a table builder. */
export function addColumnTo(trx: Knex.Transaction, t: TableBuilder, column: ColumnSpec): void {
  const builder = t.specificType(column.name, toSqlType(column.type));
  if (!column.nullable) builder.notNullable();
  if (column.default) builder.defaultTo(toDefaultRaw(trx, column.default, column.type));
}

/** Adds a named foreign key to a table builder. */
export function addForeignKeyTo(t: TableBuilder, table: string, column: string, references: ForeignKeySpec): void {
  t.foreign(column, toForeignKeyName(table, column))
    .references('id')
    .inTable(references.table)
    .onDelete(ON_DELETE[references.onDelete]);
}

/** A default as SQL: system expressions as written, constants as literals cast to the column type. */
export function toDefaultRaw(
  trx: Knex.Transaction,
  value: NonNullable<ColumnSpec['default']>,
  type?: SqlType,
): Knex.Raw {
  if ('sql' in value) return trx.raw(value.sql);
  return trx.raw(type ? `${toLiteral(value.value, type)}::${toSqlType(type)}` : toLiteral(value.value, type));
}

/**
 * A constant as an escaped string literal. DDL cannot take bound parameters, and knex turns every `?`
 * into a placeholder even inside literals, so `?` is written as the escape `\x3F`.
 */
function toLiteral(value: unknown, type?: SqlType): string {
  let text: string;
  if (type?.array && Array.isArray(value))
    text = `{${value.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  else if (typeof value === 'string' && type?.base !== 'jsonb') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else text = JSON.stringify(value);
  return `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\?/g, '\\x3F')}'`;
}

interface Constraint {
  name: string;
  type: string;
  column: string | null;
}

/** Renames each primary or foreign key constraint of `table` for which `rename` gives a new name. */
async function renameConstraints(
  trx: Knex.Transaction,
  table: string,
  rename: (constraint: Constraint) => string | undefined,
): Promise<void> {
  for (const constraint of await readConstraints(trx, table)) {
    const next = rename(constraint);
    if (next !== undefined) await trx.raw('ALTER TABLE ?? RENAME CONSTRAINT ?? TO ??', [table, constraint.name, next]);
  }
}

async function readConstraints(trx: Knex.Transaction, table: string): Promise<Constraint[]> {
  const result = await trx.raw<{ rows: Constraint[] }>(
    `SELECT c.conname AS name, c.contype AS type, a.attname AS column
       FROM pg_constraint c
       LEFT JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.conrelid = to_regclass(quote_ident(:table)) AND c.contype IN ('p', 'f')`,
    { table },
  );
  return result.rows;
}
