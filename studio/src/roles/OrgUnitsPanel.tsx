import { useState, type FormEvent } from 'react';
import { api, useMessages } from '@lodestar/ui-shared';
import { Select, TextInput } from '../ui/controls';
import { ADMIN_MESSAGES } from './admin-messages';
import { failureText, unitTree, type OrgUnit } from './admin-api';

/** The org-unit tree and a form to add a unit under a parent: an immediate admin API call. */
export function OrgUnitsPanel({ units, onChanged }: { units: OrgUnit[]; onChanged(): void }) {
  const t = useMessages(ADMIN_MESSAGES);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const tree = unitTree(units);
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
          <ul className="unit-tree" aria-label={t.units}>
            {tree.map((unit) => (
              <li key={unit.id} style={{ paddingLeft: unit.depth * 20 }} data-unit={unit.name}>
                <span className="unit-branch" aria-hidden="true">
                  {unit.depth ? '└' : '■'}
                </span>
                {unit.name}
              </li>
            ))}
          </ul>
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
