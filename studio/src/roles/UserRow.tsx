import { useState } from 'react';
import { api, type BodyOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { ADMIN_MESSAGES } from './admin-messages';
import { failureText, type OrgUnit, type User } from './admin-api';
import { ManagerPicker } from './ManagerPicker';
import { PEOPLE_MESSAGES } from './people-messages';
import { lastLoginText } from './last-login';
import { RoleChecks } from './RoleChecks';
import { ConfirmDialog } from '../workflows/ConfirmDialog';

type Assignable = { id: string; title: { zh?: string; en?: string } };

/** One user: unit, manager and roles (editable in place), active or not; every change is an immediate PATCH. */
export function UserRow({
  user,
  users,
  units,
  roles,
  onChanged,
}: {
  user: User;
  /** Everyone, for the manager picker and the manager's name. */
  users: User[];
  units: (OrgUnit & { depth: number })[];
  roles: Assignable[];
  onChanged(done?: string): void;
}) {
  const t = useMessages(ADMIN_MESSAGES);
  const p = useMessages(PEOPLE_MESSAGES);
  const { lang } = useStudioLang();
  const [editing, setEditing] = useState<{ roles: string[]; orgUnitId: string; managerId: string }>();
  const [error, setError] = useState<string>();
  const [askDeactivate, setAskDeactivate] = useState(false);
  // The temporary password being typed, while "reset password" is open.
  const [temporary, setTemporary] = useState<string>();
  const who = user.displayName || user.email;
  const params = { id: user.id };
  const send = async (call: () => Promise<unknown>, after?: string) => {
    setError(undefined);
    try {
      await call();
      setEditing(undefined);
      setTemporary(undefined);
      onChanged(after);
    } catch (failure) {
      setError(failureText(failure));
    }
  };
  const patch = (body: BodyOf<'/admin/users/{id}', 'patch'>) =>
    send(() => api('patch', '/admin/users/{id}', { params, body }));
  const roleName = (id: string) => roles.find((r) => r.id === id)?.title[lang] ?? id;
  const unitName = units.find((u) => u.id === user.orgUnitId)?.name;
  const manager = users.find((u) => u.id === user.managerId);
  return (
    <tr data-user={user.email} className={user.active ? undefined : 'inactive'}>
      <td>
        <strong>{user.displayName}</strong>
        <div className="muted small">{user.email}</div>
      </td>
      {editing ? (
        <td colSpan={3}>
          <label className="control">
            <span className="control-label">{t.unitFor(who)}</span>
            <select
              value={editing.orgUnitId}
              onChange={(event) => setEditing({ ...editing, orgUnitId: event.target.value })}
            >
              <option value="">{t.noUnit}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>{`${'　'.repeat(u.depth)}${u.name}`}</option>
              ))}
            </select>
          </label>
          <ManagerPicker
            label={p.managerFor(who)}
            users={users}
            self={user.id}
            value={editing.managerId}
            onChange={(managerId) => setEditing({ ...editing, managerId })}
          />
          <RoleChecks
            label={t.rolesFor(who)}
            roles={roles}
            value={editing.roles}
            onChange={(next) => setEditing({ ...editing, roles: next })}
          />
        </td>
      ) : (
        <>
          <td>{unitName ?? <span className="muted">—</span>}</td>
          <td data-manager-of={user.email}>
            {manager ? manager.displayName || manager.email : <span className="muted">—</span>}
          </td>
          <td>{user.roles.length ? user.roles.map(roleName).join('、') : <span className="muted">—</span>}</td>
        </>
      )}
      <td
        data-last-login-of={user.email}
        title={user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') : undefined}
      >
        {user.lastLoginAt ? (
          lastLoginText(user.lastLoginAt, new Date(), lang, { never: p.neverSignedIn, justNow: p.justNow })
        ) : (
          <span className="muted">{p.neverSignedIn}</span>
        )}
      </td>
      <td>
        <span className={`status ${user.active ? 'status-on' : 'status-off'}`}>
          {user.active ? t.active : t.inactive}
        </span>
        {user.mustChangePassword && <div className="muted small">{t.mustChange}</div>}
        {user.signInBlockedUntil && <div className="muted small">{t.signInBlocked}</div>}
        {temporary !== undefined && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void send(
                () => api('post', '/admin/users/{id}/password', { params, body: { password: temporary } }),
                t.passwordWasReset(who),
              );
            }}
          >
            <label className="control">
              <span className="control-label">{t.temporaryPassword(who)}</span>
              <input
                type="text"
                autoComplete="off"
                value={temporary}
                onChange={(event) => setTemporary(event.target.value)}
              />
              <span className="muted small">{t.temporaryHint}</span>
            </label>
            <button type="submit" className="link-button" disabled={temporary.length < 10}>
              {t.confirmReset}
            </button>
            <button type="button" className="link-button" onClick={() => setTemporary(undefined)}>
              {t.cancel}
            </button>
          </form>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </td>
      <td className="nowrap row-actions">
        {editing ? (
          <>
            <button
              type="button"
              className="link-button"
              onClick={() =>
                void patch({
                  roles: editing.roles,
                  orgUnitId: editing.orgUnitId || null,
                  ...((editing.managerId || null) !== user.managerId && { managerId: editing.managerId || null }),
                })
              }
            >
              {t.save}
            </button>
            <button type="button" className="link-button" onClick={() => setEditing(undefined)}>
              {t.cancel}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="link-button"
              aria-label={`${t.edit} ${who}`}
              onClick={() =>
                setEditing({ roles: user.roles, orgUnitId: user.orgUnitId ?? '', managerId: user.managerId ?? '' })
              }
            >
              {t.edit}
            </button>
            <button
              type="button"
              className="link-button"
              aria-label={`${t.resetPassword} ${who}`}
              onClick={() => setTemporary('')}
            >
              {t.resetPassword}
            </button>
            {user.signInBlockedUntil && (
              <button
                type="button"
                className="link-button"
                aria-label={`${t.unlock} ${who}`}
                onClick={() => void send(() => api('post', '/admin/users/{id}/unlock', { params }), t.unlocked(who))}
              >
                {t.unlock}
              </button>
            )}
            {user.active ? (
              <button
                type="button"
                className="link-button danger"
                aria-label={`${t.deactivate} ${who}`}
                onClick={() => setAskDeactivate(true)}
              >
                {t.deactivate}
              </button>
            ) : (
              <button
                type="button"
                className="link-button"
                aria-label={`${t.reactivate} ${who}`}
                onClick={() => void patch({ active: true })}
              >
                {t.reactivate}
              </button>
            )}
          </>
        )}
        {askDeactivate && (
          <ConfirmDialog
            title={t.confirmDeactivate(who)}
            confirmLabel={t.deactivate}
            onClose={() => setAskDeactivate(false)}
            onConfirm={() => {
              setAskDeactivate(false);
              void patch({ active: false });
            }}
          />
        )}
      </td>
    </tr>
  );
}
