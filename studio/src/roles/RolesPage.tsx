import { useState } from 'react';
import { TitleRow, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { issueMessage } from '../draft/issues';
import { ROLE_MESSAGES } from './messages';
import { NewRoleForm } from './NewRoleForm';
import { PeopleSection } from './PeopleSection';
import { otherRoleIssues, roleIssues } from './role-issues';
import { RoleEditor } from './RoleEditor';
import { ADMIN_ROLE, rolesOf, textsOf } from './roles-model';
import './roles.css';

/** Roles of the draft's roles.json (a list, one editor), then the org chart and the users. */
export function RolesPage() {
  const t = useMessages(ROLE_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions, issues } = useDraft();
  const roles = rolesOf(definitions)?.roles ?? {};
  const ids = Object.keys(roles);
  const [picked, setPicked] = useState<string>();
  const selected = picked && (picked === ADMIN_ROLE || roles[picked]) ? picked : ids.find((id) => id !== ADMIN_ROLE);
  const general = otherRoleIssues(issues);
  return (
    <>
      <TitleRow heading={t.heading} subheading={t.subheading} />
      {general.length > 0 && (
        <div className="notice notice-error roles-issues" role="alert">
          <ul className="issue-notes">
            {general.map((issue, i) => (
              <li key={i}>
                <code>{issue.file}</code> <code>{issue.pointer}</code> {issueMessage(issue, lang)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="roles-layout">
        <aside className="panel role-list-panel">
          <nav aria-label={t.roles}>
            <h2 className="role-list-title">{t.roles}</h2>
            {ids.length === 0 && <p className="muted small role-list-empty">{t.noRoles}</p>}
            <ul className="role-list">
              {[ADMIN_ROLE, ...ids.filter((id) => id !== ADMIN_ROLE)].map((id) => {
                const count = id === ADMIN_ROLE ? 0 : roleIssues(issues, id).length;
                return (
                  <li key={id}>
                    <button
                      type="button"
                      className={`role-item${selected === id ? ' active' : ''}`}
                      aria-current={selected === id}
                      data-role-item={id}
                      onClick={() => setPicked(id)}
                    >
                      <span className="role-name">
                        {textsOf(roles[id]?.title)[lang] || (id === ADMIN_ROLE ? t.builtIn : id)}
                      </span>
                      <code className="role-meta mono">{id}</code>
                      {id === ADMIN_ROLE && <span className="pill pill-builtin">{t.builtIn}</span>}
                      {count > 0 && <span className="issue-count">{t.problems(count)}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          </nav>
          <NewRoleForm onAdded={setPicked} />
        </aside>
        <div className="role-main">
          {selected === ADMIN_ROLE ? (
            <div className="notice">{t.adminLocked}</div>
          ) : selected && roles[selected] ? (
            <RoleEditor
              key={selected}
              roleId={selected}
              role={roles[selected]!}
              onRemoved={() => setPicked(undefined)}
            />
          ) : (
            <div className="notice">{t.pick}</div>
          )}
        </div>
      </div>
      <PeopleSection />
    </>
  );
}
