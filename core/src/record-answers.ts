/*
 * The envelopes every entity's records routes share (`GET /records/{entity}`, `…/{id}`, `…/groups`): engine
 * records/* builds them, the runtime UI reads them. Each entity's OpenAPI document narrows the field values;
 * these types are what holds whatever the entity.
 */

/**
 * The system attributes of a record answer, snake_case as filters and sorts name them. A read with `fields`
 * answers only those asked for, and `id` always; `state` and its times exist on entities a workflow binds.
 */
export interface RecordSystemAttributes {
  /** @format uuid */
  id: string;
  record_type?: string | null;
  state?: string | null;
  state_entered_at?: string | null;
  sla_breached_at?: string | null;
  /** When the current stage's SLA is due, as the server counted it (business hours and holidays included). */
  sla_due_at?: string | null;
  owner_id?: string | null;
  created_at?: string;
  updated_at?: string;
  created_by?: string | null;
  updated_by?: string | null;
  /** @integer */
  version?: number;
}

/** A record as the API answers it: its system attributes and its fields by name (null: no value). */
export interface RecordJson extends RecordSystemAttributes {
  [name: string]: unknown;
}

/** One keyset page of a records list. */
export interface RecordPage {
  data: RecordJson[];
  /** The `cursor` of the next page; null on the last page. */
  nextCursor: string | null;
}

/** Records a totals answer counts one by one before it becomes the planner's estimate. */
export const EXACT_COUNT_LIMIT = 10_000;

/**
 * `GET /records/{entity}/totals`: how many records the list with the same filters shows, and the totals of
 * the number fields asked for. Counted exactly up to EXACT_COUNT_LIMIT; beyond it the count is the
 * planner's estimate (`exact: false`) and nothing is summed, so a list over a million rows stays fast.
 */
export interface TotalsAnswer {
  /** @integer */
  count: number;
  exact: boolean;
  /** Field → total over the filtered records (null where no record has a value); null when not exact. */
  sums: Record<string, number | null> | null;
}

/** The records with one value of the grouped field: how many, and the total of the summed field. */
export interface GroupRow {
  /** The value (a date or instant as its ISO text); null for records without one. */
  key: unknown;
  /** @integer */
  count: number;
  /** null when nothing was summed, or no record in the group has a value. */
  sum: number | null;
}

/** `GET /records/{entity}/groups`: counts (and sums) per value of `by`, the largest group first. */
export interface GroupsAnswer {
  by: string;
  /** The summed field; null when none was asked for. */
  sum: string | null;
  data: GroupRow[];
}
