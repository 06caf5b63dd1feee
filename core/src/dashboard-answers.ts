import type { DashboardWidget, LocalizedText } from './definitions/types.js';
import type { ForecastReport, FunnelReport, TimeInStageReport, WinRateReport } from './report-answers.js';

/*
 * What the dashboard routes answer (`GET /dashboards`, `GET /dashboards/{id}/widgets/{widget}`): engine
 * dashboards/* builds these from the published dashboard definitions, the runtime UI draws them.
 */

/** A dashboard the caller may open: its definition, with only the widgets the caller's permissions can answer. */
export interface DashboardSummary {
  id: string;
  title: LocalizedText;
  description: LocalizedText | null;
  widgets: DashboardWidget[];
}

/** `GET /dashboards`: the published dashboards the caller's roles see, in their `order`, then by id. */
export interface DashboardList {
  data: DashboardSummary[];
}

/** One figure of an aggregate widget: the group's key and/or period, the measure, and how many records. */
export interface AggregateRow {
  /** The groupBy value (a choice, id, user id, state…); null for no value, or when the widget has no groupBy. */
  key: string | number | boolean | null;
  /** The period (`2026-03`, `2026-Q1`, `2026-W09`); null when the widget has no period or the date is empty. */
  period: string | null;
  /** The measure: a count, sum, average, minimum or maximum; null when no record has a value. */
  value: number | null;
  /** @integer */
  count: number;
}

/** An aggregate widget's answer: the rows by period (oldest first), then by value (largest first). */
export interface AggregateAnswer {
  kind: 'aggregate';
  dashboard: string;
  widget: string;
  entity: string;
  rows: AggregateRow[];
}

/** A report widget's answer: the workflow report, as `GET /reports/{workflow}/{report}` answers it. */
export interface ReportWidgetAnswer {
  kind: 'report';
  dashboard: string;
  widget: string;
  report: 'funnel' | 'winRate' | 'forecast' | 'timeInStage';
  data: FunnelReport | WinRateReport | ForecastReport | TimeInStageReport;
}

/** `GET /dashboards/{id}/widgets/{widget}`. */
export type WidgetAnswer = AggregateAnswer | ReportWidgetAnswer;
