import type {
  DashboardDefinition,
  DashboardList,
  DashboardWidget,
  ReportWidgetDefinition,
  WidgetAnswer,
} from '@lodestar/core';
import type { Knex } from 'knex';
import type { Actor } from '../actor.js';
import { ForbiddenError, LodestarError, NotFoundError } from '../errors.js';
import type { Model } from '../model/compile-model.js';
import { isAdmin } from '../permissions/entity-grant.js';
import { accessFor, type ModelAccess } from '../permissions/model-access.js';
import type { Fragment } from '../reports/fragment.js';
import type { ReportFilters } from '../reports/params.js';
import type { ForecastRow, FunnelRow, TimeInStageRow, WinRateRow } from '../reports/report-results.js';
import { toForecastJson, toFunnelJson, toTimeInStageJson, toWinRateJson } from '../reports/report-results.js';
import { forecastSql, funnelSql, timeInStageSql, winRateSql } from '../reports/report-sql.js';
import { toReportTarget } from '../reports/target.js';
import { toAggregateQuery } from './aggregate-query.js';
import { toAggregateRows, toAggregateSql } from './aggregate-sql.js';
import type { DashboardFilters } from './dashboard-filters.js';

/**
 * Dashboards as a caller sees them. A dashboard with `roles` is listed to holders of one of them (and admins);
 * a widget is listed only when the caller's permissions can answer it — its entity (and any entity a grouping
 * reaches into) readable, every field it names visible. Asked for directly, a widget the caller cannot answer
 * is 403, one the caller may not see the dashboard of is 404: no figure is ever computed past a list's scope.
 */
export function visibleDashboards(model: Model, actor: Actor): DashboardList {
  const access = accessFor(model, actor);
  const data = sorted(model.set.dashboards ?? [])
    .filter((dashboard) => seesDashboard(dashboard, actor))
    .map((dashboard) => ({
      id: dashboard.id,
      title: dashboard.title,
      description: dashboard.description ?? null,
      widgets: dashboard.widgets.filter((widget) => answerable(model, widget, access, actor)),
    }))
    .filter((dashboard) => dashboard.widgets.length > 0);
  return { data };
}

/** One widget's figures under the caller's permissions. */
export async function answerWidget(
  knex: Knex,
  model: Model,
  actor: Actor,
  ids: { dashboard: string; widget: string },
  now: Date,
  filters: DashboardFilters = {},
): Promise<WidgetAnswer> {
  const dashboard = (model.set.dashboards ?? []).find((d) => d.id === ids.dashboard);
  if (!dashboard || !seesDashboard(dashboard, actor))
    throw new NotFoundError({ en: `there is no dashboard "${ids.dashboard}"`, zh: `没有仪表盘“${ids.dashboard}”` });
  const widget = dashboard.widgets.find((w) => w.id === ids.widget);
  if (!widget)
    throw new NotFoundError({
      en: `dashboard "${ids.dashboard}" has no widget "${ids.widget}"`,
      zh: `仪表盘“${ids.dashboard}”中没有组件“${ids.widget}”`,
    });
  const access = accessFor(model, actor);
  const head = { dashboard: dashboard.id, widget: widget.id };
  if (widget.kind === 'report') {
    const data = await runReport(knex, model, widget, access, now, reportFilters(filters, actor));
    return { kind: 'report', ...head, report: widget.report, data };
  }
  const query = toAggregateQuery(model, widget, access, actor.id);
  const rows = (await toAggregateSql(knex, query, access, { filters, actor })) as Record<string, unknown>[];
  return { kind: 'aggregate', ...head, entity: widget.entity, rows: toAggregateRows(rows) };
}

/**
 * The filter bar as a workflow report takes it: the period, and `me` as the caller's id. Reports filter by one
 * owner, so `team` leaves a report widget at what the caller's permissions show (their team at most).
 */
function reportFilters(filters: DashboardFilters, actor: Actor): ReportFilters {
  return {
    ...(filters.from && { from: filters.from }),
    ...(filters.to && { to: filters.to }),
    ...(filters.owner === 'me' && { owner: actor.id }),
  };
}

function seesDashboard(dashboard: DashboardDefinition, actor: Actor): boolean {
  return !dashboard.roles?.length || isAdmin(actor.roles) || dashboard.roles.some((r) => actor.roles.includes(r));
}

function sorted(dashboards: DashboardDefinition[]): DashboardDefinition[] {
  return [...dashboards].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.id.localeCompare(b.id));
}

/**
 * Whether the caller's permissions can answer a widget. A widget that fails for everyone (a definition the
 * model outgrew) stays listed, so its card shows the engine's reason instead of vanishing.
 */
function answerable(model: Model, widget: DashboardWidget, access: ModelAccess | undefined, actor: Actor): boolean {
  const resolve = (as: ModelAccess | undefined) => {
    if (widget.kind === 'report') toReportTarget(model, widget.workflow, as);
    else toAggregateQuery(model, widget, as, actor.id);
  };
  try {
    resolve(access);
    return true;
  } catch (error) {
    if (error instanceof ForbiddenError) return false;
    if (!(error instanceof LodestarError) || !access) throw error;
    try {
      resolve(undefined);
      return false; // fine for an administrator: a field this caller may not see
    } catch {
      return true;
    }
  }
}

async function runReport(
  knex: Knex,
  model: Model,
  widget: ReportWidgetDefinition,
  access: ModelAccess | undefined,
  now: Date,
  filters: ReportFilters,
) {
  const target = toReportTarget(model, widget.workflow, access);
  switch (widget.report) {
    case 'funnel':
      return toFunnelJson(target, filters, await run<FunnelRow>(knex, funnelSql(target, filters)));
    case 'winRate':
      return toWinRateJson(target, filters, await run<WinRateRow>(knex, winRateSql(target, filters)));
    case 'forecast':
      return toForecastJson(target, filters, await run<ForecastRow>(knex, forecastSql(target, filters)));
    case 'timeInStage': {
      const asOf = now.toISOString();
      return toTimeInStageJson(
        target,
        filters,
        asOf,
        await run<TimeInStageRow>(knex, timeInStageSql(target, filters, asOf)),
      );
    }
  }
}

async function run<Row>(knex: Knex, query: Fragment): Promise<Row[]> {
  const result = (await knex.raw(query.sql, query.bindings)) as { rows: Row[] };
  return result.rows;
}
