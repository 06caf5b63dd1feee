import type { AggregateRow, AggregateWidgetDefinition } from '@lodestar/core';
import type { Lang } from '@lodestar/ui-shared';
import { PALETTE, TEXT, type ChartOption } from './echarts-setup';

/** One slice, bar or point as drawn: its label, and its value per period (or one value without periods). */
export interface Series {
  key: AggregateRow['key'] | typeof OTHER;
  label: string;
  values: (number | null)[];
}

/** The rest beyond a widget's `limit`, summed (counts and sums only: an average of averages means nothing). */
export const OTHER = Symbol('other');
const DEFAULT_LIMIT = 12;

/** `2026-03` → 2026年3月 / Mar 2026; `2026-Q1` → 2026年第1季度 / Q1 2026; `2026-W09` → 2026年第9周 / W9 2026. */
export function periodLabel(period: string | null, lang: Lang, none: string): string {
  if (period === null) return none;
  const [year, part = ''] = period.split('-');
  const n = Number(part.replace(/^[QW]/, ''));
  if (part.startsWith('Q')) return lang === 'zh' ? `${year}年第${n}季度` : `Q${n} ${year}`;
  if (part.startsWith('W')) return lang === 'zh' ? `${year}年第${n}周` : `W${n} ${year}`;
  if (lang === 'zh') return `${year}年${n}月`;
  return new Date(Date.UTC(Number(year), n - 1, 1)).toLocaleDateString('en', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The rows as series: periods along the axis (oldest first), one series per group key, the largest first and at
 * most `limit` of them (the rest as one "other" series when the measure adds up).
 */
export function toSeries(
  widget: AggregateWidgetDefinition,
  rows: AggregateRow[],
  keyLabel: (key: AggregateRow['key']) => string,
  otherLabel: string,
): { periods: (string | null)[]; series: Series[] } {
  const periods = widget.period ? [...new Set(rows.map((r) => r.period))] : [null];
  const totals = new Map<AggregateRow['key'], number>();
  for (const row of rows) totals.set(row.key, (totals.get(row.key) ?? 0) + (row.value ?? 0));
  const keys = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)!);
  const limit = widget.limit ?? DEFAULT_LIMIT;
  const additive = widget.measure.fn === 'count' || widget.measure.fn === 'sum';
  const shown = keys.slice(0, limit);
  const rest = additive ? keys.slice(limit) : [];
  const valuesOf = (wanted: AggregateRow['key'][]) =>
    periods.map((period) => {
      const matching = rows.filter((r) => r.period === period && wanted.includes(r.key) && r.value !== null);
      return matching.length ? matching.reduce((sum, r) => sum + r.value!, 0) : null;
    });
  const series: Series[] = shown.map((key) => ({ key, label: keyLabel(key), values: valuesOf([key]) }));
  if (rest.length) series.push({ key: OTHER, label: otherLabel, values: valuesOf(rest) });
  return { periods, series };
}

/** The echarts option of an aggregate widget's chart (bar, line or pie); `format` words a value for tooltips. */
export function aggregateOption(
  widget: AggregateWidgetDefinition,
  periods: string[],
  series: Series[],
  format: (value: number) => string,
): ChartOption {
  const byPeriod = widget.period !== undefined;
  const tooltipValue = (value: unknown) => (typeof value === 'number' ? format(value) : '—');
  if (widget.chart === 'pie') {
    // One grouping: slices are the keys, or the periods when the widget has no groupBy.
    const slices =
      byPeriod && !widget.groupBy
        ? periods.map((name, i) => ({ name, value: series[0]?.values[i] ?? 0 }))
        : series.map((s) => ({ name: s.label, value: s.values[0] ?? 0 }));
    return {
      color: PALETTE,
      tooltip: { trigger: 'item', valueFormatter: tooltipValue },
      legend: { type: 'scroll', bottom: 0, textStyle: TEXT, itemWidth: 10, itemHeight: 10 },
      series: [
        {
          type: 'pie',
          radius: ['38%', '64%'],
          center: ['50%', '44%'],
          label: { show: false },
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          data: slices,
        },
      ],
    };
  }
  const axisLabel = { ...TEXT, hideOverlap: true };
  const valueAxis = {
    type: 'value' as const,
    axisLabel: { ...TEXT, formatter: (v: number) => format(v) },
    splitLine: { lineStyle: { color: '#e3e7ef' } },
  };
  if (!byPeriod) {
    // Only a grouping: categories are the keys, a bar (or point) each.
    const names = series.map((s) => s.label);
    const values = series.map((s) => s.values[0] ?? 0);
    if (widget.chart === 'bar')
      return {
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipValue },
        xAxis: valueAxis,
        yAxis: {
          type: 'category',
          inverse: true,
          data: names,
          axisLabel: { ...TEXT, width: 110, overflow: 'truncate' },
        },
        series: [{ type: 'bar', barMaxWidth: 18, itemStyle: { color: PALETTE[0] }, data: values }],
      };
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: tooltipValue },
      xAxis: { type: 'category', data: names, axisLabel },
      yAxis: valueAxis,
      series: [{ type: 'line', smooth: true, itemStyle: { color: PALETTE[0] }, data: values }],
    };
  }
  const stacked = widget.chart === 'bar' && series.length > 1;
  return {
    color: PALETTE,
    grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue },
    ...(series.length > 1 && { legend: { type: 'scroll', top: 0, textStyle: TEXT, itemWidth: 10, itemHeight: 10 } }),
    xAxis: { type: 'category', data: periods, axisLabel },
    yAxis: valueAxis,
    series: series.map((s) =>
      widget.chart === 'bar'
        ? { type: 'bar' as const, name: s.label, barMaxWidth: 28, ...(stacked && { stack: 'all' }), data: s.values }
        : { type: 'line' as const, name: s.label, smooth: true, connectNulls: true, data: s.values },
    ),
  };
}
