import { useMemo, useState } from 'react';
import { useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import type { EntityPermissions } from '../model/types';
import { DashboardFilters, type FilterState } from './DashboardFilters';
import { DistributionCard } from './charts/DistributionCard';
import { ForecastCard } from './charts/ForecastCard';
import { FunnelCard } from './charts/FunnelCard';
import { TimeInStageCard } from './charts/TimeInStageCard';
import { WinRateCard } from './charts/WinRateCard';
import { presetPeriod } from './period';
import { DASHBOARD_MESSAGES } from './messages';

/**
 * The generated overview (概览): the workflow reports and the distributions definitions ask for, under the
 * user's permissions. Shown when no dashboard is defined, and as the chooser's first entry.
 */
export function OverviewDashboard() {
  const { workflows, entities, permissions } = useModel();
  const t = useMessages(DASHBOARD_MESSAGES);
  // Workflows with an amount are the sales-like ones worth a funnel and a forecast; without any, all of them.
  const reportable = useMemo(() => {
    const visible = workflows.filter((w) => isReadable(permissions, w.meta.entity));
    const withAmount = visible.filter((w) => w.meta.amountField);
    return withAmount.length > 0 ? withAmount : visible;
  }, [workflows, permissions]);
  // Every field a definition marks `x-ui.chart: true`, found generically.
  const charted = useMemo(
    () =>
      entities
        .filter((e) => isReadable(permissions, e.$id))
        .flatMap((entity) =>
          Object.entries(entity.properties)
            .filter(([, p]) => (p['x-ui'] as { chart?: boolean } | undefined)?.chart === true)
            .map(([field]) => ({ entity, field })),
        ),
    [entities, permissions],
  );

  const [filters, setFilters] = useState<FilterState>(() => ({
    preset: 'year',
    period: presetPeriod('year'),
    owner: '',
    workflow: reportable[0]?.id,
  }));
  const onChange = (next: FilterState) =>
    setFilters(next.preset === 'custom' ? next : { ...next, period: presetPeriod(next.preset) });
  const workflow = reportable.find((w) => w.id === filters.workflow) ?? reportable[0];
  const entity = workflow ? entities.find((e) => e.$id === workflow.meta.entity) : undefined;
  const currency = workflow?.meta.amountField
    ? entity?.properties[workflow.meta.amountField]?.['x-currency']
    : undefined;
  const reportFilters = useMemo(
    () => ({
      from: filters.period.from,
      to: filters.period.to,
      owner: filters.owner,
      recordType: workflow?.meta.recordType,
    }),
    [filters.period.from, filters.period.to, filters.owner, workflow?.meta.recordType],
  );

  return (
    <>
      <DashboardFilters value={filters} onChange={onChange} workflows={reportable} />
      {!workflow && charted.length === 0 && <p className="empty-state">{t.noWorkflow}</p>}
      <div className="dashboard-grid">
        {workflow && (
          <>
            <FunnelCard key={`funnel-${workflow.id}`} workflow={workflow} filters={reportFilters} currency={currency} />
            <WinRateCard key={`win-${workflow.id}`} workflow={workflow} filters={reportFilters} currency={currency} />
            <ForecastCard
              key={`forecast-${workflow.id}`}
              workflow={workflow}
              filters={reportFilters}
              currency={currency}
            />
            <TimeInStageCard key={`time-${workflow.id}`} workflow={workflow} filters={reportFilters} />
          </>
        )}
        {charted.map(({ entity: e, field }) => (
          <DistributionCard key={`${e.$id}-${field}`} entity={e} field={field} owner={filters.owner} />
        ))}
      </div>
    </>
  );
}

function isReadable(permissions: Record<string, EntityPermissions>, entity: string): boolean {
  return (permissions[entity]?.read ?? 'none') !== 'none';
}
