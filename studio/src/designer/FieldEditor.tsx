import { useState } from 'react';
import { pick, useMessages } from '@lodestar/ui-shared';
import { useStudioLang } from '../app/lang';
import type { EntityDefinition } from '@lodestar/core';
import { Checkbox, Dialog, Select, TextInput } from '../ui/controls';
import { EDITOR_MESSAGES } from './editor-messages';
import { EDITABLE_KINDS, emptyForm, hasOption, toForm, type FieldForm } from './field-model';
import { KIND_LABELS } from './field-kind';
import { KindSettings } from './KindSettings';
import { FormulaEditor } from './FormulaEditor';
import { RollupEditor } from './RollupEditor';
import { isIdentifier, RESERVED_NAMES } from '@lodestar/core';
import { identifierFrom } from '../workflows/ids';

/**
 * Adds a field or edits one (`name`), in a local copy applied on Done, so a half-typed identifier or
 * rule never reaches the draft. A new field's name is derived from its title (pinyin for Chinese), shown and
 * editable under 高级 / Advanced. `publishedName` is the column a rename keeps its data in.
 */
export function FieldEditor(props: {
  entity: EntityDefinition;
  name?: string;
  publishedName?: string;
  onApply(form: FieldForm): void;
  onClose(): void;
}) {
  const { entity, name } = props;
  const t = useMessages(EDITOR_MESSAGES);
  const { lang } = useStudioLang();
  const [typed, setForm] = useState<FieldForm>(() => (name ? toForm(entity, name) : emptyForm()));
  // A new field's name follows its title until one is typed under Advanced.
  const [nameTyped, setNameTyped] = useState(Boolean(name));
  const named = typed.titleEn.trim() || typed.titleZh.trim();
  const form =
    nameTyped || !named
      ? typed
      : { ...typed, name: identifierFrom(named, [...Object.keys(entity.properties), ...RESERVED_NAMES], 'field') };
  const change = (patch: Partial<FieldForm>) => setForm((current) => ({ ...current, ...patch }));
  const editable = (EDITABLE_KINDS as readonly string[]).includes(form.kind);
  const taken = form.name !== name && form.name in entity.properties;
  const nameError = form.name && !isIdentifier(form.name) ? t.nameInvalid : taken ? t.nameTaken : undefined;
  const renamedHint =
    name && form.name !== name && props.publishedName
      ? t.renameHint(<code key="from">{props.publishedName}</code>)
      : undefined;
  const needsEntity = (form.kind === 'manyToOne' || form.kind === 'manyToMany') && !form.relationEntity;
  const needsOption = (form.kind === 'choice' || form.kind === 'multiChoice') && !hasOption(form.values);
  const ready = isIdentifier(form.name) && !taken && !needsEntity && !needsOption;
  const sections = entity['x-entity'].sections ?? [];
  const kinds = editable ? EDITABLE_KINDS : [form.kind];
  const title = name ? t.editField(name) : t.addField;
  return (
    <Dialog
      title={title}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={props.onClose}>
            {t.cancel}
          </button>
          <button type="button" className="button" disabled={!ready} onClick={() => props.onApply(form)}>
            {t.apply}
          </button>
        </>
      }
    >
      <h3 className="dialog-section">{t.basics}</h3>
      <div className="form-grid">
        <Select
          label={t.kind}
          value={form.kind}
          disabled={!editable}
          // The engine fills an auto number, so no record can be required to have one.
          onChange={(kind) =>
            change({ kind: kind as FieldForm['kind'], ...(kind === 'autoNumber' && { required: false }) })
          }
          options={kinds.map((kind) => ({ value: kind, label: KIND_LABELS[lang][kind] }))}
        />
        <TextInput label={t.titleZh} value={form.titleZh} onChange={(titleZh) => change({ titleZh })} />
        <TextInput label={t.titleEn} value={form.titleEn} onChange={(titleEn) => change({ titleEn })} />
      </div>
      <details className="field-advanced" open={Boolean(nameError)}>
        <summary>{t.advanced}</summary>
        <TextInput
          label={t.name}
          value={form.name}
          onChange={(value) => {
            setNameTyped(true);
            change({ name: value.trim() });
          }}
          mono
          hint={nameError ?? renamedHint ?? t.nameHint}
        />
      </details>
      <h3 className="dialog-section">{t.rules}</h3>
      <KindSettings form={form} onChange={change} entity={entity} />
      <FormulaEditor entity={entity} form={form} onChange={change} />
      <RollupEditor entity={entity} form={form} onChange={change} />
      {form.kind !== 'autoNumber' && (
        <Checkbox
          label={t.required}
          checked={form.required}
          onChange={(required) => change({ required })}
          hint={t.requiredHint}
        />
      )}
      <h3 className="dialog-section">{t.display}</h3>
      <div className="form-grid">
        <Select
          label={t.section}
          value={form.section}
          onChange={(section) => change({ section })}
          options={[
            { value: '', label: t.noSection },
            ...sections.map((s) => ({ value: s.id, label: pick(s.title, lang) ?? s.id })),
          ]}
        />
        <TextInput label={t.helpZh} value={form.helpZh} onChange={(helpZh) => change({ helpZh })} />
        <TextInput label={t.helpEn} value={form.helpEn} onChange={(helpEn) => change({ helpEn })} />
      </div>
      <div className="check-row">
        <Checkbox label={t.list} checked={form.list} onChange={(list) => change({ list })} />
        <Checkbox label={t.chart} checked={form.chart} onChange={(chart) => change({ chart })} />
      </div>
    </Dialog>
  );
}
