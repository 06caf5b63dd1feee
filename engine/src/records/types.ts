import type { Knex } from 'knex';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import type { ModelAccess } from '../permissions/model-access.js';
import type { FieldKind } from '../schema/column-types.js';
import type { ColumnSpec, JunctionSpec } from '../schema/table-spec.js';

/** What one records operation works on: the database or the caller's transaction, the pinned model, one entity. */
export interface RecordContext {
  knex: Knex;
  model: Model;
  entity: CompiledEntity;
  /** The user who writes (a uuid), stamped as created_by / updated_by; absent for the engine itself. */
  userId?: string;
  /** The actor's permissions; absent for administrators and the engine itself (every row, every field). */
  access?: ModelAccess;
  /**
   * Whose read scope the records a write links to must lie in, when that is not `access`: a workflow
   * action writes with the engine's rights but may link only what the event's sender may see.
   */
  linkSight?: ModelAccess;
  /** The request this operation serves, for the audit trail. */
  requestId?: string;
  /** Set when a workflow action writes: field rules by stage bind users, not the definition's own actions. */
  byWorkflow?: boolean;
}

/** A name a record answers to: a system column, a field with a column, or a many-to-many field. */
export interface Attribute {
  name: string;
  kind: FieldKind;
  system: boolean;
  column?: ColumnSpec;
  junction?: JunctionSpec;
  /** The related entity of a many-to-one or many-to-many field. */
  target?: string;
  /** A formula computed at read time: its SQL over `t` (formula-source.ts makes it a column of lists). */
  computed?: string;
}

/** The list filter operators (`filter[field][op]=value`). */
export type FilterOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'contains' | 'any' | 'null';

/** One list condition; `via` is the many-to-one field when the attribute belongs to the related entity. */
export interface Filter {
  attribute: Attribute;
  op: FilterOp;
  value: unknown;
  via?: Attribute;
}

/** One ORDER BY key (ascending NULLS LAST, descending NULLS FIRST: Postgres' defaults, so indexes serve both). */
export interface SortKey {
  name: string;
  desc: boolean;
  kind: FieldKind;
}

/** A parsed list request; `sort` always ends with `id`, `after` holds the decoded cursor's values. */
export interface ListQuery {
  filters: Filter[];
  sort: SortKey[];
  limit: number;
  after?: unknown[];
  /** Attributes to return (id always included); undefined returns all. */
  fields?: string[];
  expand: string[];
  q?: string;
}

/** A record as the API answers it: system columns and fields by name, absent values as null (core's type). */
export type { RecordJson } from '@lodestar/core';
