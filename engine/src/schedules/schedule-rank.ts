import type { EntityDefinition } from '../definitions/entity.js';

/**
 * A schedule's ranking (`rank: { by }`): before a `set`, the matching records are ranked by `by`, largest
 * first (ties by id), and the set's formulas may read two names as if they were number fields of the record:
 * `rankPosition` (1 for the largest) and `rankShare`, the percent of the matching records' total of `by` held
 * by the record and every record ranked above it — the running share of Pareto (ABC, 80/20) analysis. Both are
 * blank where `by` is blank or not above 0, and the total counts only values above 0.
 */
export const RANK_NAMES = ['rankPosition', 'rankShare'] as const;

/** The entity as a ranked schedule's `set` formulas see it: its fields plus the rank names as numbers. */
export function rankedEntity(entity: EntityDefinition): EntityDefinition {
  const properties = { ...entity.properties };
  for (const name of RANK_NAMES) properties[name] = { type: 'number', title: name };
  return { ...entity, properties };
}

/** The definitions with `entity` replaced by its ranked view (for checking and compiling `set` formulas). */
export function rankedDefinitions(definitions: readonly EntityDefinition[], entity: string): EntityDefinition[] {
  return definitions.map((e) => (e.$id === entity ? rankedEntity(e) : e));
}

/**
 * The SQL of the ranking over every matching record of `table` (aliased `t`, filtered by `where`): one row per
 * record with `id`, `"rankPosition"` and `"rankShare"` (rounded to 4 decimals), ordered largest first.
 */
export function rankSql(table: string, where: string, by: string): string {
  const order = 'order by q.v desc nulls last, q.id';
  const positive = 'q.v is not null and q.v > 0';
  return (
    `select q.id, case when ${positive} then row_number() over (${order}) end as "rankPosition", ` +
    `case when ${positive} then round(100 * sum(case when ${positive} then q.v end) over (${order} rows between unbounded preceding and current row) ` +
    `/ nullif(sum(case when ${positive} then q.v end) over (), 0), 4) end as "rankShare" ` +
    `from (select t.id, (${by})::numeric as v from ${table} as t where ${where}) as q`
  );
}
