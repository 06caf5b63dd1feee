import { linkObjectsSql } from './link-attributes.js';
import type { Knex } from 'knex';
import type { CompiledEntity } from '../model/compile-model.js';
import type { ModelAccess } from '../permissions/model-access.js';
import { attributesOf } from './attributes.js';
import { recordsSource, relatedSource } from './formula-source.js';
import { MAX_GROUPS, type GroupQuery } from './group-query.js';
import { quoteIdent } from './quote-ident.js';
import { queryTerms, toTsQuery } from '../search/search-query.js';
import { sortColumnSql } from './keyset.js';
import type { Attribute, Filter, ListQuery, SortKey } from './types.js';

type Builder = Knex.QueryBuilder;

const fullSelects = new WeakMap<CompiledEntity, string>();

/**
 * The select list of records aliased `t`: columns, and many-to-many fields as arrays of ids in position
 * order (a correlated subquery, so a page of records is still one query). Cached for full records.
 */
export function toSelectSql(entity: CompiledEntity, fields?: string[]): string {
  if (!fields) {
    let sql = fullSelects.get(entity);
    if (sql === undefined)
      fullSelects.set(entity, (sql = buildSelect(entity, [...attributesOf(entity).byName.keys()])));
    return sql;
  }
  return buildSelect(entity, fields);
}

function buildSelect(entity: CompiledEntity, names: string[]): string {
  const { byName } = attributesOf(entity);
  return names
    .map((name) => byName.get(name)!)
    .map((a) =>
      a.junction || a.computed !== undefined
        ? `${a.computed ?? junctionArray(a)} as ${quoteIdent(a.name)}`
        : `t.${quoteIdent(a.name)}`,
    )
    .join(', ');
}

function junctionArray(attribute: Attribute): string {
  if (attribute.junction!.attributes?.length) return linkObjectsSql(attribute.junction!, quoteIdent);
  const j = quoteIdent(attribute.junction!.name);
  return `array(select j.target_id from ${j} as j where j.source_id = t.id order by j.position)`;
}

/**
 * The list query: the actor's read scope, filters, quick search, keyset condition, order, and one row
 * more than the page. Scopes are WHERE conditions, on the listed entity and on every related entity a
 * filter reaches into, so rows outside them are never fetched.
 */
export function toListSql(knex: Knex, entity: CompiledEntity, query: ListQuery, access?: ModelAccess): Builder {
  const cursorKeys = query.sort.map(
    (key, i) => `t.${quoteIdent(key.name)}${key.kind === 'dateTime' ? '::text' : ''} as "__k${i}"`,
  );
  const builder = knex
    .from(recordsSource(knex, entity))
    .select(knex.raw(`${toSelectSql(entity, query.fields)}, ${cursorKeys.join(', ')}`));
  const scope = access?.condition(entity.id, 'read');
  if (scope) builder.whereRaw(scope.sql, scope.bindings as Knex.RawBinding[]);
  for (const filter of query.filters) applyFilter(knex, builder, filter, access);
  if (query.q) applySearch(builder, entity, query.q);
  if (query.after) applyKeyset(builder, entity, query);
  return builder
    .orderByRaw(query.sort.map((key) => `${sortColumnSql('t', key)} ${key.desc ? 'desc' : 'asc'}`).join(', '))
    .limit(query.limit + 1);
}

function applyFilter(knex: Knex, builder: Builder, filter: Filter, access?: ModelAccess): void {
  if (!filter.via) return applyCondition(knex, builder, { alias: 't', filter });
  const related = knex.from(relatedSource(knex, filter)).select('r.id');
  const scope = access?.condition(filter.via.target!, 'read', 'r');
  if (scope) related.whereRaw(scope.sql, scope.bindings as Knex.RawBinding[]);
  applyCondition(knex, related, { alias: 'r', filter });
  builder.whereIn(`t.${filter.via.name}`, related);
}

function applyCondition(knex: Knex, builder: Builder, { alias, filter }: { alias: string; filter: Filter }): void {
  const { attribute, op, value } = filter;
  if (attribute.junction) return applyJunctionCondition(knex, builder, filter);
  const column = `${alias}.${attribute.name}`;
  const isList = attribute.column!.type.array === true;
  switch (op) {
    case 'null':
      return void (value ? builder.whereNull(column) : builder.whereNotNull(column));
    case 'in':
      return void builder.whereIn(column, value as readonly Knex.Value[]);
    case 'any':
      // Array overlap; the column's element type is text for every list kind that has a column.
      return void builder.whereRaw('?? && ?::text[]', [column, value as Knex.Value]);
    case 'ne':
      return void builder.whereRaw('?? is distinct from ?', [column, value as Knex.Value]);
    case 'contains':
      return void (isList
        ? builder.whereRaw('? = any(??)', [value as string, column])
        : builder.whereILike(column, `%${escapeLike(value as string)}%`));
    default:
      return void builder.where(column, COMPARISONS[op]!, value as Knex.Value);
  }
}

const COMPARISONS = { eq: '=', lt: '<', lte: '<=', gt: '>', gte: '>=' } as Record<string, string>;

function applyJunctionCondition(knex: Knex, builder: Builder, { attribute, op, value }: Filter): void {
  const links = knex.from({ j: attribute.junction!.name }).select(knex.raw('1')).whereRaw('j.source_id = t.id');
  if (op === 'contains') builder.whereExists(links.where('j.target_id', value as string));
  else if (op === 'any') builder.whereExists(links.whereIn('j.target_id', value as string[]));
  else if (value) builder.whereNotExists(links);
  else builder.whereExists(links);
}

/** LIKE wildcards in user text match themselves (backslash is Postgres' default LIKE escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function applySearch(builder: Builder, entity: CompiledEntity, q: string): void {
  const columns = attributesOf(entity).search;
  if (!columns.length) return void builder.whereRaw('false');
  // The entity's search document (GIN-indexed) when it has one, over the fields this reader may search.
  const spec = entity.table.search;
  if (spec) {
    const query = toTsQuery(queryTerms(q), spec, (field) => columns.includes(field));
    return void builder.whereRaw(query ? 't.search_doc @@ ?::tsquery' : 'false', query ? [query] : []);
  }
  const pattern = `%${escapeLike(q)}%`;
  builder.where((or) => {
    for (const column of columns) or.orWhereILike(`t.${column}`, pattern);
  });
}

/**
 * Rows strictly after the cursor in ORDER BY order. Uniform directions over NOT NULL keys use a row
 * comparison (index friendly); otherwise an OR of "equal on the earlier keys, after on this one", with
 * NULLs placed as Postgres sorts them (last ascending, first descending).
 */
function applyKeyset(
  builder: Builder,
  entity: CompiledEntity,
  { sort, after }: { sort: SortKey[]; after?: unknown[] },
): void {
  if (!after) return;
  const { byName } = attributesOf(entity);
  const nullable = sort.map((key) => byName.get(key.name)!.column!.nullable);
  // Text keys compare in the collation ORDER BY sorts them by, or a page would skip or repeat rows.
  const columns = sort.map((key) => sortColumnSql('t', key));
  if (sort.every((key) => key.desc === sort[0]!.desc) && !nullable.some(Boolean)) {
    const placeholders = sort.map(() => '?').join(', ');
    const row = columns.join(', ');
    return void builder.whereRaw(`(${row}) ${sort[0]!.desc ? '<' : '>'} (${placeholders})`, after as Knex.Value[]);
  }
  builder.where((or) => {
    or.whereRaw('false');
    sort.forEach((key, i) => {
      const value = after[i] as Knex.Value;
      if (value === null && !key.desc) return;
      const column = columns[i]!;
      or.orWhere((and) => {
        for (let j = 0; j < i; j++) {
          if (after[j] === null) and.whereRaw(`${columns[j]!} is null`);
          else and.whereRaw(`${columns[j]!} = ?`, [after[j] as Knex.Value]);
        }
        if (value === null) and.whereRaw(`${column} is not null`);
        else if (key.desc) and.whereRaw(`${column} < ?`, [value]);
        else if (nullable[i]) and.whereRaw(`(${column} > ? or ${column} is null)`, [value]);
        else and.whereRaw(`${column} > ?`, [value]);
      });
    });
  });
}

/**
 * The groups statement is the list statement regrouped: `toListSql` builds the very scope condition
 * (`access.condition(entity, 'read')`), filters (scoped relation filters included) and search, then
 * its select, order and page limit are replaced by the aggregate. One statement; nothing a list would
 * not show is counted or summed.
 */
export function toGroupSql(
  knex: Knex,
  entity: CompiledEntity,
  group: GroupQuery,
  access?: ModelAccess,
): Knex.QueryBuilder {
  const by = `t.${quoteIdent(group.by.name)}`;
  const sum = group.sum ? `coalesce(sum(t.${quoteIdent(group.sum.name)}), 0)` : 'null';
  return toListSql(knex, entity, { ...group.list, fields: ['id'], expand: [], sort: [], limit: MAX_GROUPS }, access)
    .clearSelect()
    .clearOrder()
    .clear('limit')
    .select(knex.raw(`${by} as "key", count(*)::int as "count", ${sum} as "sum"`))
    .groupByRaw(by)
    .orderByRaw(`"count" desc, ${sortColumnSql('t', group.by)} asc nulls last`)
    .limit(MAX_GROUPS);
}
