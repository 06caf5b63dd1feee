import type { OnDelete } from '../definitions/entity.js';

/** The Postgres type of a column, structured so the planner can compare and classify changes. */
export interface SqlType {
  base: 'text' | 'varchar' | 'integer' | 'bigint' | 'double precision' | 'numeric' | 'boolean' | 'date' | 'timestamptz' | 'uuid' | 'jsonb';
  length?: number;
  precision?: number;
  scale?: number;
  array?: boolean;
}

export interface ForeignKeySpec {
  table: string;
  onDelete: OnDelete;
}

export interface ColumnSpec {
  name: string;
  type: SqlType;
  nullable: boolean;
  /** A constant default (from the JSON Schema `default`), or a SQL expression for system columns. */
  default?: { value: unknown } | { sql: string };
  references?: ForeignKeySpec;
  /** Allowed values of a single or multiple choice field; enforced by ajv, tracked for plans. */
  enumValues?: string[];
  system?: boolean;
  /** The previous name, when the definition declares a rename. */
  renamedFrom?: string;
}

export interface IndexSpec {
  name: string;
  columns: string[];
}

/** A many-to-many relation field, stored as a junction table `<entity>__<field>`. */
export interface JunctionSpec {
  name: string;
  field: string;
  source: string;
  target: string;
  renamedFrom?: string;
}

/** The relational shape compiled from one entity definition. */
export interface TableSpec {
  name: string;
  renamedFrom?: string;
  columns: ColumnSpec[];
  indexes: IndexSpec[];
  junctions: JunctionSpec[];
}

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
