import { Link } from 'react-router';
import { useApi, useDocumentTitle, useMessages } from '@lodestar/ui-shared';
import { paths } from '../app/paths';
import { Spinner } from '../app/Spinner';
import { useModel } from '../model/ModelContext';
import { entityTitle } from '../model/labels';
import { ApprovalDelegation } from './ApprovalDelegation';
import { ApprovalInbox } from './ApprovalInbox';
import { MyDaySection } from './MyDaySection';
import { SECTIONS, type MyDay } from './my-day-types';
import { MYDAY_MESSAGES } from './messages';
import './myday.css';
import { localeOf } from '@lodestar/core';

// The browser's zone decides what "today" means; asked once per page load.
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `/my-day`, the start page: what is due, overdue, reminded, past its SLA or stuck, for the signed-in user. */
export function MyDayPage() {
  const { lang, me, entities, permissions } = useModel();
  const t = useMessages(MYDAY_MESSAGES);
  useDocumentTitle(t.pageTitle);
  const [state, reload] = useApi<MyDay>(`/api/v1/my-day?tz=${encodeURIComponent(TIME_ZONE)}`);
  // Entities with an agenda (found generically) get a "New" button: planning the day starts here.
  const agendaEntities = entities.filter(
    (e) => (e['x-entity'] as { agenda?: unknown }).agenda && (permissions[e.$id]?.create ?? 'none') !== 'none',
  );
  const now = new Date();
  const hour = now.getHours();
  const part = hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
  const dateText = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'full' }).format(now);

  return (
    <div className="myday-page">
      <div className="title-row myday-title-row">
        <div>
          <h1>{t.greeting(part, me.displayName || me.email)}</h1>
          <p className="subtitle">{dateText}</p>
        </div>
        <div className="myday-actions">
          {agendaEntities.map((entity) => (
            <Link key={entity.$id} className="button" to={paths.newRecord(entity.$id)} data-entity={entity.$id}>
              {t.newOf(entityTitle(entity, lang))}
            </Link>
          ))}
        </div>
      </div>
      {state.status === 'loading' && <Spinner label={t.loading} />}
      {state.status === 'error' && (
        <div className="notice notice-error" role="alert">
          <strong>{t.loadFailed}</strong>
          <span className="notice-detail">{state.error.message}</span>
          <button type="button" className="button" onClick={reload}>
            {t.retry}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <nav className="myday-summary" aria-label={t.summary}>
            {SECTIONS.map((section) => (
              <a
                key={section}
                href={`#myday-heading-${section}`}
                className={`myday-tile myday-tile-${section}${(state.data[section] ?? []).length ? ' has-items' : ''}`}
              >
                <span className="myday-tile-count">{(state.data[section] ?? []).length}</span>
                <span className="myday-tile-label">{t.sections[section]}</span>
              </a>
            ))}
          </nav>
          {(state.data.approvals ?? []).length > 0 && <ApprovalInbox items={state.data.approvals} />}
          <div className="myday-grid">
            {SECTIONS.map((section) => (
              <MyDaySection
                key={section}
                section={section}
                items={state.data[section] ?? []}
                today={state.data.today}
              />
            ))}
          </div>
          <ApprovalDelegation />
        </>
      )}
    </div>
  );
}
