import { Link, Navigate, Route, Routes } from 'react-router';
import { ApiError, useDocumentTitle, useMessages } from '@lodestar/ui-shared';
import { DraftProvider } from '../draft/DraftContext';
import { EntityDesigner } from '../designer/EntityDesigner';
import { EntityListPage } from '../entities/EntityListPage';
import { PublishPage } from '../publish/PublishPage';
import { VersionsPage } from '../versions/VersionsPage';
import { WorkflowListPage } from '../workflows/WorkflowListPage';
import { WorkflowDesigner } from '../workflows/WorkflowDesigner';
import { RolesPage } from '../roles/RolesPage';
import { TemplatesPage } from '../templates/TemplatesPage';
import { CalendarPage } from '../calendar/CalendarPage';
import { SchedulesPage } from '../schedules/SchedulesPage';
import { DashboardsPage } from '../dashboards/DashboardsPage';
import { WebhooksPage } from '../webhooks/WebhooksPage';
import { ReviewsPage } from '../reviews/ReviewsPage';
import { APP_MESSAGES } from './messages';
import { Shell } from './Shell';

/** The signed-in studio: the draft first, then one route per screen. */
export function App() {
  const t = useMessages(APP_MESSAGES);
  useDocumentTitle(t.studio);
  return (
    <DraftProvider
      loading={
        <p className="page-loading" role="status">
          {t.loading}
        </p>
      }
      failed={(error, retry) => (
        <div className="notice notice-error page-notice" role="alert">
          <strong>{t.loadFailed}</strong>
          <span className="notice-detail">
            {error instanceof ApiError && error.status === 403 ? t.adminOnly : error.message}
          </span>
          <button type="button" className="button" onClick={retry}>
            {t.retry}
          </button>
        </div>
      )}
    >
      <Shell>
        <Routes>
          <Route path="/" element={<Navigate to="/entities" replace />} />
          <Route path="/entities" element={<EntityListPage />} />
          <Route path="/entities/:id" element={<EntityDesigner />} />
          <Route path="/publish" element={<PublishPage />} />
          <Route path="/versions" element={<VersionsPage />} />
          <Route path="/reviews" element={<ReviewsPage />} />
          <Route path="/workflows" element={<WorkflowListPage />} />
          <Route path="/workflows/:id" element={<WorkflowDesigner />} />
          <Route path="/roles" element={<RolesPage />} />
          <Route path="/templates" element={<TemplatesPage />} />
          <Route path="/calendar" element={<CalendarPage />} />
          <Route path="/schedules" element={<SchedulesPage />} />
          <Route path="/dashboards" element={<DashboardsPage />} />
          <Route path="/webhooks" element={<WebhooksPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Shell>
    </DraftProvider>
  );
}

function NotFound() {
  const t = useMessages(APP_MESSAGES);
  return (
    <div className="notice">
      <strong>{t.notFound}</strong>
      <Link className="button" to="/entities">
        {t.backHome}
      </Link>
    </div>
  );
}
