import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { newEntity } from '../designer/entity-edits';
import { useDraft } from '../draft/DraftContext';
import { TextInput } from '../ui/controls';
import { ENTITY_MESSAGES } from './messages';
import { isIdentifier } from '@lodestar/core';
import { useMessages } from '@lodestar/ui-shared';

/** Creates an entity with its id, zh/en title and title field, then opens it in the designer. */
export function NewEntityForm({ onClose }: { onClose(): void }) {
  const draft = useDraft();
  const t = useMessages(ENTITY_MESSAGES);
  const navigate = useNavigate();
  const [form, setForm] = useState({ id: '', zh: '', en: '', field: 'name', fieldZh: '名称', fieldEn: 'Name' });
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const taken = draft.definitions.entities.some((e) => e.$id === form.id);
  const idError = form.id && !isIdentifier(form.id) ? t.idInvalid : taken ? t.idTaken : undefined;
  const ready = isIdentifier(form.id) && !taken && isIdentifier(form.field) && (form.zh || form.en);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    draft.update((set) =>
      set.entities.push(newEntity(form.id, form.zh, form.en, form.field, form.fieldZh, form.fieldEn)),
    );
    navigate(`/entities/${form.id}`);
  };
  return (
    <form className="panel new-entity" onSubmit={submit} aria-label={t.newEntity}>
      <h2>{t.newEntity}</h2>
      <div className="form-grid">
        <TextInput
          label={t.id}
          value={form.id}
          onChange={set('id')}
          mono
          hint={idError ?? t.idHint(<code key="example">contract</code>)}
        />
        <TextInput label={t.titleZh} value={form.zh} onChange={set('zh')} />
        <TextInput label={t.titleEn} value={form.en} onChange={set('en')} />
        <TextInput label={t.titleField} value={form.field} onChange={set('field')} mono />
        <TextInput label={t.titleFieldZh} value={form.fieldZh} onChange={set('fieldZh')} />
        <TextInput label={t.titleFieldEn} value={form.fieldEn} onChange={set('fieldEn')} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={!ready}>
          {t.create}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
