import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { pick, useMessages } from '@lodestar/ui-shared';
import type { DashboardSummary, ReportWidgetDefinition } from '@lodestar/core';
import { useModel } from '../model/ModelContext';
import { workflowTitle } from '../model/labels';
import { AggregateCard } from './charts/AggregateCard';
import { ForecastCard } from './charts/ForecastCard';
import { FunnelCard } from './charts/FunnelCard';
import { TimeInStageCard } from './charts/TimeInStageCard';
import { WinRateCard } from './charts/WinRateCard';
import { DefinedFilters } from './DefinedFilters';
import { barQuery, readBar, writeBar, type BarOwner, type BarState } from './bar-filters';
import { DASHBOARD_MESSAGES } from './messages';

/**
 * A dashboard from the definitions: its filter bar (kept in the URL), then its widgets in order, each
 * answered under the user's permissions and narrowed alike by the bar.
 */
export function DefinedDashboard({ dashboard }: { dashboard: DashboardSummary }) {
  const t = useMessages(DASHBOARD_MESSAGES);
  const { me, permissions, workflows } = useModel();
  const [params, setParams] = useSearchParams();
  const bar = readBar(params);
  const query = barQuery(bar);
  const onChange = (next: BarState) => setParams(writeBar(params, next), { replace: true });
  // "My team" and "all" only mean more than "mine" where a role reads beyond its own records.
  const owners = useMemo((): BarOwner[] => {
    const entities = dashboard.widgets.map((w) =>
      w.kind === 'report' ? workflows.find((f) => f.id === w.workflow)?.meta.entity : w.entity,
    );
    const broad = entities.some((e) => e !== undefined && ['team', 'all'].includes(permissions[e]?.read ?? 'none'));
    if (!broad) return [];
    return me.orgUnitId ? ['', 'me', 'team'] : ['', 'me'];
  }, [dashboard.widgets, workflows, permissions, me.orgUnitId]);
  return (
    <>
      <DefinedFilters value={bar} onChange={onChange} owners={owners} />
      <div className="dashboard-grid" data-dashboard={dashboard.id}>
        {dashboard.widgets.length === 0 && <p className="empty-state">{t.emptyAll}</p>}
        {dashboard.widgets.map((widget) =>
          widget.kind === 'report' ? (
            <ReportWidget key={widget.id} widget={widget} bar={bar} />
          ) : (
            <AggregateCard key={widget.id} dashboard={dashboard.id} widget={widget} query={query} />
          ),
        )}
      </div>
    </>
  );
}

/**
 * A workflow report on a defined dashboard: the bar's period, and "mine" as the report's owner filter (a
 * report takes one owner, so "my team" leaves it at what the user's permissions show).
 */
function ReportWidget({ widget, bar }: { widget: ReportWidgetDefinition; bar: BarState }) {
  const { workflows, entity: entityById, lang, me } = useModel();
  const t = useMessages(DASHBOARD_MESSAGES);
  const workflow = workflows.find((w) => w.id === widget.workflow);
  const filters = useMemo(
    () => ({
      from: bar.period.from,
      to: bar.period.to,
      owner: bar.owner === 'me' ? me.id : '',
      ...(workflow?.meta.recordType && { recordType: workflow.meta.recordType }),
    }),
    [bar.period.from, bar.period.to, bar.owner, me.id, workflow?.meta.recordType],
  );
  if (!workflow) return null;
  const entity = entityById(workflow.meta.entity);
  const currency = workflow.meta.amountField
    ? entity?.properties[workflow.meta.amountField]?.['x-currency']
    : undefined;
  const name = workflowTitle(workflow, lang);
  const heading = {
    title: widget.title ? pick(widget.title, lang) : undefined,
    hint: bar.period.from ? t.inPeriod(name, bar.period.from, bar.period.to) : t.allTime(name),
  };
  switch (widget.report) {
    case 'funnel':
      return <FunnelCard workflow={workflow} filters={filters} currency={currency} heading={heading} />;
    case 'winRate':
      return <WinRateCard workflow={workflow} filters={filters} currency={currency} heading={heading} />;
    case 'forecast':
      return <ForecastCard workflow={workflow} filters={filters} currency={currency} heading={heading} />;
    case 'timeInStage':
      return <TimeInStageCard workflow={workflow} filters={filters} heading={heading} />;
  }
}
