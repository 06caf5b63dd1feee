import { useState, type FormEvent } from 'react';
import { useDraft } from '../draft/DraftContext';
import { useStudioLang } from '../app/lang';
import { Select, TextInput } from '../ui/controls';
import { PEOPLE_MESSAGES } from './people-messages';
import { ROLE_MESSAGES } from './messages';
import { addRole, ADMIN_ROLE, isRoleId, rolesOf, textsOf } from './roles-model';
import { useMessages } from '@lodestar/ui-shared';

/** Adds a role to the draft: an id checked as the engine would, its names, and optionally a role to copy. */
export function NewRoleForm({ onAdded }: { onAdded(id: string): void }) {
  const t = useMessages(ROLE_MESSAGES);
  const p = useMessages(PEOPLE_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions, update } = useDraft();
  const [copyOf, setCopyOf] = useState('');
  const sources = Object.entries(rolesOf(definitions)?.roles ?? {}).filter(([id]) => id !== ADMIN_ROLE);
  const [id, setId] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const trimmed = id.trim();
  const taken = trimmed === ADMIN_ROLE || Boolean(rolesOf(definitions)?.roles[trimmed]);
  const problem = !trimmed ? undefined : !isRoleId(trimmed) ? t.badId : taken ? t.takenId : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed || problem) return;
    update((set) => addRole(set, trimmed, { zh: zh.trim() || trimmed, en: en.trim() || trimmed }, copyOf || undefined));
    setId('');
    setCopyOf('');
    setZh('');
    setEn('');
    onAdded(trimmed);
  };
  return (
    <form className="new-role" onSubmit={submit} aria-label={t.addRole}>
      <h3>{t.addRole}</h3>
      <TextInput
        label={t.roleId}
        value={id}
        onChange={setId}
        mono
        hint={problem ?? t.roleIdHint(<code key="example">regionalManager</code>)}
      />
      <TextInput label={t.titleZh} value={zh} onChange={setZh} />
      <TextInput label={t.titleEn} value={en} onChange={setEn} />
      {sources.length > 0 && (
        <Select
          label={p.copyFrom}
          value={copyOf}
          onChange={setCopyOf}
          options={[
            { value: '', label: p.copyNone },
            ...sources.map(([value, role]) => ({ value, label: textsOf(role.title)[lang] || value })),
          ]}
        />
      )}
      {copyOf && <span className="control-hint">{p.copyHint}</span>}
      <button type="submit" className="button" disabled={!trimmed || Boolean(problem)}>
        {t.add}
      </button>
    </form>
  );
}
