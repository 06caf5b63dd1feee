import { useEffect, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { AppHeader, useMessages } from '@lodestar/ui-shared';
import { useModel } from '../model/ModelContext';
import { entityTitle, workflowTitle } from '../model/labels';
import { NotificationBell } from '../notifications/NotificationBell';
import { GlobalSearch } from '../search/GlobalSearch';
import { PreviewBanner } from '../preview/PreviewBanner';
import { APP_MESSAGES } from './messages';
import { paths } from './paths';

/**
 * The frame of every screen: the top bar, and a side navigation generated from what the user may read.
 * On a phone the navigation is a drawer behind a menu button, so pages get the whole width.
 */
export function Shell({ children }: { children: ReactNode }) {
  const { entities, workflows, lang, setLang, isAdmin, me } = useModel();
  const t = useMessages(APP_MESSAGES);
  const [navOpen, setNavOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setNavOpen(false), [pathname]);
  useEffect(() => {
    if (!navOpen) return;
    const close = (event: KeyboardEvent) => event.key === 'Escape' && setNavOpen(false);
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [navOpen]);
  const links = [
    ...(isAdmin ? [{ href: '/studio/', label: t.studio }] : []),
    { href: '/api/v1/docs', label: t.apiDocs },
  ];
  return (
    <div className={navOpen ? 'app nav-open' : 'app'}>
      <AppHeader
        home="/"
        appName={t.appName}
        brandExtra={<span className="brand-tagline">{t.tagline}</span>}
        links={links}
        lang={lang}
        onLangChange={setLang}
        languageLabel={t.language}
        tools={
          <>
            <GlobalSearch />
            <NotificationBell />
          </>
        }
      />
      <PreviewBanner />
      <div className="app-body">
        <button
          type="button"
          className="nav-toggle"
          aria-expanded={navOpen}
          aria-controls="app-nav"
          onClick={() => setNavOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span> {t.menu}
        </button>
        {navOpen && <div className="nav-backdrop" aria-hidden="true" onClick={() => setNavOpen(false)} />}
        <nav id="app-nav" className="sidenav" aria-label={t.navRecords}>
          <div className="sidenav-user" title={me.email}>
            <span className="avatar" aria-hidden="true">
              {Array.from(me.displayName || me.email)[0]?.toUpperCase()}
            </span>
            <span className="sidenav-user-name">{me.displayName || me.email}</span>
          </div>
          <p className="sidenav-heading">{t.navWork}</p>
          <NavLink to={paths.myDay()} className="sidenav-link">
            {t.myDay}
          </NavLink>
          <NavLink to={paths.dashboard()} className="sidenav-link">
            {t.dashboard}
          </NavLink>
          <p className="sidenav-heading">{t.navRecords}</p>
          {entities.length === 0 && <p className="sidenav-empty">{t.noEntities}</p>}
          {entities.map((entity) => (
            <NavLink key={entity.$id} to={paths.list(entity.$id)} className="sidenav-link" data-entity={entity.$id}>
              {entityTitle(entity, lang)}
            </NavLink>
          ))}
          {workflows.length > 0 && <p className="sidenav-heading">{t.navBoards}</p>}
          {workflows.map((workflow) => (
            <NavLink
              key={workflow.id}
              to={paths.kanban(workflow.id)}
              className="sidenav-link"
              data-workflow={workflow.id}
            >
              {workflowTitle(workflow, lang)}
            </NavLink>
          ))}
        </nav>
        <main className="app-main">{children}</main>
      </div>
    </div>
  );
}
