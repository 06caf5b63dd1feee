import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { newEntity } from '../designer/entity-edits';
import { useDraft } from '../draft/DraftContext';
import { TextInput } from '../ui/controls';
import { ENTITY_MESSAGES } from './messages';
import { isIdentifier, RESERVED_NAMES } from '@lodestar/core';
import { identifierFrom } from '../workflows/ids';
import { useMessages } from '@lodestar/ui-shared';

/**
 * Creates an entity with its zh/en title and title field, then opens it in the designer. Its id and the title
 * field's are derived from their titles (pinyin for Chinese), shown and editable under 高级 / Advanced.
 */
export function NewEntityForm({ onClose }: { onClose(): void }) {
  const draft = useDraft();
  const t = useMessages(ENTITY_MESSAGES);
  const navigate = useNavigate();
  const [typed, setForm] = useState({ id: '', zh: '', en: '', field: '', fieldZh: '名称', fieldEn: 'Name' });
  // Undefined while an id follows its title; set once typed under Advanced.
  const [typedIds, setTypedIds] = useState<{ id?: boolean; field?: boolean }>({});
  const set = (key: keyof typeof typed) => (value: string) => {
    if (key === 'id' || key === 'field') setTypedIds({ ...typedIds, [key]: true });
    setForm({ ...typed, [key]: value });
  };
  const existing = draft.definitions.entities.map((e) => e.$id);
  const title = typed.en.trim() || typed.zh.trim();
  const fieldTitle = typed.fieldEn.trim() || typed.fieldZh.trim();
  const form = {
    ...typed,
    id: typedIds.id ? typed.id.trim() : title ? identifierFrom(title, existing, 'object') : '',
    field: typedIds.field
      ? typed.field.trim()
      : fieldTitle
        ? identifierFrom(fieldTitle, [...RESERVED_NAMES], 'name')
        : 'name',
  };
  const taken = existing.includes(form.id);
  const idError = form.id && !isIdentifier(form.id) ? t.idInvalid : taken ? t.idTaken : undefined;
  const fieldError = !isIdentifier(form.field) ? t.idInvalid : undefined;
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
        <TextInput label={t.titleZh} value={form.zh} onChange={set('zh')} />
        <TextInput label={t.titleEn} value={form.en} onChange={set('en')} />
        <TextInput label={t.titleFieldZh} value={form.fieldZh} onChange={set('fieldZh')} />
        <TextInput label={t.titleFieldEn} value={form.fieldEn} onChange={set('fieldEn')} />
      </div>
      <details className="entity-advanced" open={Boolean(idError || fieldError)}>
        <summary>{t.advanced}</summary>
        <div className="form-grid">
          <TextInput label={t.id} value={form.id} onChange={set('id')} mono hint={idError ?? t.idHint} />
          <TextInput label={t.titleField} value={form.field} onChange={set('field')} mono hint={fieldError} />
        </div>
      </details>
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
