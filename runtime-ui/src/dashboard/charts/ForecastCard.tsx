import { useCallback, useMemo } from 'react';
import { useModel } from '../../model/ModelContext';
import { localeOf, type WorkflowDefinition } from '@lodestar/core';
import { ChartCard } from '../ChartCard';
import { EChart } from '../EChart';
import { TEXT, type ChartOption } from '../echarts-setup';
import { formatAmount, formatNumber } from '../format';
import { DASHBOARD_MESSAGES } from '../messages';
import type { ForecastReport } from '@lodestar/core';
import { useReport, type ReportFilters } from '../useReport';
import { useMessages } from '@lodestar/ui-shared';

/** Open amount and weighted amount per expected close month (won amount in the table). */
export function ForecastCard({
  workflow,
  filters,
  currency,
  heading,
}: {
  workflow: WorkflowDefinition;
  filters: ReportFilters;
  currency?: string | undefined;
  /** A dashboard definition's own title and hint for the card. */
  heading?: { title?: string | undefined; hint?: string | undefined } | undefined;
}) {
  const { lang } = useModel();
  const t = useMessages(DASHBOARD_MESSAGES);
  const [state, retry] = useReport<ForecastReport>(workflow.id, 'forecast', filters);
  const data = state.status === 'ready' ? state.data : undefined;
  const monthLabel = useCallback(
    (month: string | null) => {
      if (!month) return t.noDate;
      const [y, m] = month.split('-').map(Number) as [number, number];
      return new Intl.DateTimeFormat(localeOf(lang), {
        year: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }).format(new Date(Date.UTC(y, m - 1, 1)));
    },
    [lang, t],
  );
  const option = useMemo((): ChartOption | undefined => {
    if (!data) return undefined;
    const money = (v: unknown) => formatAmount(Number(v), lang, currency);
    return {
      grid: { left: 8, right: 16, top: 34, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: TEXT, itemWidth: 12, itemHeight: 10 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => money(v) },
      xAxis: {
        type: 'category',
        data: data.months.map((m) => monthLabel(m.month)),
        axisLabel: { ...TEXT, fontSize: 11 },
      },
      yAxis: {
        type: 'value',
        axisLabel: { ...TEXT, formatter: (v: number) => formatAmount(v, lang) },
        splitLine: { lineStyle: { color: '#e3e7ef' } },
      },
      series: [
        {
          type: 'bar',
          name: t.openAmount,
          barMaxWidth: 26,
          itemStyle: { color: '#a3b6f5' },
          data: data.months.map((m) => m.open.amount ?? 0),
        },
        {
          type: 'bar',
          name: t.weightedAmount,
          barMaxWidth: 26,
          itemStyle: { color: '#2f5bea' },
          data: data.months.map((m) => m.open.weightedAmount ?? 0),
        },
      ],
    };
  }, [data, lang, currency, t, monthLabel]);

  return (
    <ChartCard
      name="forecast"
      title={heading?.title ?? t.forecast}
      hint={heading?.hint ?? t.forecastHint}
      state={state}
      retry={retry}
      isEmpty={(d) => d.months.length === 0 || d.amountField === null}
      chart={() => option && <EChart option={option} />}
      table={(d) => (
        <table>
          <caption className="visually-hidden">{t.forecast}</caption>
          <thead>
            <tr>
              <th scope="col">{t.month}</th>
              <th scope="col">{t.count}</th>
              <th scope="col">{t.openAmount}</th>
              <th scope="col">{t.weightedAmount}</th>
              <th scope="col">{t.wonAmount}</th>
            </tr>
          </thead>
          <tbody>
            {d.months.map((m) => (
              <tr
                key={m.month ?? 'none'}
                data-month={m.month ?? 'none'}
                data-amount={m.open.amount ?? 0}
                data-weighted={m.open.weightedAmount ?? 0}
                data-won={m.won.amount ?? 0}
              >
                <th scope="row">{monthLabel(m.month)}</th>
                <td>{formatNumber(m.open.count, lang)}</td>
                <td>{formatAmount(m.open.amount, lang, currency, false)}</td>
                <td>{formatAmount(m.open.weightedAmount, lang, currency, false)}</td>
                <td>{formatAmount(m.won.amount, lang, currency, false)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
