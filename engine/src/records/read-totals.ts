import { EXACT_COUNT_LIMIT, type TotalsAnswer } from '@lodestar/core';
import type { Knex } from 'knex';
import type { CompiledEntity } from '../model/compile-model.js';
import type { ModelAccess } from '../permissions/model-access.js';
import { throwIfIssues, type QueryParams } from './query-params.js';
import { quoteIdent } from './quote-ident.js';
import { requireAction, viewOf } from './record-permissions.js';
import { stageHiddenGroupIssue, stageHiddenQueryIssues } from './stage-fields.js';
import { toListSql } from './to-sql.js';
import { toTotalsQuery, type TotalsQuery } from './totals-query.js';
import type { RecordContext } from './types.js';

/**
 * How many records the list with the same filters shows, and the totals of the asked number fields: the
 * list's own statement (scope, filters, search), counted up to EXACT_COUNT_LIMIT + 1 rows in one query.
 * Past the limit the planner's estimate answers, unsummed: exact totals over millions would cost a scan
 * on every list view.
 */
export async function readTotals(ctx: RecordContext, params: QueryParams): Promise<TotalsAnswer> {
  requireAction(ctx, 'read');
  const entity = viewOf(ctx);
  const entities = ctx.access?.views ?? ctx.model.entities;
  const totals = toTotalsQuery(params, { entity, entities, me: ctx.userId });
  throwIfIssues([
    ...stageHiddenQueryIssues(ctx.model, ctx.entity, totals.list),
    ...totals.sum.flatMap((name) => stageHiddenGroupIssue(ctx.model, ctx.entity, 'sum', name)),
  ]);
  const counted = (await toCountedSql(ctx.knex, entity, totals, ctx.access)) as Record<string, unknown>[];
  const row = counted[0] ?? {};
  const count = Number(row.__count ?? 0);
  if (count <= EXACT_COUNT_LIMIT) {
    const sums = Object.fromEntries(totals.sum.map((name) => [name, row[name] == null ? null : Number(row[name])]));
    return { count, exact: true, sums };
  }
  return { count: await estimatedCount(ctx.knex, entity, totals, ctx.access), exact: false, sums: null };
}

/** The list statement without its order, cut at one row past the limit, then counted and summed. */
function toCountedSql(knex: Knex, entity: CompiledEntity, totals: TotalsQuery, access?: ModelAccess) {
  const rows = filteredRows(knex, entity, totals, access)
    .select(knex.raw(['t.id', ...totals.sum.map((name) => `t.${quoteIdent(name)}`)].join(', ')))
    .limit(EXACT_COUNT_LIMIT + 1);
  const sums = totals.sum.map((name) => `sum(s.${quoteIdent(name)}) as ${quoteIdent(name)}`);
  return knex.from(rows.as('s')).select(knex.raw(['count(*)::int as "__count"', ...sums].join(', ')));
}

function filteredRows(knex: Knex, entity: CompiledEntity, totals: TotalsQuery, access?: ModelAccess) {
  const list = { ...totals.list, fields: ['id'], expand: [], sort: [], after: undefined };
  return toListSql(knex, entity, list, access).clearSelect().clearOrder().clear('limit');
}

/** The planner's row estimate for the whole filtered list (EXPLAIN runs nothing). */
async function estimatedCount(
  knex: Knex,
  entity: CompiledEntity,
  totals: TotalsQuery,
  access?: ModelAccess,
): Promise<number> {
  const { sql, bindings } = filteredRows(knex, entity, totals, access).select(knex.raw('t.id')).toSQL();
  const result = (await knex.raw(`explain (format json) ${sql}`, bindings as Knex.RawBinding[])) as {
    rows: { 'QUERY PLAN': unknown }[];
  };
  const plan = result.rows[0]?.['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: { 'Plan Rows': number } }[];
  // The estimate can lag the table; it is never shown below what was just counted.
  return Math.max(EXACT_COUNT_LIMIT + 1, Math.round(parsed[0]?.Plan['Plan Rows'] ?? 0));
}
