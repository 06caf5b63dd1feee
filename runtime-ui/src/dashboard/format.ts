import { localeOf } from '@lodestar/core';
import type { Lang } from '@lodestar/ui-shared';

/*
 * Number formatting shared by the board, My day and the dashboard. Pure (no echarts), so the board can
 * import it without pulling the charts into the first bundle. In Chinese, compact amounts read 万 / 亿.
 */

const LOCALE: Record<Lang, string> = { zh: localeOf('zh'), en: localeOf('en') };

/** An amount, compact for headers and charts (`¥123.5万`, `CN¥1.2M`), in the field's currency when it has one. */
export function formatAmount(value: number | null | undefined, lang: Lang, currency?: string, compact = true): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const options: Intl.NumberFormatOptions = {
    ...(currency && { style: 'currency', currency }),
    ...(compact && { notation: 'compact' }),
    minimumFractionDigits: 0,
    maximumFractionDigits: compact ? 1 : 2,
  };
  try {
    return new Intl.NumberFormat(LOCALE[lang], options).format(value);
  } catch {
    return new Intl.NumberFormat(LOCALE[lang], { notation: compact ? 'compact' : 'standard' }).format(value); // unknown currency code
  }
}

/** A plain count or figure with the language's grouping (`12,345`). */
export function formatNumber(value: number | null | undefined, lang: Lang, fractionDigits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: fractionDigits }).format(value);
}

/** A ratio (0.42) as a percentage (`42%`). */
export function formatPercent(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1 }).format(value);
}
