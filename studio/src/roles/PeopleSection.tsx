import { useState } from 'react';
import { useApiGet, useMessages, type Loadable } from '@lodestar/ui-shared';
import { useDraft } from '../draft/DraftContext';
import { ADMIN_MESSAGES } from './admin-messages';
import { InvitePanel } from './InvitePanel';
import { PEOPLE_MESSAGES } from './people-messages';
import { unitTree } from './admin-api';
import { NewUserForm } from './NewUserForm';
import { OrgUnitsPanel } from './OrgUnitsPanel';
import { HandoverPanel } from './HandoverPanel';
import { ADMIN_ROLE, rolesOf, textsOf } from './roles-model';
import { UserRow } from './UserRow';

/** The last loaded answer, kept while a reload runs (React's "adjust state while rendering" pattern). */
function useLastReady<T>(loadable: Loadable<T>): T | undefined {
  const [last, setLast] = useState<T>();
  if (loadable.status === 'ready' && loadable.data !== last) setLast(loadable.data);
  return loadable.status === 'ready' ? loadable.data : last;
}

/** The org chart and the users: live admin data, not part of the draft (the notice says so). */
export function PeopleSection() {
  const t = useMessages(ADMIN_MESSAGES);
  const p = useMessages(PEOPLE_MESSAGES);
  const { published } = useDraft();
  const [units, reloadUnits] = useApiGet('/admin/org-units');
  const [users, reloadUsers] = useApiGet('/admin/users');
  // While a change reloads the lists the last ones stay on screen, so the panels (an invite's one-time
  // passwords, a move's notice, an open editor) are not unmounted by the reload.
  const unitList = useLastReady(units)?.data;
  const userList = useLastReady(users)?.data;
  // What the last action on a user did (a reset password to pass on), kept across the reload it causes.
  const [notice, setNotice] = useState<string>();
  const userChanged = (done?: string) => {
    setNotice(done);
    reloadUsers();
  };
  // The engine accepts only roles of the published model (admin always).
  const roles = Object.entries(rolesOf(published)?.roles ?? {}).map(([id, role]) => ({
    id,
    title: textsOf(role.title),
  }));
  if (!roles.some((r) => r.id === ADMIN_ROLE))
    roles.unshift({ id: ADMIN_ROLE, title: { zh: '系统管理员', en: 'Administrator' } });
  const failed = [units, users].find((l) => l.status === 'error');
  if (failed?.status === 'error') {
    return (
      <div className="notice notice-error" role="alert">
        <strong>{t.failed}</strong>
        <span className="notice-detail">{failed.error.message}</span>
        <button type="button" className="button" onClick={() => (reloadUnits(), reloadUsers())}>
          {t.retry}
        </button>
      </div>
    );
  }
  if (!unitList || !userList)
    return (
      <p className="muted" role="status">
        {t.loading}
      </p>
    );
  const tree = unitTree(unitList);
  return (
    <div className="people">
      <p className="notice people-notice">{t.immediate}</p>
      <OrgUnitsPanel units={unitList} users={userList} onChanged={reloadUnits} onUserMoved={() => userChanged()} />
      <section className="panel admin-panel" aria-label={t.users}>
        <header className="panel-head">
          <h2>{t.users}</h2>
        </header>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <table className="data-table users-table" aria-label={t.users}>
          <thead>
            <tr>
              <th>{t.name}</th>
              <th>{t.unit}</th>
              <th>{p.manager}</th>
              <th>{t.rolesOf}</th>
              <th>{p.lastLogin}</th>
              <th>{t.status}</th>
              <th>
                <span className="visually-hidden">{t.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {userList.map((user) => (
              <UserRow key={user.id} user={user} users={userList} units={tree} roles={roles} onChanged={userChanged} />
            ))}
          </tbody>
        </table>
        <div className="admin-body">
          <NewUserForm units={tree} users={userList} roles={roles} onCreated={reloadUsers} />
        </div>
        <div className="admin-body">
          <InvitePanel onInvited={reloadUsers} />
        </div>
      </section>
      <HandoverPanel users={userList} />
    </div>
  );
}
