import { useMemo } from 'react';
import { useModel } from '../../model/ModelContext';
import type { WorkflowDefinition } from '@lodestar/core';
import { ChartCard } from '../ChartCard';
import { EChart } from '../EChart';
import { TEXT, type ChartOption } from '../echarts-setup';
import { formatAmount, formatNumber, formatPercent } from '../format';
import { DASHBOARD_MESSAGES } from '../messages';
import type { WinRateReport } from '@lodestar/core';
import { useReport, type ReportFilters } from '../useReport';
import { useMessages } from '@lodestar/ui-shared';

/** Won / (won + lost) as a gauge, with the won and lost counts, amounts and the average cycle. */
export function WinRateCard({
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
  const [state, retry] = useReport<WinRateReport>(workflow.id, 'win-rate', filters);
  const data = state.status === 'ready' ? state.data : undefined;
  const option = useMemo((): ChartOption | undefined => {
    if (!data) return undefined;
    return {
      series: [
        {
          type: 'gauge',
          startAngle: 200,
          endAngle: -20,
          min: 0,
          max: 100,
          radius: '92%',
          center: ['50%', '60%'],
          progress: { show: true, width: 14, itemStyle: { color: '#22a06b' } },
          axisLine: { lineStyle: { width: 14, color: [[1, '#f1d5d9']] } },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { show: false },
          pointer: { show: false },
          anchor: { show: false },
          title: { show: false },
          detail: {
            valueAnimation: true,
            offsetCenter: [0, '0%'],
            fontSize: 28,
            fontWeight: 700,
            color: '#1c2333',
            fontFamily: TEXT.fontFamily,
            formatter: () => formatPercent(data.winRate, lang),
          },
          data: [{ value: (data.winRate ?? 0) * 100 }],
        },
      ],
    };
  }, [data, lang]);

  return (
    <ChartCard
      name="winRate"
      title={heading?.title ?? t.winRate}
      hint={heading?.hint ?? t.winRateHint}
      state={state}
      retry={retry}
      isEmpty={(d) => d.decided === 0}
      chart={(d) => (
        <div className="win-rate">
          {option && <EChart option={option} height={190} />}
          <dl className="win-rate-figures">
            <div className="win-rate-won">
              <dt>{t.won}</dt>
              <dd>
                {formatNumber(d.won.count, lang)}
                {d.amountField && <span> · {formatAmount(d.won.amount, lang, currency)}</span>}
              </dd>
            </div>
            <div className="win-rate-lost">
              <dt>{t.lost}</dt>
              <dd>
                {formatNumber(d.lost.count, lang)}
                {d.amountField && <span> · {formatAmount(d.lost.amount, lang, currency)}</span>}
              </dd>
            </div>
            <div>
              <dt>{t.avgCycle}</dt>
              <dd>{d.averageCycleDays === null ? '—' : t.daysValue(formatNumber(d.averageCycleDays, lang, 1))}</dd>
            </div>
          </dl>
        </div>
      )}
      table={(d) => (
        <table>
          <caption className="visually-hidden">{t.winRate}</caption>
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{t.count}</th>
              {d.amountField && <th scope="col">{t.amount}</th>}
            </tr>
          </thead>
          <tbody>
            <tr data-outcome="won" data-count={d.won.count} data-amount={d.won.amount ?? undefined}>
              <th scope="row">{t.won}</th>
              <td>{formatNumber(d.won.count, lang)}</td>
              {d.amountField && <td>{formatAmount(d.won.amount, lang, currency, false)}</td>}
            </tr>
            <tr data-outcome="lost" data-count={d.lost.count} data-amount={d.lost.amount ?? undefined}>
              <th scope="row">{t.lost}</th>
              <td>{formatNumber(d.lost.count, lang)}</td>
              {d.amountField && <td>{formatAmount(d.lost.amount, lang, currency, false)}</td>}
            </tr>
            <tr data-outcome="rate" data-rate={d.winRate ?? undefined}>
              <th scope="row">{t.winRateLabel}</th>
              <td colSpan={d.amountField ? 2 : 1}>{formatPercent(d.winRate, lang)}</td>
            </tr>
          </tbody>
        </table>
      )}
    />
  );
}
