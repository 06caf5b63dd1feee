import type { AggregateRow } from '@lodestar/core';
import type { Knex } from 'knex';
import type { ModelAccess } from '../permissions/model-access.js';
import { companyTimeZone } from '../records/company-time-zone.js';
import { MAX_GROUPS } from '../records/group-query.js';
import { quoteIdent } from '../records/quote-ident.js';
import { toListSql } from '../records/to-sql.js';
import type { Actor } from '../actor.js';
import { scopeCondition } from '../permissions/scope-condition.js';
import type { AggregateQuery } from './aggregate-query.js';
import type { DashboardFilters } from './dashboard-filters.js';

/** How a period is named: `2026-03`, `2026-Q1`, `2026-W09` (ISO weeks). */
const PERIOD_FORMATS = { month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', week: 'IYYY-"W"IW' } as const;

/**
 * An aggregate widget's statement is the list statement regrouped, as `/records/{e}/groups` is: `toListSql`
 * builds the caller's read scope, the filters (scoped relation filters included) — then its select, order and
 * page limit give way to the measure per group key and period. A key read through a many-to-one is a subquery
 * under the related entity's read scope: a related record the caller may not see counts under "no value".
 */
export function toAggregateSql(
  knex: Knex,
  query: AggregateQuery,
  access?: ModelAccess,
  bar?: { filters: DashboardFilters; actor: Actor },
): Knex.QueryBuilder {
  const bindings: Knex.RawBinding[] = [];
  const key = query.group ? keySql(query, access, bindings) : 'null';
  const period = query.period ? periodSql(query.period, bindings) : 'null';
  const column = query.measure && `t.${quoteIdent(query.measure.name)}`;
  const value =
    query.fn === 'count' ? 'count(*)' : query.fn === 'sum' ? `coalesce(sum(${column!}), 0)` : `${query.fn}(${column!})`;
  const statement = toListSql(
    knex,
    query.entity,
    { ...query.list, fields: ['id'], expand: [], sort: [], limit: MAX_GROUPS },
    access,
  )
    .clearSelect()
    .clearOrder()
    .clear('limit')
    .select(
      knex.raw(`${key} as "key", ${period} as "period", ${value} as "value", count(*)::int as "count"`, bindings),
    );
  if (bar) applyFilterBar(statement, query, bar.filters, bar.actor);
  // One figure (a KPI) is an aggregate without GROUP BY: one row, a zero count when nothing matches.
  if (!query.group && !query.period) return statement;
  return statement
    .groupByRaw('1, 2')
    .orderByRaw('2 asc nulls last, 3 desc nulls last, 1 asc nulls last')
    .limit(MAX_GROUPS);
}

/** The dashboard's filter bar, on top of the caller's read scope: the period's days and whose records. */
function applyFilterBar(statement: Knex.QueryBuilder, query: AggregateQuery, filters: DashboardFilters, actor: Actor) {
  if (query.dated && (filters.from || filters.to)) {
    const column = `t.${quoteIdent(query.dated.name)}`;
    // A moment counts on the day it is in the company's time zone, as the period grouping reads it.
    const day = query.dated.kind === 'dateTime' ? `(${column} at time zone ?)::date` : `${column}::date`;
    const zone = query.dated.kind === 'dateTime' ? [companyTimeZone()] : [];
    if (filters.from) statement.whereRaw(`${day} >= ?::date`, [...zone, filters.from]);
    if (filters.to) statement.whereRaw(`${day} <= ?::date`, [...zone, filters.to]);
  }
  if (filters.owner) {
    const owned = scopeCondition(filters.owner === 'me' ? 'own' : 'team', actor, 't');
    if (owned) statement.whereRaw(owned.sql, owned.bindings as Knex.RawBinding[]);
  }
}

function keySql(query: AggregateQuery, access: ModelAccess | undefined, bindings: Knex.RawBinding[]): string {
  const { attribute, via } = query.group!;
  if (!via) return `t.${quoteIdent(attribute.name)}`;
  const scope = access?.condition(via.target.id, 'read', 'r');
  if (scope) bindings.push(...(scope.bindings as Knex.RawBinding[]));
  const source = attribute.computed
    ? `(select t.*, ${attribute.computed} as ${quoteIdent(attribute.name)} from ${quoteIdent(via.target.table.name)} as t)`
    : quoteIdent(via.target.table.name);
  return `(select r.${quoteIdent(attribute.name)} from ${source} as r where r.id = t.${quoteIdent(via.relation.name)}${scope ? ` and (${scope.sql})` : ''})`;
}

function periodSql(period: NonNullable<AggregateQuery['period']>, bindings: Knex.RawBinding[]): string {
  const column = `t.${quoteIdent(period.attribute.name)}`;
  // A moment belongs to the day (and month) it is in the company's time zone; a date is that day already.
  const local = period.attribute.kind === 'dateTime' ? `(${column} at time zone ?)` : column;
  if (period.attribute.kind === 'dateTime') bindings.push(companyTimeZone());
  return `to_char(${local}, '${PERIOD_FORMATS[period.unit]}')`;
}

/** Rows as the API answers them: numeric measures as numbers (numeric sums and averages arrive as text). */
export function toAggregateRows(rows: Record<string, unknown>[]): AggregateRow[] {
  return rows.map((row) => ({
    key: row.key instanceof Date ? row.key.toISOString() : ((row.key ?? null) as AggregateRow['key']),
    period: (row.period ?? null) as string | null,
    value: row.value === null || row.value === undefined ? null : Number(row.value),
    count: Number(row.count),
  }));
}
