import { useState, type FormEvent } from 'react';
import { api, useMessages } from '@lodestar/ui-shared';
import { Select, TextInput } from '../ui/controls';
import { ADMIN_MESSAGES } from './admin-messages';
import { failureText, unitTree, type OrgUnit, type User } from './admin-api';
import { OrgTree, type TreeMoves } from './OrgTree';
import { PEOPLE_MESSAGES } from './people-messages';

/**
 * The org-unit tree with its people, rearranged by drag and drop (or each unit's "move to…"), and a form to
 * add a unit under a parent: every change is an immediate admin API call.
 */
export function OrgUnitsPanel({
  units,
  users,
  onChanged,
  onUserMoved,
}: {
  units: OrgUnit[];
  users: User[];
  onChanged(): void;
  onUserMoved(): void;
}) {
  const t = useMessages(ADMIN_MESSAGES);
  const p = useMessages(PEOPLE_MESSAGES);
  const [moved, setMoved] = useState<string>();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const tree = unitTree(units);
  const unitName = (id: string | null) => (id === null ? p.toTop : (units.find((u) => u.id === id)?.name ?? ''));
  const attempt = async (call: () => Promise<unknown>, done: string, after: () => void) => {
    setError(undefined);
    setMoved(undefined);
    try {
      await call();
      setMoved(done);
      after();
    } catch (failure) {
      setError(failureText(failure));
    }
  };
  const moves: TreeMoves = {
    moveUnit: (id, parentId) =>
      void attempt(
        () => api('patch', '/admin/org-units/{id}', { params: { id }, body: { parentId } }),
        p.moved(unitName(id), unitName(parentId)),
        onChanged,
      ),
    moveUser: (id, orgUnitId) => {
      const user = users.find((u) => u.id === id);
      if (!user || (user.orgUnitId ?? null) === orgUnitId) return;
      void attempt(
        () => api('patch', '/admin/users/{id}', { params: { id }, body: { orgUnitId } }),
        p.moved(user.displayName || user.email, orgUnitId === null ? p.unassigned : unitName(orgUnitId)),
        onUserMoved,
      );
    },
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      await api('post', '/admin/org-units', { body: { name: name.trim(), parentId: parentId || null } });
      setName('');
      onChanged();
    } catch (failure) {
      setError(failureText(failure));
    }
    setBusy(false);
  };
  return (
    <section className="panel admin-panel" aria-label={t.units}>
      <header className="panel-head">
        <h2>{t.units}</h2>
      </header>
      <div className="admin-body">
        {tree.length === 0 ? (
          <p className="muted">{t.noUnits}</p>
        ) : (
          <OrgTree units={tree} users={users} moves={moves} />
        )}
        {moved && (
          <p className="notice" role="status">
            {moved}
          </p>
        )}
        <form className="inline-form" onSubmit={submit} aria-label={t.addUnit}>
          <TextInput label={t.unitName} value={name} onChange={setName} />
          <Select
            label={t.parent}
            value={parentId}
            onChange={setParentId}
            options={[
              { value: '', label: t.root },
              ...tree.map((u) => ({ value: u.id, label: `${'　'.repeat(u.depth)}${u.name}` })),
            ]}
          />
          <button type="submit" className="button" disabled={busy || !name.trim()}>
            {t.addUnit}
          </button>
        </form>
        {error && (
          <p className="form-error" role="alert">
            {t.failed}: {error}
          </p>
        )}
      </div>
    </section>
  );
}
