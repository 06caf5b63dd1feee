import { useMemo } from 'react';
import { useModel } from '../../model/ModelContext';
import { stateTitle } from '../../model/labels';
import type { WorkflowDefinition } from '@lodestar/core';
import { ChartCard } from '../ChartCard';
import { EChart } from '../EChart';
import { TEXT, type ChartOption } from '../echarts-setup';
import { formatNumber } from '../format';
import { DASHBOARD_MESSAGES } from '../messages';
import type { TimeInStageReport } from '@lodestar/core';
import { useReport, type ReportFilters } from '../useReport';
import { useMessages } from '@lodestar/ui-shared';

const days = (hours: number | null | undefined) => (hours === null || hours === undefined ? null : hours / 24);

/** Average days per stage: stays that ended (solid) and stays still running (light). */
export function TimeInStageCard({
  workflow,
  filters,
  heading,
}: {
  workflow: WorkflowDefinition;
  filters: ReportFilters;
  /** A dashboard definition's own title and hint for the card. */
  heading?: { title?: string | undefined; hint?: string | undefined } | undefined;
}) {
  const { lang } = useModel();
  const t = useMessages(DASHBOARD_MESSAGES);
  const [state, retry] = useReport<TimeInStageReport>(workflow.id, 'time-in-stage', filters);
  const data = state.status === 'ready' ? state.data : undefined;
  const option = useMemo((): ChartOption | undefined => {
    if (!data) return undefined;
    const value = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    // Horizontal bars: stage names are long (especially side by side in Chinese) and read best as rows.
    return {
      grid: { left: 8, right: 24, top: 30, bottom: 4, containLabel: true },
      legend: { top: 0, textStyle: TEXT, itemWidth: 12, itemHeight: 10 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => (v == null ? '—' : t.daysValue(formatNumber(Number(v), lang, 1))),
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.stages.map((s) => stateTitle(workflow, s.state, lang)),
        axisLabel: { ...TEXT, fontSize: 12 },
      },
      xAxis: { type: 'value', axisLabel: TEXT, splitLine: { lineStyle: { color: '#e3e7ef' } } },
      series: [
        {
          type: 'bar',
          name: t.completedDays,
          barMaxWidth: 10,
          itemStyle: { color: '#2f5bea' },
          data: data.stages.map((s) => value(days(s.completed.meanHours))),
        },
        {
          type: 'bar',
          name: t.currentDays,
          barMaxWidth: 10,
          itemStyle: { color: '#a3b6f5' },
          data: data.stages.map((s) => value(days(s.current.meanAgeHours))),
        },
      ],
    };
  }, [data, workflow, lang, t]);

  return (
    <ChartCard
      name="timeInStage"
      title={heading?.title ?? t.timeInStage}
      hint={heading?.hint ?? t.timeInStageHint}
      state={state}
      retry={retry}
      isEmpty={(d) => d.stages.every((s) => s.completed.count === 0 && s.current.count === 0)}
      chart={(d) => option && <EChart option={option} height={Math.max(240, 50 + d.stages.length * 30)} />}
      table={(d) => (
        <table>
          <caption className="visually-hidden">{t.timeInStage}</caption>
          <thead>
            <tr>
              <th scope="col">{t.stage}</th>
              <th scope="col">{t.completedCount}</th>
              <th scope="col">{t.completedDays}</th>
              <th scope="col">{t.currentCount}</th>
              <th scope="col">{t.currentDays}</th>
            </tr>
          </thead>
          <tbody>
            {d.stages.map((s) => (
              <tr key={s.state} data-stage={s.state} data-completed={s.completed.count} data-current={s.current.count}>
                <th scope="row">{stateTitle(workflow, s.state, lang)}</th>
                <td>{formatNumber(s.completed.count, lang)}</td>
                <td>{formatNumber(days(s.completed.meanHours), lang, 1)}</td>
                <td>{formatNumber(s.current.count, lang)}</td>
                <td>{formatNumber(days(s.current.meanAgeHours), lang, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
