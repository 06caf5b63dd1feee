import type { ReactNode } from 'react';
import type { DefinitionSet } from '@lodestar/core';
import { useApiGet, type Lang } from '@lodestar/ui-shared';
import { Select } from '../ui/controls';
import { ruleFields } from '../rules/rule-fields';
import { FieldFormulaRows } from './FieldFormulaRows';
import { CopyRows, LinesRows, OwnerChoice, ValueRows } from './RecordParams';
import type { ParamMessages } from './param-messages';
import {
  entityAtPath,
  entityOptions,
  eventOptions,
  lineListOptions,
  pathOptions,
  recordTypeOptions,
  relationOptions,
  roleOptions,
  withValue,
  writableFieldOptions,
  type ParamOption,
} from './param-options';

export interface ChoiceContext {
  name: string;
  /** The guard or action (or nested part: `createRecords.forEach`, `sendEvent.to`) the param belongs to. */
  of?: string;
  label: string;
  value: unknown;
  /** The params this one sits among. */
  params: Record<string, unknown>;
  /** The params of the action holding a nested part (createRecords' for `forEach`). */
  outer?: Record<string, unknown>;
  set: DefinitionSet;
  /** The workflow's bound entity. */
  bound?: string;
  lang: Lang;
  t: ParamMessages;
  onChange(next: unknown): void;
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Actions whose `entity` is the entity of records they write or read (not the bound one). */
const ENTITY_PARAMS = new Set([
  'related',
  'actorOwns',
  'createRecord',
  'createRecords',
  'createRecords.forEach',
  'sendEvent.to',
  'convert.customer',
  'convert.contact',
  'convert.opportunity',
]);

/** The parts of convert: each creates a record of its own entity (by default the part's name). */
const CONVERT_PARTS = ['convert.customer', 'convert.contact', 'convert.opportunity'];

/**
 * A param that names an entity, a relation field, a path, a role, a record type, an event or a value source,
 * as a choice by title (never an id to type); undefined when the param is none of those.
 */
export function choiceParam(c: ChoiceContext): ReactNode | undefined {
  const { name, of = '', params, set, bound, lang, t } = c;
  const entities = set.entities;
  const select = (options: ParamOption[], empty: string = t.none) => (
    <Select
      label={c.label}
      value={String(c.value ?? '')}
      onChange={(v) => c.onChange(v || undefined)}
      options={[{ value: '', label: empty }, ...withValue(options, c.value)]}
    />
  );
  const entity = text(params.entity);
  const titleOfEntity = (id: string | undefined) =>
    entityOptions(entities, lang).find((o) => o.value === id)?.label ?? id ?? '';
  /** The relation fields of the chosen entity pointing at `target`, or a hint while none can be chosen. */
  const relation = (target: string | undefined) => {
    if (!entity) return select([], t.chooseEntityFirst);
    const options = relationOptions(entities, entity, target, lang);
    return options.length || c.value
      ? select(options)
      : select([], t.noRelation(titleOfEntity(entity), titleOfEntity(target)));
  };

  if (name === 'entity' && ENTITY_PARAMS.has(of)) return select(entityOptions(entities, lang));
  // A new record's params (createRecord, each part of convert): its entity is chosen, or the part's own.
  const creates = of === 'createRecord' || CONVERT_PARTS.includes(of);
  const created = of === 'createRecord' ? entity : CONVERT_PARTS.includes(of) ? (entity ?? of.slice(8)) : undefined;
  const boundFields = () =>
    Object.entries(entities.find((e) => e.$id === bound)?.properties ?? {}).map(([field, definition]) => ({
      value: field,
      label: titleOfField(definition, field),
    }));
  const titleOfField = (definition: { title?: string; 'x-i18n'?: { title?: Record<string, string> } }, field: string) =>
    definition['x-i18n']?.title?.[lang] ?? definition.title ?? field;
  if (creates && name === 'copy')
    return (
      <CopyRows
        label={c.label}
        value={c.value}
        targets={writableFieldOptions(entities, created, lang)}
        sources={boundFields()}
        onChange={c.onChange}
      />
    );
  if (creates && name === 'values')
    return (
      <ValueRows
        label={c.label}
        value={c.value}
        targets={writableFieldOptions(entities, created, lang)}
        sources={boundFields()}
        onChange={c.onChange}
      />
    );
  if (name === 'owner' && (of === 'createRecord' || of === 'convert')) {
    const userFields = Object.entries(entities.find((e) => e.$id === bound)?.properties ?? {})
      .filter(([, definition]) => definition['x-user'])
      .map(([field, definition]) => ({ value: field, label: titleOfField(definition, field) }));
    return (
      <OwnerChoice
        label={c.label}
        value={c.value}
        userFields={userFields}
        roles={roleOptions(set, lang)}
        onChange={c.onChange}
      />
    );
  }
  if (name === 'lines' && of === 'createRecord')
    return (
      <LinesRows
        label={c.label}
        value={c.value}
        sources={lineListOptions(entities, bound, lang)}
        targets={lineListOptions(entities, created, lang)}
        fieldsOf={(child, writable) =>
          writable
            ? writableFieldOptions(entities, child, lang)
            : Object.entries(entities.find((e) => e.$id === child)?.properties ?? {}).map(([field, definition]) => ({
                value: field,
                label: titleOfField(definition, field),
              }))
        }
        onChange={c.onChange}
      />
    );
  // createRecord: the new record's field back to this one, and this record's field keeping the new one.
  if (name === 'linkBack' && of === 'createRecord') return relation(bound);
  if ((name === 'storeIdIn' && of === 'createRecord') || (name === 'storeIn' && CONVERT_PARTS.includes(of))) {
    const options = relationOptions(entities, bound, created, lang);
    return select(options);
  }
  if (name === 'recordType' && CONVERT_PARTS.includes(of))
    return select(recordTypeOptions(entities, created, lang), t.everyType);
  // related / sendEvent's children: the chosen entity's field pointing at this workflow's records.
  if (name === 'via' && (of === 'related' || of === 'sendEvent.to')) return relation(bound);
  if (name === 'linkBack' && of === 'createRecords') return relation(bound);
  if (name === 'linkSource' && of === 'createRecords') {
    const forEach = params.forEach as { entity?: string } | undefined;
    return relation(text(forEach?.entity));
  }
  if (name === 'path' && (of === 'updateRecord' || of === 'sendEvent.to'))
    return select(pathOptions(entities, bound, lang));
  if (name === 'recordType' && (of === 'createRecord' || of === 'createRecords'))
    return select(recordTypeOptions(entities, entity, lang), t.everyType);
  if ((name === 'role' && of === 'approvalGiven') || name === 'roundRobinRole') return select(roleOptions(set, lang));
  if (name === 'userId' && of === 'assignOwner')
    return <UserSelect label={c.label} value={String(c.value ?? '')} onChange={(v) => c.onChange(v || undefined)} />;
  if (name === 'event' && of === 'sendEvent') {
    const to = (params.to ?? {}) as { path?: string; entity?: string };
    const target = to.entity ?? (to.path ? entityAtPath(entities, bound, to.path) : undefined);
    return select(eventOptions(set, target, lang));
  }
  // fieldCompare's "in" on a choice field: its options, ticked (the value is the list of those ticked).
  if (name === 'value' && of === 'fieldCompare' && params.op === 'in' && typeof params.field === 'string') {
    const field = entities.find((e) => e.$id === bound)?.properties[params.field];
    if (field?.enum) {
      const options = field.enum;
      const labels = field['x-i18n']?.enum as Record<string, Record<string, string>> | undefined;
      const chosen = Array.isArray(c.value) ? c.value.map(String) : [];
      const toggle = (option: string, on: boolean) => {
        const next = on ? [...chosen, option] : chosen.filter((v) => v !== option);
        c.onChange(next.length ? options.filter((o) => next.includes(String(o))) : undefined);
      };
      return (
        <fieldset className="param-options">
          <legend>{c.label}</legend>
          {options.map((option) => (
            <label key={String(option)} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(String(option))}
                onChange={(e) => toggle(String(option), e.target.checked)}
              />
              {labels?.[String(option)]?.[lang] ?? String(option)}
            </label>
          ))}
        </fieldset>
      );
    }
  }
  // A value for one of this record's fields (setField, fieldCompare): a choice field's options, or yes / no.
  if (
    name === 'value' &&
    (of === 'setField' || (of === 'fieldCompare' && params.op !== 'in')) &&
    typeof params.field === 'string'
  ) {
    const field = entities.find((e) => e.$id === bound)?.properties[params.field];
    if (field?.enum) {
      const labels = field['x-i18n']?.enum as Record<string, Record<string, string>> | undefined;
      const current = c.value === undefined ? '' : String(c.value);
      return (
        <Select
          label={c.label}
          value={current}
          onChange={(v) => c.onChange(v === '' ? undefined : (field.enum!.find((e) => String(e) === v) ?? v))}
          options={[
            { value: '', label: t.none },
            ...withValue(
              field.enum.map((v) => ({ value: String(v), label: labels?.[String(v)]?.[lang] ?? String(v) })),
              current,
            ),
          ]}
        />
      );
    }
    if (field?.type === 'boolean')
      return (
        <Select
          label={c.label}
          value={c.value === undefined ? '' : String(c.value)}
          onChange={(v) => c.onChange(v === '' ? undefined : v === 'true')}
          options={[
            { value: '', label: t.none },
            { value: 'true', label: t.yes },
            { value: 'false', label: t.no },
          ]}
        />
      );
  }
  if (name === 'valueFrom' && of === 'setField') {
    const own = Object.keys(entities.find((e) => e.$id === bound)?.properties ?? {});
    const fields = ruleFields(
      entities.find((e) => e.$id === bound),
      entities,
      lang,
      { relations: false },
    ).filter((f) => own.includes(f.path));
    return select([
      { value: 'now', label: t.now },
      { value: 'actor.id', label: t.actor },
      ...fields.map((f) => ({ value: `record.${f.path}`, label: t.recordField(f.label) })),
    ]);
  }
  if (name === 'set' && of === 'createRecords') {
    const source = text((params.forEach as { entity?: string } | undefined)?.entity);
    const reads = ruleFields(
      entities.find((e) => e.$id === source),
      entities,
      lang,
      { relations: true },
    );
    return (
      <FieldFormulaRows
        label={c.label}
        value={c.value}
        targets={writableFieldOptions(entities, entity, lang)}
        reads={reads}
        hint={t.setHint}
        onChange={c.onChange}
      />
    );
  }
  if (name === 'set' && of === 'updateRecord') {
    const path = text(params.path);
    const target = path ? entityAtPath(entities, bound, path) : undefined;
    const reads = ruleFields(
      entities.find((e) => e.$id === bound),
      entities,
      lang,
      { relations: true, owner: true },
    );
    return (
      <FieldFormulaRows
        label={c.label}
        value={c.value}
        targets={writableFieldOptions(entities, target, lang)}
        reads={reads}
        onChange={c.onChange}
      />
    );
  }
  return undefined;
}

/** A user chosen by name among the active users (assignOwner's `userId`), never a typed id. */
function UserSelect({ label, value, onChange }: { label: string; value: string; onChange(id: string): void }) {
  const [users] = useApiGet('/admin/users');
  const options =
    users.status === 'ready'
      ? users.data.data
          .filter((u) => u.active || u.id === value)
          .map((u) => ({ value: u.id, label: u.displayName ? `${u.displayName}（${u.email}）` : u.email }))
      : [];
  return (
    <Select
      label={label}
      value={value}
      onChange={onChange}
      options={[{ value: '', label: '—' }, ...(users.status === 'ready' ? withValue(options, value) : options)]}
    />
  );
}
