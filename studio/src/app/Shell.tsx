import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { AppHeader, useMessages } from '@lodestar/ui-shared';
import { DraftBanner } from '../draft/DraftBanner';
import { useDraft } from '../draft/DraftContext';
import { useStudioLang } from './lang';
import { APP_MESSAGES } from './messages';
import { CALENDAR_MESSAGES } from '../calendar/messages';
import { SCHEDULE_MESSAGES } from '../schedules/messages';
import { DASHBOARD_MESSAGES } from '../dashboards/messages';
import { WEBHOOK_MESSAGES } from '../webhooks/messages';
import { REVIEW_MESSAGES } from '../reviews/messages';

/** The studio's frame: the shared top bar, a side navigation, the draft banner above every screen. */
export function Shell({ children }: { children: ReactNode }) {
  const { lang, setLang } = useStudioLang();
  const { publishedVersion } = useDraft();
  const t = useMessages(APP_MESSAGES);
  const calendar = useMessages(CALENDAR_MESSAGES);
  const schedules = useMessages(SCHEDULE_MESSAGES);
  const dashboards = useMessages(DASHBOARD_MESSAGES);
  const webhooks = useMessages(WEBHOOK_MESSAGES);
  const reviews = useMessages(REVIEW_MESSAGES);
  return (
    <div className="studio">
      <AppHeader
        home="/studio/"
        appName={t.appName}
        brandExtra={<span className="brand-badge">{t.studio}</span>}
        links={[
          { href: '/', label: t.navApp },
          { href: '/api/v1/docs', label: t.navDocs },
        ]}
        lang={lang}
        onLangChange={setLang}
        languageLabel={t.language}
      />
      <div className="studio-body">
        <nav className="sidenav" aria-label={t.navLabel}>
          <NavLink to="/entities" className="sidenav-link">
            {t.entities}
          </NavLink>
          <NavLink to="/workflows" className="sidenav-link">
            {t.workflows}
          </NavLink>
          <NavLink to="/roles" className="sidenav-link">
            {t.roles}
          </NavLink>
          <NavLink to="/dashboards" className="sidenav-link">
            {dashboards.nav}
          </NavLink>
          <NavLink to="/publish" className="sidenav-link">
            {t.publish}
          </NavLink>
          <NavLink to="/reviews" className="sidenav-link">
            {reviews.nav}
          </NavLink>
          <NavLink to="/schedules" className="sidenav-link">
            {schedules.nav}
          </NavLink>
          <NavLink to="/versions" className="sidenav-link">
            {t.versions}
          </NavLink>
          <NavLink to="/templates" className="sidenav-link">
            {t.templates}
          </NavLink>
          <NavLink to="/calendar" className="sidenav-link">
            {calendar.nav}
          </NavLink>
          <NavLink to="/webhooks" className="sidenav-link">
            {webhooks.nav}
          </NavLink>
          <span className="sidenav-foot badge">{t.publishedVersion(publishedVersion)}</span>
        </nav>
        <main className="studio-main">
          <DraftBanner />
          {children}
        </main>
      </div>
    </div>
  );
}
