import { useContext, useId, useState } from 'react';
import { useStudioLang } from '../app/lang';
import { useDraft } from '../draft/DraftContext';
import { Checkbox, Select, TextInput } from '../ui/controls';
import { libraryName } from './library-messages';
import { AddressList, BilingualText, isAddressList, isBilingualText } from './NotifyParams';
import { PANEL_MESSAGES } from './panel-messages';
import type { ParamSchema } from './types';
import { useMessages } from '@lodestar/ui-shared';
import { ConditionEntity, ConditionInput } from '../rules/ConditionInput';
import { choiceParam } from './ParamChoices';
import { PARAM_MESSAGES } from './param-messages';
import { roleOptions } from './param-options';

export interface FieldOption {
  value: string;
  label: string;
}

interface Props {
  schema: ParamSchema;
  value: Record<string, unknown>;
  onChange(value: Record<string, unknown>): void;
  /** The bound entity's fields, offered for params named `field` / `fields`. */
  fields: FieldOption[];
  /** Put before each label so two forms on one panel keep distinct names ("Action 2 · Field"). */
  labelPrefix?: string;
  /** The guard or action the params belong to, for names a param has only there (sendEvent's `to`). */
  of?: string;
}

/**
 * A form generated from a params JSON Schema: strings, numbers, booleans, enums, string lists and maps
 * of name → text (a field and its formula) get their own control; params naming an entity, relation field,
 * path, role, record type, event or value source are choices by title (ParamChoices); nested objects are
 * sub-forms; what is left (createRecord's and convert's record values) is edited as JSON.
 */
export function ParamsForm({ schema, value, onChange, fields, labelPrefix = '', of }: Props) {
  const { lang } = useStudioLang();
  const properties = propertiesOf(schema);
  const set = (name: string, next: unknown) => {
    const copy = { ...value };
    // An emptied control removes the param, so the engine reports a required one as missing.
    if (next === undefined || next === '') delete copy[name];
    else copy[name] = next;
    onChange(copy);
  };
  return (
    <div className="params-form">
      {Object.entries(properties).map(([name, prop]) => (
        <ParamControl
          key={name}
          name={name}
          label={`${labelPrefix}${libraryName(name, lang, of)}`}
          schema={prop}
          value={value[name]}
          params={value}
          fields={fields}
          of={of}
          onChange={(next) => set(name, next)}
        />
      ))}
    </div>
  );
}

/** Properties of the schema and of its oneOf / anyOf branches (assignOwner takes one of two shapes). */
function propertiesOf(schema: ParamSchema): Record<string, ParamSchema> {
  const branches = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  const merged: Record<string, ParamSchema> = {};
  for (const branch of [schema, ...branches]) {
    for (const [name, prop] of Object.entries(branch.properties ?? {}))
      if (!merged[name] || Object.keys(merged[name]).length === 0) merged[name] = prop;
  }
  return merged;
}

function ParamControl({
  name,
  label,
  schema,
  value,
  params,
  fields,
  of,
  onChange,
}: {
  name: string;
  label: string;
  schema: ParamSchema;
  value: unknown;
  /** The params this one sits among (a related guard's `where` reads the records of its `entity`). */
  params: Record<string, unknown>;
  fields: FieldOption[];
  of?: string;
  onChange(next: unknown): void;
}) {
  const t = useMessages(PANEL_MESSAGES);
  const p = useMessages(PARAM_MESSAGES);
  const { lang } = useStudioLang();
  const { definitions } = useDraft();
  const bound = useContext(ConditionEntity);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  // A condition's formula is built from rows of field, operator and value (or written, in formula mode).
  if (of === 'condition' && name === 'check')
    return <ConditionInput label={label} actor value={typeof value === 'string' ? value : ''} onChange={onChange} />;
  const choice = choiceParam({ name, of, label, value, params, set: definitions, bound, lang, t: p, onChange });
  if (choice) return choice;
  // A `where` over another entity's records: a related guard's or actorOwns' (a user sends the event, so "me"
  // means someone), sendEvent's records to send to or the rows a fan-out creates records for (run by the
  // engine or the sender: no "me").
  if (
    name === 'where' &&
    (of === 'related' || of === 'actorOwns' || of === 'sendEvent.to' || of === 'createRecords.forEach')
  )
    return typeof params.entity === 'string' && params.entity ? (
      <ConditionInput
        label={label}
        entity={params.entity}
        actor={of === 'related' || of === 'actorOwns'}
        value={typeof value === 'string' ? value : ''}
        onChange={onChange}
      />
    ) : (
      <TextInput label={label} value={typeof value === 'string' ? value : ''} onChange={onChange} />
    );
  if (name === 'field' && (type === 'string' || type === undefined) && fields.length) {
    return (
      <Select
        label={label}
        value={String(value ?? '')}
        onChange={onChange}
        options={[{ value: '', label: '—' }, ...withCurrent(fields, value)]}
      />
    );
  }
  if (type === 'array' && (schema.items?.type === 'string' || schema.items?.enum)) {
    const options =
      name === 'fields' && fields.length
        ? fields
        : name === 'roles' && of === 'actorHasRole'
          ? roleOptions(definitions, lang)
          : (schema.items?.enum ?? []).map((v) => ({ value: String(v), label: String(v) }));
    const list = Array.isArray(value) ? value.map(String) : [];
    if (options.length)
      return (
        <MultiSelect
          label={label}
          hint={t.chooseMany}
          value={list}
          options={withCurrent(options, list)}
          onChange={onChange}
        />
      );
    return (
      <TextInput
        label={label}
        hint="a, b"
        value={list.join(', ')}
        onChange={(v) =>
          onChange(
            v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          )
        }
      />
    );
  }
  if (schema.enum) {
    return (
      <Select
        label={label}
        value={String(value ?? '')}
        onChange={onChange}
        options={[
          { value: '', label: '—' },
          ...schema.enum.map((v) => ({ value: String(v), label: p.enums[name]?.[String(v)] ?? String(v) })),
        ]}
      />
    );
  }
  if (type === 'boolean') {
    // A param left out takes its default (notify mails unless `mail: false`).
    const checked = value === true || (value === undefined && schema.default === true);
    return <Checkbox label={label} checked={checked} onChange={onChange} />;
  }
  if (type === 'number' || type === 'integer') {
    return (
      <TextInput
        label={label}
        type="number"
        value={value === undefined ? '' : String(value)}
        onChange={(v) => onChange(v === '' ? undefined : Number(v))}
      />
    );
  }
  if (isAddressList(name, schema))
    return <AddressList label={label} value={value} fields={fields} onChange={onChange} />;
  if (isBilingualText(schema))
    return <BilingualText label={label} value={value} onChange={onChange} templated={of === 'notify'} />;
  if (type === 'string' || schema.anyOf)
    return <TextInput label={label} value={typeof value === 'string' ? value : ''} onChange={onChange} />;
  if (type === undefined && Object.keys(schema).length === 0) {
    // Any JSON value (a compared value): numbers and true/false as typed, everything else as text.
    return (
      <TextInput
        label={label}
        value={value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)}
        onChange={(v) => onChange(loose(v))}
      />
    );
  }
  if (isTextMap(schema)) return <MapInput label={label} value={value} onChange={onChange} />;
  const part = optionalPart(schema);
  if (part) {
    // An optional part (convert's contact and opportunity): made unless turned off (false), with its own form.
    const current = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    return (
      <fieldset className="control nested-param" data-param={name}>
        <legend className="control-label">{label}</legend>
        <Checkbox
          label={`${label} · ${p.createPart(libraryName(name, lang, of))}`}
          checked={value !== false}
          onChange={(on) => onChange(on ? undefined : false)}
        />
        {value !== false && (
          <ParamsForm
            schema={part}
            value={current}
            fields={[]}
            labelPrefix={`${label} · `}
            of={of ? `${of}.${name}` : undefined}
            onChange={(next) => onChange(Object.keys(next).length ? next : undefined)}
          />
        )}
      </fieldset>
    );
  }
  if (type === 'object' && schema.properties) {
    // A nested part with members of its own (createRecords' `forEach`: entity, where, limit) as a sub-form.
    const current = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    return (
      <fieldset className="control nested-param" data-param={name}>
        <legend className="control-label">{label}</legend>
        <ParamsForm
          schema={schema}
          value={current}
          fields={[]}
          labelPrefix={`${label} · `}
          of={of ? `${of}.${name}` : undefined}
          onChange={(next) => onChange(Object.keys(next).length ? next : undefined)}
        />
      </fieldset>
    );
  }
  if (isObjectChoice(schema)) {
    // One of several object shapes (sendEvent's `to`: a path, or entity + via + where): their members as a form.
    const current = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    return (
      <fieldset className="control nested-param">
        <legend className="control-label">{label}</legend>
        <ParamsForm
          schema={schema}
          value={current}
          fields={[]}
          labelPrefix={`${label} · `}
          of={of === 'sendEvent' && name === 'to' ? 'sendEvent.to' : undefined}
          onChange={(next) => onChange(Object.keys(next).length ? next : undefined)}
        />
      </fieldset>
    );
  }
  return <JsonInput label={label} value={value} onChange={onChange} />;
}

/** The object branch of "this object, or false" (convert's optional parts); undefined for any other schema. */
function optionalPart(schema: ParamSchema): ParamSchema | undefined {
  const branches = schema.oneOf ?? [];
  if (branches.length !== 2 || !branches.some((b) => b.const === false)) return undefined;
  const object = branches.find((b) => b.type === 'object' && b.properties);
  return object;
}

/** A choice between object shapes, each with named members (and nothing that is not an object). */
function isObjectChoice(schema: ParamSchema): boolean {
  const branches = schema.oneOf ?? schema.anyOf;
  return (
    schema.type === undefined &&
    !!branches?.length &&
    branches.every((branch) => branch.type === 'object' && !!branch.properties)
  );
}

/** A map of names to text (updateRecord's `set`: field → formula): an object whose only members are strings. */
function isTextMap(schema: ParamSchema): boolean {
  const members = schema.additionalProperties as ParamSchema | undefined;
  return schema.type === 'object' && !schema.properties && members?.type === 'string';
}

/** Rows of name and text, edited in place; rows without a name are kept here until they get one. */
function MapInput({ label, value, onChange }: { label: string; value: unknown; onChange(next: unknown): void }) {
  const t = useMessages(PANEL_MESSAGES);
  const initial = value && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];
  const [rows, setRows] = useState<[string, string][]>(() => initial.map(([k, v]) => [k, String(v ?? '')]));
  const update = (next: [string, string][]) => {
    setRows(next);
    const named = next.filter(([key]) => key.trim() !== '');
    onChange(named.length ? Object.fromEntries(named.map(([key, text]) => [key.trim(), text])) : undefined);
  };
  return (
    <fieldset className="control map-param">
      <legend className="control-label">{label}</legend>
      {rows.map(([key, text], i) => (
        <div className="map-param-row" key={i}>
          <TextInput
            label={t.mapKey(i + 1)}
            value={key}
            mono
            onChange={(next) => update(rows.map((row, j) => (j === i ? [next, row[1]] : row)))}
          />
          <TextInput
            label={t.mapValue(i + 1)}
            value={text}
            mono
            onChange={(next) => update(rows.map((row, j) => (j === i ? [row[0], next] : row)))}
          />
          <button type="button" className="link-button" onClick={() => update(rows.filter((_, j) => j !== i))}>
            {t.mapRemove(i + 1)}
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => update([...rows, ['', '']])}>
        {t.mapAdd}
      </button>
    </fieldset>
  );
}

function loose(text: string): unknown {
  if (text === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'string' ? text : parsed;
  } catch {
    return text;
  }
}

function withCurrent(options: FieldOption[], value: unknown): FieldOption[] {
  const current = (Array.isArray(value) ? value : value ? [value] : []).map(String);
  const missing = current.filter((v) => !options.some((o) => o.value === v));
  return [...options, ...missing.map((v) => ({ value: v, label: `${v} ⚠` }))];
}

function MultiSelect({
  label,
  hint,
  value,
  options,
  onChange,
}: {
  label: string;
  hint: string;
  value: string[];
  options: FieldOption[];
  onChange(next: string[]): void;
}) {
  const id = useId();
  return (
    <div className="control">
      <label className="control-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        multiple
        size={Math.min(6, Math.max(3, options.length))}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange([...event.target.selectedOptions].map((o) => o.value))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <span className="control-hint" id={`${id}-hint`}>
        {hint}
      </span>
    </div>
  );
}

/** Structured params as JSON text, applied when it parses (JSON.parse, never eval). */
function JsonInput({ label, value, onChange }: { label: string; value: unknown; onChange(next: unknown): void }) {
  const id = useId();
  const t = useMessages(PANEL_MESSAGES);
  const shown = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [textValue, setText] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  const apply = () => {
    if (textValue.trim() === '') return onChange(undefined);
    try {
      onChange(JSON.parse(textValue));
      setInvalid(false);
    } catch {
      setInvalid(true);
    }
  };
  return (
    <div className="control">
      <label className="control-label" htmlFor={id}>
        {label} <span className="muted small">{t.jsonParam}</span>
      </label>
      <textarea
        id={id}
        className="mono json-param"
        rows={Math.min(8, shown.split('\n').length + 1)}
        value={textValue}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        aria-invalid={invalid}
      />
      {invalid && <span className="control-hint issue-text">{t.jsonInvalid}</span>}
    </div>
  );
}
