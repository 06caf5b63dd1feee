import { useSearchParams } from 'react-router';
import { pick, useApi, useDocumentTitle, useMessages } from '@lodestar/ui-shared';
import type { DashboardList } from '@lodestar/core';
import { Spinner } from '../app/Spinner';
import { useModel } from '../model/ModelContext';
import { DefinedDashboard } from './DefinedDashboard';
import { OverviewDashboard } from './OverviewDashboard';
import { DASHBOARD_MESSAGES } from './messages';
import '../kanban/kanban.css';
import './dashboard.css';

/**
 * `/dashboard`: the generated overview first, then the dashboards the published templates define and the
 * user's roles see (`?d=<id>` keeps the choice in the URL). Without defined dashboards, the overview alone.
 */
export function DashboardPage() {
  const { lang } = useModel();
  const t = useMessages(DASHBOARD_MESSAGES);
  useDocumentTitle(t.pageTitle);
  const [state] = useApi<DashboardList>('/api/v1/dashboards');
  const [params, setParams] = useSearchParams();
  const dashboards = state.status === 'ready' ? state.data.data : [];
  const chosen = dashboards.find((d) => d.id === params.get('d'));
  // Another dashboard keeps the filter bar's period and owner.
  const choose = (id: string | undefined) => {
    const next = new URLSearchParams(params);
    if (id) next.set('d', id);
    else next.delete('d');
    setParams(next, { replace: false });
  };
  const title = (text: Parameters<typeof pick>[0], fallback: string) => pick(text, lang) ?? fallback;

  return (
    <div className="dashboard-page">
      <div className="title-row dashboard-title-row">
        <div>
          <h1>{t.pageTitle}</h1>
          <p className="subtitle">{chosen?.description ? title(chosen.description, chosen.id) : t.subtitle}</p>
        </div>
      </div>
      {state.status === 'loading' && params.get('d') && <Spinner label={t.loading} />}
      {dashboards.length > 0 && (
        <div className="dashboard-tabs" role="tablist" aria-label={t.chooseDashboard}>
          <button
            type="button"
            role="tab"
            aria-selected={!chosen}
            className={!chosen ? 'is-active' : undefined}
            data-dashboard=""
            onClick={() => choose(undefined)}
          >
            {t.overview}
          </button>
          {dashboards.map((d) => (
            <button
              key={d.id}
              type="button"
              role="tab"
              aria-selected={chosen?.id === d.id}
              className={chosen?.id === d.id ? 'is-active' : undefined}
              data-dashboard={d.id}
              onClick={() => choose(d.id)}
            >
              {title(d.title, d.id)}
            </button>
          ))}
        </div>
      )}
      {chosen ? (
        <DefinedDashboard key={chosen.id} dashboard={chosen} />
      ) : (
        (state.status !== 'loading' || !params.get('d')) && <OverviewDashboard />
      )}
    </div>
  );
}
