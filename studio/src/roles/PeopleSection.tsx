import { useState } from 'react';
import { useApiGet, useMessages } from '@lodestar/ui-shared';
import { useDraft } from '../draft/DraftContext';
import { ADMIN_MESSAGES } from './admin-messages';
import { unitTree } from './admin-api';
import { NewUserForm } from './NewUserForm';
import { OrgUnitsPanel } from './OrgUnitsPanel';
import { HandoverPanel } from './HandoverPanel';
import { ADMIN_ROLE, rolesOf, textsOf } from './roles-model';
import { UserRow } from './UserRow';

/** The org chart and the users: live admin data, not part of the draft (the notice says so). */
export function PeopleSection() {
  const t = useMessages(ADMIN_MESSAGES);
  const { published } = useDraft();
  const [units, reloadUnits] = useApiGet('/admin/org-units');
  const [users, reloadUsers] = useApiGet('/admin/users');
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
  if (units.status !== 'ready' || users.status !== 'ready')
    return (
      <p className="muted" role="status">
        {t.loading}
      </p>
    );
  const tree = unitTree(units.data.data);
  return (
    <div className="people">
      <p className="notice people-notice">{t.immediate}</p>
      <OrgUnitsPanel units={units.data.data} onChanged={reloadUnits} />
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
              <th>{t.rolesOf}</th>
              <th>{t.status}</th>
              <th>
                <span className="visually-hidden">{t.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.data.map((user) => (
              <UserRow key={user.id} user={user} units={tree} roles={roles} onChanged={userChanged} />
            ))}
          </tbody>
        </table>
        <div className="admin-body">
          <NewUserForm units={tree} roles={roles} onCreated={reloadUsers} />
        </div>
      </section>
      <HandoverPanel users={users.data.data} />
    </div>
  );
}
