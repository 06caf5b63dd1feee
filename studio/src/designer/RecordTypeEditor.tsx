import { useState } from 'react';
import { pick, titleOf, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import type { EntityDefinition, RecordTypeDefinition } from '@lodestar/core';
import { Dialog, Select, TextInput } from '../ui/controls';
import { TYPE_MESSAGES } from './type-messages';
import { isIdentifier } from '@lodestar/core';
import { identifierFrom } from '../workflows/ids';

/**
 * Adds or edits a record type: its titles, the fields it shows and requires, its own workflow. A new type's id is
 * derived from its title (pinyin for Chinese), shown and editable under 高级 / Advanced.
 */
export function RecordTypeEditor(props: {
  entity: EntityDefinition;
  id?: string;
  onApply(id: string, type: RecordTypeDefinition): void;
  onClose(): void;
}) {
  const { entity } = props;
  const t = useMessages(TYPE_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const existing = props.id ? entity['x-entity'].recordTypes?.[props.id] : undefined;
  const names = Object.keys(entity.properties);
  // Undefined while a new type's id follows its title.
  const [typedId, setId] = useState<string | undefined>(props.id);
  const [zh, setZh] = useState(existing ? (typeof existing.title === 'string' ? '' : (existing.title.zh ?? '')) : '');
  const [en, setEn] = useState(
    existing ? (typeof existing.title === 'string' ? existing.title : (existing.title.en ?? '')) : '',
  );
  const [shown, setShown] = useState(() => new Set(existing?.fields ?? names));
  const [required, setRequired] = useState(() => new Set(existing?.required ?? []));
  const [workflow, setWorkflow] = useState(existing?.workflow ?? '');
  const typeTitle = en.trim() || zh.trim();
  const id =
    typedId ?? (typeTitle ? identifierFrom(typeTitle, Object.keys(entity['x-entity'].recordTypes ?? {}), 'type') : '');
  const taken = !props.id && id in (entity['x-entity'].recordTypes ?? {});
  const idError = id && !isIdentifier(id) ? t.idInvalid : taken ? t.idTaken : undefined;
  const ready = isIdentifier(id) && !taken && (zh || en);
  const toggle = (set: Set<string>, update: (s: Set<string>) => void, name: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(name);
    else next.delete(name);
    update(next);
  };
  const apply = () => {
    const fields = names.filter((n) => shown.has(n) || required.has(n));
    const type: RecordTypeDefinition = {
      title: { ...(zh && { zh }), ...(en && { en }) },
      ...(required.size > 0 && { required: names.filter((n) => required.has(n)) }),
      // Every field shown: no list, so fields added later show too.
      ...(fields.length < names.length && { fields }),
      ...(workflow && { workflow }),
    };
    props.onApply(id, type);
  };
  const workflows = definitions.workflows.filter((w) => w.meta.entity === entity.$id);
  return (
    <Dialog
      title={props.id ? t.editType(pick(existing?.title, lang) ?? props.id) : t.addType}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={props.onClose}>
            {t.cancel}
          </button>
          <button type="button" className="button" disabled={!ready} onClick={apply}>
            {t.apply}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <TextInput label={t.titleZh} value={zh} onChange={setZh} />
        <TextInput label={t.titleEn} value={en} onChange={setEn} />
        <Select
          label={t.workflow}
          value={workflow}
          onChange={setWorkflow}
          options={[
            { value: '', label: t.entityWorkflow },
            ...workflows.map((w) => {
              // By title; the id only tells apart two workflows of the same title.
              const title = pick(w.meta.title, lang) ?? w.id;
              const twin = workflows.some((o) => o !== w && (pick(o.meta.title, lang) ?? o.id) === title);
              return { value: w.id, label: twin ? `${title} (${w.id})` : title };
            }),
          ]}
        />
      </div>
      <table className="type-fields" aria-label={t.fieldsOfType}>
        <thead>
          <tr>
            <th>{t.field}</th>
            <th>{t.shown}</th>
            <th>{t.required}</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const title = titleOf(entity.properties[name]!, lang, name);
            const always = entity.required?.includes(name);
            return (
              <tr key={name}>
                <td>{title}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t.showField(title)}
                    checked={shown.has(name) || required.has(name) || !!always}
                    disabled={required.has(name) || always}
                    onChange={(e) => toggle(shown, setShown, name, e.target.checked)}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t.requireField(title)}
                    checked={required.has(name) || !!always}
                    disabled={always}
                    onChange={(e) => toggle(required, setRequired, name, e.target.checked)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <details className="type-advanced" open={Boolean(idError)}>
        <summary>{t.advanced}</summary>
        <TextInput
          label={t.id}
          value={id}
          onChange={(v) => setId(v.trim())}
          mono
          disabled={props.id !== undefined}
          hint={idError ?? (props.id ? t.idFixed : t.idHint)}
        />
      </details>
    </Dialog>
  );
}
