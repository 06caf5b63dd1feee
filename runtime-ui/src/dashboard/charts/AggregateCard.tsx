import { useCallback, useEffect, useMemo, useState } from 'react';
import { pick, useApi, useMessages } from '@lodestar/ui-shared';
import type { AggregateAnswer, AggregateRow, AggregateWidgetDefinition, EntityDefinition } from '@lodestar/core';
import { useUsers } from '../../fields/useUsers';
import { useModel } from '../../model/ModelContext';
import { entityTitle } from '../../model/labels';
import { ChartCard } from '../ChartCard';
import { EChart } from '../EChart';
import { aggregateOption, periodLabel, toSeries, type Series } from '../aggregate-chart';
import { formatAmount, formatNumber } from '../format';
import { groupLabel, relatedTitles } from '../group-labels';
import { DASHBOARD_MESSAGES } from '../messages';

/** An aggregate widget: a number, a chart or a table of one measure over the records the user may see. */
export function AggregateCard({
  dashboard,
  widget,
  query = '',
}: {
  dashboard: string;
  widget: AggregateWidgetDefinition;
  /** The dashboard's filter bar as query parameters (`?from=…`), the same for every widget. */
  query?: string;
}) {
  const { lang, kinds, entity: entityById, workflowOf } = useModel();
  const t = useMessages(DASHBOARD_MESSAGES);
  const users = useUsers();
  const path = `/api/v1/dashboards/${encodeURIComponent(dashboard)}/widgets/${encodeURIComponent(widget.id)}${query}`;
  const [state, retry] = useApi<AggregateAnswer>(path);
  const rows = useMemo(() => (state.status === 'ready' ? state.data.rows : []), [state]);

  // The grouping's own entity and field: `customer.region` is the customer's region.
  const entity = entityById(widget.entity);
  const [head, tail] = (widget.groupBy ?? '').split('.');
  const keyEntity: EntityDefinition | undefined =
    tail === undefined ? entity : entityById(entity?.properties[head!]?.['x-relation']?.entity ?? '');
  const keyField = tail ?? head ?? '';
  const kind = keyEntity ? kinds[keyEntity.$id]?.[keyField] : undefined;
  const target =
    kind === 'manyToOne' ? entityById(keyEntity?.properties[keyField]?.['x-relation']?.entity ?? '') : undefined;
  const [related, setRelated] = useState(new Map<string, string>());
  useEffect(() => {
    if (!target || rows.length === 0) return;
    const controller = new AbortController();
    const ids = [...new Set(rows.map((r) => r.key).filter((k): k is string => typeof k === 'string'))].slice(0, 50);
    relatedTitles(target, ids, controller.signal).then(setRelated, () => undefined);
    return () => controller.abort();
  }, [target, rows]);
  const names = useMemo(
    () =>
      keyField === 'owner_id' || kind === 'user' ? new Map(users.users.map((u) => [u.id, u.displayName])) : related,
    [keyField, kind, users.users, related],
  );
  const workflow = keyEntity ? workflowOf(keyEntity.$id) : undefined;
  const keyLabel = useCallback(
    (key: AggregateRow['key']) =>
      keyEntity ? groupLabel(key, { entity: keyEntity, field: keyField, kind, lang, t, names, workflow }) : String(key),
    [keyEntity, keyField, kind, lang, t, names, workflow],
  );

  const currency = widget.measure.field ? entity?.properties[widget.measure.field]?.['x-currency'] : undefined;
  const fn = widget.measure.fn;
  const format = useCallback(
    (value: number | null, compact = true) =>
      fn === 'count'
        ? formatNumber(value, lang)
        : currency
          ? formatAmount(value, lang, currency, compact)
          : formatNumber(value, lang, fn === 'avg' ? 1 : 2),
    [fn, currency, lang],
  );

  const { periods, series } = useMemo(() => toSeries(widget, rows, keyLabel, t.other), [widget, rows, keyLabel, t]);
  const periodNames = useMemo(() => periods.map((p) => periodLabel(p, lang, t.noDate)), [periods, lang, t]);
  const option = useMemo(
    () =>
      widget.chart === 'number' || widget.chart === 'table'
        ? undefined
        : aggregateOption(widget, periodNames, series, (v) => format(v)),
    [widget, periodNames, series, format],
  );

  const title = pick(widget.title, lang) ?? widget.id;
  const hint = widget.description ? pick(widget.description, lang) : entity ? entityTitle(entity, lang) : undefined;
  const figures = (visibleCaption: boolean) => (
    <FiguresTable
      caption={title}
      visibleCaption={visibleCaption}
      periods={widget.period ? periodNames : undefined}
      series={series}
      keyHeader={widget.groupBy ? t.value : undefined}
      measureHeader={t.measure}
      format={(v) => format(v, false)}
    />
  );
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <ChartCard
      name={`${dashboard}-${widget.id}`}
      title={title}
      {...(hint && { hint })}
      state={state}
      retry={retry}
      wide={widget.width === 'full'}
      isEmpty={() => (widget.chart === 'number' ? false : total === 0)}
      emptyText={t.emptyAll}
      chart={() =>
        widget.chart === 'number' ? (
          <p className="kpi-value" data-value={rows[0]?.value ?? ''}>
            {format(rows[0]?.value ?? (widget.measure.fn === 'count' ? 0 : null), false)}
          </p>
        ) : widget.chart === 'table' ? (
          figures(false)
        ) : (
          <EChart option={option!} height={chartHeight(widget, series.length)} />
        )
      }
      {...(widget.chart !== 'table' && { table: () => figures(false) })}
    />
  );
}

function chartHeight(widget: AggregateWidgetDefinition, count: number): number {
  if (widget.chart === 'bar' && !widget.period) return Math.min(420, 60 + Math.max(count, 3) * 26);
  return widget.chart === 'pie' ? 260 : 280;
}

/** The widget's figures: a row per key (or per period), a column per period when it has both. */
function FiguresTable({
  caption,
  visibleCaption,
  periods,
  series,
  keyHeader,
  measureHeader,
  format,
}: {
  caption: string;
  visibleCaption: boolean;
  periods: string[] | undefined;
  series: Series[];
  keyHeader: string | undefined;
  measureHeader: string;
  format: (value: number | null) => string;
}) {
  const dataKey = (s: Series) => (typeof s.key === 'symbol' ? 'other' : s.key === null ? '' : String(s.key));
  if (periods && !keyHeader)
    return (
      <table>
        <caption className={visibleCaption ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{measureHeader}</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((period, i) => (
            <tr key={period} data-period={period} data-value={series[0]?.values[i] ?? ''}>
              <th scope="row">{period}</th>
              <td>{format(series[0]?.values[i] ?? null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <table>
      <caption className={visibleCaption ? undefined : 'visually-hidden'}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          {periods ? (
            periods.map((p) => (
              <th key={p} scope="col">
                {p}
              </th>
            ))
          ) : (
            <th scope="col">{measureHeader}</th>
          )}
        </tr>
      </thead>
      <tbody>
        {series.map((s) => (
          <tr key={dataKey(s)} data-key={dataKey(s)} data-value={periods ? undefined : (s.values[0] ?? '')}>
            <th scope="row">{s.label}</th>
            {s.values.map((v, i) => (
              <td key={i}>{format(v)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
