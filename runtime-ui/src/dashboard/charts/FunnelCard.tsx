import { useMemo } from 'react';
import { useModel } from '../../model/ModelContext';
import { stateTitle } from '../../model/labels';
import type { WorkflowDefinition } from '@lodestar/core';
import { ChartCard } from '../ChartCard';
import { EChart } from '../EChart';
import { PALETTE, TEXT, type ChartOption } from '../echarts-setup';
import { formatAmount, formatNumber, formatPercent } from '../format';
import { DASHBOARD_MESSAGES } from '../messages';
import type { FunnelReport } from '@lodestar/core';
import { useReport, type ReportFilters } from '../useReport';
import { useMessages } from '@lodestar/ui-shared';

/** Counts and amounts per funnel stage, in the workflow's state colors; lost records listed beside. */
export function FunnelCard({
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
  const [state, retry] = useReport<FunnelReport>(workflow.id, 'funnel', filters);
  const data = state.status === 'ready' ? state.data : undefined;
  const option = useMemo((): ChartOption | undefined => {
    if (!data) return undefined;
    const max = Math.max(1, ...data.stages.map((s) => s.count));
    return {
      tooltip: { trigger: 'item', formatter: (p: unknown) => tip(p as { dataIndex: number }) },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          min: 0,
          max,
          minSize: '12%',
          left: 4,
          width: '56%',
          top: 8,
          bottom: 8,
          gap: 3,
          // Names beside the shape: long stage names never fit inside its narrow end.
          label: {
            position: 'right',
            color: TEXT.color,
            fontSize: 12,
            fontFamily: TEXT.fontFamily,
            formatter: (p: { name: string; value: unknown }) => `${p.name}  ${formatNumber(Number(p.value), lang)}`,
          },
          labelLine: { length: 12, lineStyle: { color: '#cfd5e2' } },
          data: data.stages.map((s, i) => ({
            name: stateTitle(workflow, s.state, lang),
            value: s.count,
            itemStyle: { color: workflow.states[s.state]?.meta?.color ?? PALETTE[i % PALETTE.length] },
          })),
        },
      ],
    };
    function tip({ dataIndex }: { dataIndex: number }) {
      const s = data!.stages[dataIndex]!;
      const amount = data!.amountField ? ` · ${formatAmount(s.amount, lang, currency)}` : '';
      const conversion = s.conversion === null ? '' : `<br/>${t.conversion} ${formatPercent(s.conversion, lang)}`;
      return `${stateTitle(workflow, s.state, lang)}<br/>${formatNumber(s.count, lang)}${amount}${conversion}`;
    }
  }, [data, workflow, lang, currency, t]);

  return (
    <ChartCard
      name="funnel"
      title={heading?.title ?? t.funnel}
      hint={heading?.hint ?? t.funnelHint}
      state={state}
      retry={retry}
      isEmpty={(d) => d.total.count === 0}
      chart={(d) => (
        <>
          {option && <EChart option={option} height={Math.max(220, d.stages.length * 34)} />}
          {d.lost.length > 0 && (
            <p className="chart-footnote">
              {d.lost
                .map(
                  (l) =>
                    `${stateTitle(workflow, l.state, lang)} ${formatNumber(l.count, lang)}${d.amountField ? ` · ${formatAmount(l.amount, lang, currency)}` : ''}`,
                )
                .join('　')}
            </p>
          )}
        </>
      )}
      table={(d) => (
        <table>
          <caption className="visually-hidden">{t.funnel}</caption>
          <thead>
            <tr>
              <th scope="col">{t.stage}</th>
              <th scope="col">{t.count}</th>
              {d.amountField && <th scope="col">{t.amount}</th>}
              <th scope="col">{t.conversion}</th>
            </tr>
          </thead>
          <tbody>
            {d.stages.map((s) => (
              <tr key={s.state} data-stage={s.state} data-count={s.count} data-amount={s.amount ?? undefined}>
                <th scope="row">{stateTitle(workflow, s.state, lang)}</th>
                <td>{formatNumber(s.count, lang)}</td>
                {d.amountField && <td>{formatAmount(s.amount, lang, currency, false)}</td>}
                <td>{formatPercent(s.conversion, lang)}</td>
              </tr>
            ))}
            {d.lost.map((l) => (
              <tr
                key={l.state}
                data-stage={l.state}
                data-count={l.count}
                data-amount={l.amount ?? undefined}
                data-lost="true"
              >
                <th scope="row">{stateTitle(workflow, l.state, lang)}</th>
                <td>{formatNumber(l.count, lang)}</td>
                {d.amountField && <td>{formatAmount(l.amount, lang, currency, false)}</td>}
                <td>—</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-stage="total" data-count={d.total.count} data-amount={d.total.amount ?? undefined}>
              <th scope="row">{t.total}</th>
              <td>{formatNumber(d.total.count, lang)}</td>
              {d.amountField && <td>{formatAmount(d.total.amount, lang, currency, false)}</td>}
              <td />
            </tr>
          </tfoot>
        </table>
      )}
    />
  );
}
