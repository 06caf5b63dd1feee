import { pick, useMessages } from '@lodestar/ui-shared';
import type { DashboardSummary, ReportWidgetDefinition } from '@lodestar/core';
import { useModel } from '../model/ModelContext';
import { workflowTitle } from '../model/labels';
import { AggregateCard } from './charts/AggregateCard';
import { ForecastCard } from './charts/ForecastCard';
import { FunnelCard } from './charts/FunnelCard';
import { TimeInStageCard } from './charts/TimeInStageCard';
import { WinRateCard } from './charts/WinRateCard';
import { DASHBOARD_MESSAGES } from './messages';
import type { ReportFilters } from './useReport';

/** Reports in a defined dashboard cover all time: its widgets carry no period of their own. */
const ALL_TIME: ReportFilters = { from: '', to: '', owner: '' };

/** A dashboard from the definitions: its widgets in order, each answered under the user's permissions. */
export function DefinedDashboard({ dashboard }: { dashboard: DashboardSummary }) {
  const t = useMessages(DASHBOARD_MESSAGES);
  return (
    <div className="dashboard-grid" data-dashboard={dashboard.id}>
      {dashboard.widgets.length === 0 && <p className="empty-state">{t.emptyAll}</p>}
      {dashboard.widgets.map((widget) =>
        widget.kind === 'report' ? (
          <ReportWidget key={widget.id} widget={widget} />
        ) : (
          <AggregateCard key={widget.id} dashboard={dashboard.id} widget={widget} />
        ),
      )}
    </div>
  );
}

function ReportWidget({ widget }: { widget: ReportWidgetDefinition }) {
  const { workflows, entity: entityById, lang } = useModel();
  const t = useMessages(DASHBOARD_MESSAGES);
  const workflow = workflows.find((w) => w.id === widget.workflow);
  if (!workflow) return null;
  const entity = entityById(workflow.meta.entity);
  const currency = workflow.meta.amountField
    ? entity?.properties[workflow.meta.amountField]?.['x-currency']
    : undefined;
  const filters = workflow.meta.recordType ? { ...ALL_TIME, recordType: workflow.meta.recordType } : ALL_TIME;
  const heading = {
    title: widget.title ? pick(widget.title, lang) : undefined,
    hint: t.allTime(workflowTitle(workflow, lang)),
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
