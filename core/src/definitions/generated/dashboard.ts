/* Generated from engine/src/definitions/meta/dashboard.meta.json by `npm run generate -w core`. Do not edit. */

export type Localized =
  | string
  | {
      [k: string]: string;
    };
export type Widget = ReportWidget | AggregateWidget;
export type WidgetId = string;
/**
 * half (default): two per row on wide screens; full: the whole row. Phones show one column.
 */
export type Width = 'half' | 'full';

/**
 * Lodestar dashboard definition (dashboards/<id>.dashboard.json). The shape only. Entities, fields, workflows and roles are checked against the rest of the definition set by engine/src/definitions/validate-dashboards.ts.
 */
export interface DashboardDefinition {
  $schema?: string;
  id: string;
  title: Localized;
  description?: Localized;
  /**
   * The roles that see this dashboard; absent: everyone (each widget still answers under the reader's permissions).
   */
  roles?: string[];
  /**
   * Position among the dashboards (smaller first; then by id).
   */
  order?: number;
  /**
   * @minItems 1
   * @maxItems 40
   */
  widgets: Widget[];
}
/**
 * A workflow report: funnel, win rate, forecast or time in stage of one workflow.
 */
export interface ReportWidget {
  id: WidgetId;
  kind: 'report';
  report: 'funnel' | 'winRate' | 'forecast' | 'timeInStage';
  workflow: string;
  title?: Localized;
  width?: Width;
}
/**
 * A measure over the records of one entity the reader may see, optionally grouped by a field and/or by a date period.
 */
export interface AggregateWidget {
  id: WidgetId;
  kind: 'aggregate';
  title: Localized;
  description?: Localized;
  entity: string;
  measure: Measure;
  /**
   * A choice, text, boolean, integer, date, many-to-one or user field, state, owner_id or record_type; or relation.field through a many-to-one (customer.region).
   */
  groupBy?: string;
  period?: Period;
  filter?: Filter;
  chart: 'bar' | 'line' | 'pie' | 'table' | 'number';
  /**
   * Groups shown at most (the rest summed as Other); default 12.
   */
  limit?: number;
  width?: Width;
}
export interface Measure {
  fn: 'count' | 'sum' | 'avg' | 'min' | 'max';
  /**
   * The number, money or integer field; not with count.
   */
  field?: string;
}
/**
 * A date or date-time field, bucketed by week, month or quarter (in the company's time zone).
 */
export interface Period {
  field: string;
  unit: 'week' | 'month' | 'quarter';
}
/**
 * Conditions as lists take them: { "<field or relation.field>": { "<op>": "<value>" } } means filter[field][op]=value.
 */
export interface Filter {
  [k: string]: {
    [k: string]: string | number | boolean;
  };
}
