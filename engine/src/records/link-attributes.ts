import type { JunctionSpec } from '../schema/table-spec.js';

/**
 * Links with attributes (`x-relation.attributes`: a contact's role and influence on an opportunity). A
 * write may send each link as its id (the old form, its attributes then empty) or as `{ id, ...attributes }`;
 * a read answers every link of such a field as `{ id, ...attributes }` with every attribute present (null
 * when empty), in the link table's order, so a record read and a record written compare equal.
 */

/** One link as stored: the target's id and its attribute values. */
export interface LinkRow {
  id: string;
  values: Record<string, unknown>;
}

/** The attribute names of a link table, in definition order; empty for a plain many-to-many. */
export function attributeNames(junction: JunctionSpec): string[] {
  return (junction.attributes ?? []).map((column) => column.name);
}

/** A validated many-to-many value as links: the first of each id wins, attributes absent or null are null. */
export function toLinkRows(junction: JunctionSpec, value: unknown): LinkRow[] {
  const names = attributeNames(junction);
  const seen = new Set<string>();
  const rows: LinkRow[] = [];
  for (const item of Array.isArray(value) ? value : []) {
    const link = typeof item === 'string' ? { id: item } : (item as Record<string, unknown>);
    const id = link.id as string;
    if (seen.has(id)) continue;
    seen.add(id);
    rows.push({ id, values: Object.fromEntries(names.map((name) => [name, link[name] ?? null])) });
  }
  return rows;
}

/** The ids a many-to-many value names, in either form. */
export function linkIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((item) => (typeof item === 'string' ? item : (item as { id?: unknown } | null)?.id))
    .filter((id): id is string => typeof id === 'string');
}

/** The links as the API answers them: ids for a plain many-to-many, `{ id, ...attributes }` with attributes. */
export function toLinkJson(junction: JunctionSpec, rows: LinkRow[]): unknown[] {
  return junction.attributes?.length ? rows.map((row) => ({ id: row.id, ...row.values })) : rows.map((row) => row.id);
}

/** The SQL reading a link table's `{ id, ...attributes }` objects of the row `t`, as JSON, in order. */
export function linkObjectsSql(junction: JunctionSpec, quote: (name: string) => string): string {
  const pairs = attributeNames(junction).map((name) => `'${name}', j.${quote(name)}`);
  const object = `json_build_object('id', j.target_id${pairs.map((pair) => `, ${pair}`).join('')})`;
  return `coalesce((select json_agg(${object} order by j.position) from ${quote(junction.name)} as j where j.source_id = t.id), '[]'::json)`;
}
