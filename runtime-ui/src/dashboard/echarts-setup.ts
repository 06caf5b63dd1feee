import * as echarts from 'echarts/core';
import {
  BarChart,
  FunnelChart,
  GaugeChart,
  LineChart,
  PieChart,
  type BarSeriesOption,
  type FunnelSeriesOption,
  type GaugeSeriesOption,
  type LineSeriesOption,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';

// Only what the dashboard draws: tree-shaken, so the chart chunk stays small. SVG renders crisp text at any zoom.
echarts.use([
  BarChart,
  FunnelChart,
  GaugeChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | FunnelSeriesOption
  | GaugeSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export { echarts };

/** Series colors beside the workflow's own state colors, in the app's palette. */
export const PALETTE = [
  '#2f5bea',
  '#f5b82e',
  '#22a06b',
  '#8b5cf6',
  '#e0567a',
  '#14b8c4',
  '#f97316',
  '#64748b',
  '#102046',
  '#a3b6f5',
];

/** Text styles matching the app's ink colors and font. */
export const TEXT = {
  color: '#4b5468',
  fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font') || 'sans-serif',
};
