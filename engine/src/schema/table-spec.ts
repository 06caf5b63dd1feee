import type {
  ColumnSpec,
  ForeignKeySpec,
  IndexSpec,
  JunctionSpec,
  RollupSpec,
  SearchSpec,
  SqlType,
  TableSpec,
} from '@lodestar/core';

// The specs are part of the plan the apps read (@lodestar/core plan.ts).
export type { ColumnSpec, ForeignKeySpec, IndexSpec, JunctionSpec, RollupSpec, SearchSpec, SqlType, TableSpec };

/** The SQL spelling of a type, e.g. `varchar(200)`, `numeric(18,2)`, `text[]`. */
export function toSqlType(type: SqlType): string {
  let sql: string = type.base;
  if (type.base === 'varchar' && type.length !== undefined) sql = `varchar(${type.length})`;
  if (type.base === 'numeric' && type.precision !== undefined) sql = `numeric(${type.precision},${type.scale ?? 0})`;
  return type.array ? `${sql}[]` : sql;
}

export function sameSqlType(a: SqlType, b: SqlType): boolean {
  return toSqlType(a) === toSqlType(b);
}

/** Postgres caps identifiers at 63 bytes; long derived names are shortened the same way every time. */
export function toConstraintName(parts: string[], suffix: string): string {
  const name = `${parts.join('_')}_${suffix}`;
  return name.length <= 63 ? name : `${name.slice(0, 54)}_${shortHash(name)}`;
}

function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
