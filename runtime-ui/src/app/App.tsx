import { lazy, Suspense } from 'react';
import { Link, Navigate, Route, Routes } from 'react-router';
import { useMessages } from '@lodestar/ui-shared';
import { ModelProvider } from '../model/ModelContext';
import { APP_MESSAGES } from './messages';
import { Shell } from './Shell';
import { Spinner } from './Spinner';
import { ListPage } from '../list/ListPage';
import { MyDayPage } from '../myday/MyDayPage';

// The heavy screens load when first opened, not with the first paint: charts (echarts), the form
// (react-jsonschema-form) and the board (drag and drop). Lists and My day come in the main bundle.
const DashboardPage = lazy(() => import('../dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const RecordPage = lazy(() => import('../record/RecordPage').then((m) => ({ default: m.RecordPage })));
const KanbanPage = lazy(() => import('../kanban/KanbanPage').then((m) => ({ default: m.KanbanPage })));

/** The signed-in app: the model first, then the shell with one route per generated screen. */
export function App() {
  const t = useMessages(APP_MESSAGES);
  return (
    <ModelProvider
      loading={<Spinner label={t.loadingModel} fullPage />}
      failed={(error, retry) => (
        <div className="notice notice-error page-notice" role="alert">
          <strong>{t.modelFailed}</strong>
          <span className="notice-detail">{error.message}</span>
          <button type="button" className="button" onClick={retry}>
            {t.retry}
          </button>
        </div>
      )}
    >
      <Shell>
        <Suspense fallback={<Spinner label={t.loadingModel} />}>
          <Routes>
            <Route path="/" element={<Navigate to="/my-day" replace />} />
            <Route path="/my-day" element={<MyDayPage />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/records/:entity" element={<ListPage />} />
            <Route path="/records/:entity/:id" element={<RecordPage />} />
            <Route path="/kanban/:workflow" element={<KanbanPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </Shell>
    </ModelProvider>
  );
}

function NotFound() {
  const t = useMessages(APP_MESSAGES);
  return (
    <div className="empty-state">
      <h2>{t.notFound}</h2>
      <Link className="button" to="/">
        {t.backHome}
      </Link>
    </div>
  );
}
