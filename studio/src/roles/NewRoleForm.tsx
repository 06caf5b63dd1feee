import { useState, type FormEvent } from 'react';
import { useDraft } from '../draft/DraftContext';
import { useStudioLang } from '../app/lang';
import { Select, TextInput } from '../ui/controls';
import { PEOPLE_MESSAGES } from './people-messages';
import { ROLE_MESSAGES } from './messages';
import { addRole, ADMIN_ROLE, isRoleId, rolesOf, textsOf } from './roles-model';
import { roleIdFrom } from './role-id';
import { useMessages } from '@lodestar/ui-shared';

/**
 * Adds a role to the draft: its names, an id derived from them (pinyin for Chinese, shown and editable under
 * 高级 / Advanced, checked as the engine would), and optionally a role to copy.
 */
export function NewRoleForm({ onAdded }: { onAdded(id: string): void }) {
  const t = useMessages(ROLE_MESSAGES);
  const p = useMessages(PEOPLE_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions, update } = useDraft();
  const [copyOf, setCopyOf] = useState('');
  const existing = rolesOf(definitions)?.roles ?? {};
  const sources = Object.entries(existing).filter(([id]) => id !== ADMIN_ROLE);
  // Typed under Advanced; undefined while the id follows the title.
  const [typedId, setTypedId] = useState<string>();
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const title = en.trim() || zh.trim();
  const trimmed = (typedId ?? (title ? roleIdFrom(title, Object.keys(existing)) : '')).trim();
  const taken = trimmed === ADMIN_ROLE || Boolean(existing[trimmed]);
  const problem = !trimmed ? undefined : !isRoleId(trimmed) ? t.badId : taken ? t.takenId : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title || !trimmed || problem) return;
    update((set) =>
      addRole(set, trimmed, { zh: zh.trim() || en.trim(), en: en.trim() || zh.trim() }, copyOf || undefined),
    );
    setTypedId(undefined);
    setCopyOf('');
    setZh('');
    setEn('');
    onAdded(trimmed);
  };
  return (
    <form className="new-role" onSubmit={submit} aria-label={t.addRole}>
      <h3>{t.addRole}</h3>
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
      <details className="advanced-id" open={Boolean(problem)}>
        <summary>{t.advanced}</summary>
        <TextInput
          label={t.roleId}
          value={trimmed}
          onChange={(v) => setTypedId(v)}
          mono
          hint={problem ?? t.roleIdDerived}
        />
      </details>
      <button type="submit" className="button" disabled={!title || !trimmed || Boolean(problem)}>
        {t.add}
      </button>
    </form>
  );
}
