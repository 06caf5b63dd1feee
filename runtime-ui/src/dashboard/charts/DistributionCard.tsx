import { useEffect, useMemo, useState } from 'react';
import { useApi, useMessages } from '@lodestar/ui-shared';
import { useUsers } from '../../fields/useUsers';
import { useModel } from '../../model/ModelContext';
import { entityTitle, fieldTitle } from '../../model/labels';
import type { EntityDefinition, GroupsAnswer } from '@lodestar/core';
import { ChartCard } from '../ChartCard';
import { EChart } from '../EChart';
import { PALETTE, TEXT, type ChartOption } from '../echarts-setup';
import { formatNumber, formatPercent } from '../format';
import { groupLabel, relatedTitles } from '../group-labels';
import { DASHBOARD_MESSAGES } from '../messages';

const PIE_MAX = 8;
const BAR_MAX = 15;

/** How the records of an entity spread over the values of one field (`x-ui.chart: true`): a pie, or bars when many. */
export function DistributionCard({ entity, field, owner }: { entity: EntityDefinition; field: string; owner: string }) {
  const { lang, kinds, entity: entityById, workflowOf } = useModel();
  const t = useMessages(DASHBOARD_MESSAGES);
  const users = useUsers();
  const kind = kinds[entity.$id]?.[field];
  const params = new URLSearchParams({ by: field, ...(owner && { 'filter[owner_id]': owner }) });
  const [state, retry] = useApi<GroupsAnswer>(`/api/v1/records/${encodeURIComponent(entity.$id)}/groups?${params}`);
  const rows = useMemo(
    () => (state.status === 'ready' ? [...state.data.data].sort((a, b) => b.count - a.count) : []),
    [state],
  );

  // Related records are named by their titles, fetched once the keys are known.
  const target = kind === 'manyToOne' ? entityById(entity.properties[field]?.['x-relation']?.entity ?? '') : undefined;
  const [related, setRelated] = useState(new Map<string, string>());
  useEffect(() => {
    if (!target || rows.length === 0) return;
    const controller = new AbortController();
    const ids = rows
      .slice(0, 50)
      .map((r) => r.key)
      .filter((k): k is string => typeof k === 'string');
    relatedTitles(target, ids, controller.signal).then(setRelated, () => undefined);
    return () => controller.abort();
  }, [target, rows]);

  const names = useMemo(
    () => (field === 'owner_id' ? new Map(users.users.map((u) => [u.id, u.displayName])) : related),
    [field, users.users, related],
  );
  const workflow = workflowOf(entity.$id);
  const label = (key: unknown) => groupLabel(key, { entity, field, kind, lang, t, names, workflow });
  // Labels once per data/language change, so the chart option (and echarts' setOption) only changes then.
  const labels = useMemo(
    () => rows.map((r) => groupLabel(r.key, { entity, field, kind, lang, t, names, workflow })),
    [rows, entity, field, kind, lang, t, names, workflow],
  );
  const total = rows.reduce((sum, r) => sum + r.count, 0);

  const option = useMemo((): ChartOption => {
    const named = rows.map((r, i) => ({ name: labels[i]!, value: r.count }));
    if (named.length <= PIE_MAX) {
      return {
        color: PALETTE,
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: {
          type: 'scroll',
          orient: 'vertical',
          right: 4,
          top: 'middle',
          textStyle: TEXT,
          itemWidth: 10,
          itemHeight: 10,
        },
        series: [
          {
            type: 'pie',
            radius: ['42%', '70%'],
            center: ['36%', '50%'],
            label: { show: false },
            itemStyle: { borderColor: '#fff', borderWidth: 2 },
            data: named,
          },
        ],
      };
    }
    const top = named.slice(0, BAR_MAX);
    const rest = named.slice(BAR_MAX).reduce((sum, n) => sum + n.value, 0);
    const bars = rest > 0 ? [...top, { name: t.other, value: rest }] : top;
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', axisLabel: TEXT, splitLine: { lineStyle: { color: '#e3e7ef' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((b) => b.name),
        axisLabel: { ...TEXT, width: 110, overflow: 'truncate' },
      },
      series: [{ type: 'bar', barMaxWidth: 16, itemStyle: { color: PALETTE[0] }, data: bars.map((b) => b.value) }],
    };
  }, [rows, labels, t]);

  const title = `${entityTitle(entity, lang)} · ${fieldTitle(entity, field, lang)}`;
  return (
    <ChartCard
      name={`${entity.$id}-${field}`}
      title={title}
      hint={t.distributionHint(entityTitle(entity, lang))}
      state={state}
      retry={retry}
      isEmpty={() => total === 0}
      emptyText={t.emptyAll}
      chart={() => (
        <EChart
          option={option}
          height={rows.length > PIE_MAX ? Math.min(420, 60 + Math.min(rows.length, BAR_MAX + 1) * 22) : 240}
        />
      )}
      table={() => (
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.value}</th>
              <th scope="col">{t.count}</th>
              <th scope="col">%</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={String(r.key)} data-key={r.key === null ? '' : String(r.key)} data-count={r.count}>
                <th scope="row">{label(r.key)}</th>
                <td>{formatNumber(r.count, lang)}</td>
                <td>{formatPercent(r.count / total, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
