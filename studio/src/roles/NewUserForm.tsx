import { useState, type FormEvent } from 'react';
import { api, useMessages } from '@lodestar/ui-shared';
import { Select, TextInput } from '../ui/controls';
import { ADMIN_MESSAGES } from './admin-messages';
import { failureText, type OrgUnit, type User } from './admin-api';
import { ManagerPicker } from './ManagerPicker';
import { PEOPLE_MESSAGES } from './people-messages';
import { RoleChecks } from './RoleChecks';

type Assignable = { id: string; title: { zh?: string; en?: string } };

/** Creates a user at once (`POST /admin/users`): email, name, initial password, unit, manager and roles. */
export function NewUserForm({
  units,
  users,
  roles,
  onCreated,
}: {
  units: (OrgUnit & { depth: number })[];
  /** Everyone, for the manager picker. */
  users: User[];
  roles: Assignable[];
  onCreated(): void;
}) {
  const t = useMessages(ADMIN_MESSAGES);
  const p = useMessages(PEOPLE_MESSAGES);
  const empty = { email: '', displayName: '', password: '', orgUnitId: '', managerId: '', roles: [] as string[] };
  const [form, setForm] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const set =
    <K extends keyof typeof form>(key: K) =>
    (value: (typeof form)[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api('post', '/admin/users', {
        body: {
          ...form,
          email: form.email.trim(),
          displayName: form.displayName.trim() || undefined,
          orgUnitId: form.orgUnitId || null,
          managerId: form.managerId || null,
        },
      });
      setForm(empty);
      onCreated();
    } catch (failure) {
      setError(failureText(failure));
    }
    setBusy(false);
  };
  return (
    <form className="new-user" onSubmit={submit} aria-label={t.addUser}>
      <h3>{t.addUser}</h3>
      <div className="form-grid">
        <TextInput label={t.email} type="email" value={form.email} onChange={set('email')} />
        <TextInput label={t.name} value={form.displayName} onChange={set('displayName')} />
        <TextInput
          label={t.password}
          type="password"
          value={form.password}
          onChange={set('password')}
          hint={t.passwordHint}
        />
        <Select
          label={t.unit}
          value={form.orgUnitId}
          onChange={set('orgUnitId')}
          options={[
            { value: '', label: t.noUnit },
            ...units.map((u) => ({ value: u.id, label: `${'　'.repeat(u.depth)}${u.name}` })),
          ]}
        />
      </div>
      <ManagerPicker label={p.manager} users={users} self="" value={form.managerId} onChange={set('managerId')} />
      <RoleChecks label={t.rolesOf} roles={roles} value={form.roles} onChange={set('roles')} />
      <p className="control-hint">{t.rolesHint}</p>
      {error && (
        <p className="form-error" role="alert">
          {t.failed}: {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || !form.email.trim() || !form.password}>
          {t.addUser}
        </button>
      </div>
    </form>
  );
}
