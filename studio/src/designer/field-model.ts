import type { EntityDefinition, FieldDefinition, OnDelete, SequenceDefinition } from '@lodestar/core';
import type { FieldKind } from './field-kind';

/** The kinds the field editor can set up; other kinds (json, uuid, text lists) keep their schema as written. */
export const EDITABLE_KINDS = [
  'text',
  'longText',
  'integer',
  'number',
  'money',
  'date',
  'dateTime',
  'boolean',
  'email',
  'phone',
  'url',
  'choice',
  'multiChoice',
  'manyToOne',
  'manyToMany',
  'user',
  'autoNumber',
] as const satisfies readonly FieldKind[];
export type EditableKind = (typeof EDITABLE_KINDS)[number];

export interface ChoiceValue {
  value: string;
  zh: string;
  en: string;
}

/** What the field editor's inputs hold; numbers stay strings until written. */
export interface FieldForm {
  name: string;
  kind: FieldKind;
  titleZh: string;
  titleEn: string;
  helpZh: string;
  helpEn: string;
  section: string;
  list: boolean;
  chart: boolean;
  required: boolean;
  defaultValue: string;
  minLength: string;
  maxLength: string;
  pattern: string;
  /** A text field picked from China's regions (`x-ui.widget`): '', province, city or district. */
  region: string;
  minimum: string;
  maximum: string;
  currency: string;
  scale: string;
  values: ChoiceValue[];
  relationEntity: string;
  /** Link attributes of a many-to-many (`x-relation.attributes`, LinkAttributesSettings.tsx), as written. */
  linkAttributes: Record<string, FieldDefinition>;
  onDelete: string;
  /** Line items of the parent (`x-relation.items`, LineItemsSettings.tsx): the list's name, '' when not. */
  items: string;
  itemOrder: string;
  /** `x-formula`: undefined for a field people type in. */
  formula?: string;
  /** `x-rollup`: undefined for a field that is not a roll-up (RollupEditor.tsx); empty texts are left out. */
  rollup?: RollupForm;
  /** Auto number (`x-sequence`): pattern, reset and a prefix per record type. */
  sequence: SequenceDefinition;
}

/** A roll-up's pickers: child entity, its relation to this entity, summary, child field, filter formula. */
export interface RollupForm {
  from: string;
  via: string;
  op: 'count' | 'sum' | 'min' | 'max' | 'avg';
  field: string;
  where: string;
}

/** The engine's kind of a field (engine/src/schema/column-types.ts), so the editor opens on the right one. */
export function kindOf(field: Partial<FieldDefinition>): FieldKind {
  const relation = field['x-relation'];
  if (field.type === 'string') {
    if (field['x-sequence']) return 'autoNumber';
    if (relation) return 'manyToOne';
    if (field['x-user']) return 'user';
    if (field.enum) return 'choice';
    const byFormat: Record<string, FieldKind> = {
      date: 'date',
      'date-time': 'dateTime',
      email: 'email',
      phone: 'phone',
      uri: 'url',
      uuid: 'uuid',
    };
    return byFormat[field.format ?? ''] ?? (field['x-multiline'] ? 'longText' : 'text');
  }
  if (field.type === 'integer') return 'integer';
  if (field.type === 'number') return field['x-currency'] !== undefined ? 'money' : 'number';
  if (field.type === 'boolean') return 'boolean';
  if (field.type === 'array')
    return relation
      ? 'manyToMany'
      : field.items?.enum
        ? 'multiChoice'
        : field.items?.type === 'string'
          ? 'textList'
          : 'json';
  return field.type === 'object' ? 'json' : 'unknown';
}

export function emptyForm(): FieldForm {
  return {
    name: '',
    kind: 'text',
    titleZh: '',
    titleEn: '',
    helpZh: '',
    helpEn: '',
    section: '',
    list: false,
    chart: false,
    required: false,
    defaultValue: '',
    minLength: '',
    maxLength: '',
    pattern: '',
    region: '',
    minimum: '',
    maximum: '',
    currency: 'CNY',
    scale: '2',
    values: [],
    relationEntity: '',
    linkAttributes: {},
    onDelete: 'setNull',
    items: '',
    itemOrder: '',
    sequence: { pattern: '{YYYY}-{0000}', reset: 'yearly' },
  };
}

/** The `x-ui.widget` values that pick a text field's value from China's regions (the runtime's regions.ts). */
export const REGION_WIDGETS = ['province', 'city', 'district'];

const str = (n: unknown) => (n === undefined || n === null ? '' : String(n));
const localized = (value: unknown, lang: string) =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object'
      ? str((value as Record<string, string>)[lang])
      : '';

/** Reads a field of `entity` into the editor's inputs. */
export function toForm(entity: EntityDefinition, name: string): FieldForm {
  const field: Partial<FieldDefinition> = entity.properties[name] ?? {};
  const ui = field['x-ui'] ?? {};
  const i18n = field['x-i18n'] ?? {};
  const choices = field.enum ?? field.items?.enum ?? [];
  return {
    ...emptyForm(),
    name,
    kind: kindOf(field),
    titleZh: i18n.title?.zh ?? '',
    titleEn: i18n.title?.en ?? field.title ?? '',
    helpZh: localized(ui.help, 'zh'),
    helpEn: localized(ui.help, 'en'),
    section: ui.section ?? '',
    list: ui.list === true,
    chart: ui.chart === true,
    required: entity.required?.includes(name) ?? false,
    defaultValue: field.default === undefined || typeof field.default === 'object' ? '' : String(field.default),
    minLength: str(field.minLength),
    maxLength: str(field.maxLength),
    pattern: field.pattern ?? '',
    region: REGION_WIDGETS.includes(ui.widget ?? '') ? ui.widget! : '',
    minimum: str(field.minimum),
    maximum: str(field.maximum),
    currency: field['x-currency'] ?? 'CNY',
    scale: str(field['x-scale'] ?? 2),
    values: choices.map((value) => ({
      value: String(value),
      zh: i18n.enum?.[String(value)]?.zh ?? '',
      en: i18n.enum?.[String(value)]?.en ?? '',
    })),
    relationEntity: (field['x-relation'] ?? field.items?.['x-relation'])?.entity ?? '',
    linkAttributes: field['x-relation']?.attributes ?? {},
    onDelete: field['x-relation']?.onDelete ?? 'setNull',
    items: field['x-relation']?.items ?? '',
    itemOrder: field['x-relation']?.itemOrder ?? '',
    ...(field['x-formula'] !== undefined && { formula: field['x-formula'] }),
    ...(field['x-rollup'] && {
      rollup: { field: '', where: '', ...field['x-rollup'] },
    }),
    ...(field['x-sequence'] && { sequence: field['x-sequence'] }),
  };
}

// Keywords the kind decides; everything else a consultant wrote (readOnly, x-ui.widget, …) is kept.
const KIND_KEYWORDS = [
  'type',
  'format',
  'enum',
  'items',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'x-currency',
  'x-scale',
  'x-multiline',
  'x-relation',
  'x-user',
  'default',
  'uniqueItems',
  'x-sequence',
];

const num = (text: string) => (text.trim() === '' || Number.isNaN(Number(text)) ? undefined : Number(text));

/** Writes the editor's inputs back into a field definition, on top of what `previous` already said. */
export function toField(form: FieldForm, previous: Partial<FieldDefinition> = {}): FieldDefinition {
  const editable = (EDITABLE_KINDS as readonly string[]).includes(form.kind);
  // A field being edited lacks keywords until the kind puts them back; what leaves here is a whole field.
  const field = Object.fromEntries(
    Object.entries(previous).filter(([key]) => !editable || !KIND_KEYWORDS.includes(key)),
  ) as Partial<FieldDefinition>;
  if (editable) Object.assign(field, kindSchema(form));
  field.title = form.titleEn.trim() || form.titleZh.trim() || form.name;
  const i18n = { ...(previous['x-i18n'] ?? {}) };
  const title = {
    ...(form.titleZh.trim() && { zh: form.titleZh.trim() }),
    ...(form.titleEn.trim() && { en: form.titleEn.trim() }),
  };
  if (Object.keys(title).length) i18n.title = title;
  else delete i18n.title;
  delete i18n.enum;
  if (form.kind === 'choice' || form.kind === 'multiChoice') {
    const labels = Object.fromEntries(
      form.values
        .filter((v) => v.value && (v.zh || v.en))
        .map((v) => [v.value, { ...(v.zh && { zh: v.zh }), ...(v.en && { en: v.en }) }]),
    );
    if (Object.keys(labels).length) i18n.enum = labels;
  }
  setOrDelete(field, 'x-i18n', Object.keys(i18n).length ? i18n : undefined);
  const ui = { ...(previous['x-ui'] ?? {}) };
  const help = {
    ...(form.helpZh.trim() && { zh: form.helpZh.trim() }),
    ...(form.helpEn.trim() && { en: form.helpEn.trim() }),
  };
  setOrDelete(ui, 'help', Object.keys(help).length ? help : undefined);
  setOrDelete(ui, 'section', form.section || undefined);
  setOrDelete(ui, 'list', form.list || undefined);
  setOrDelete(ui, 'chart', form.chart || undefined);
  // Only a text field picks from regions; another widget a consultant wrote is kept.
  const region = form.kind === 'text' ? form.region : '';
  if (region || REGION_WIDGETS.includes(ui.widget ?? '')) setOrDelete(ui, 'widget', region || undefined);
  setOrDelete(field, 'x-ui', Object.keys(ui).length ? ui : undefined);
  // A formula field is computed: it keeps its formula and has no default (FormulaEditor.tsx).
  setOrDelete(field, 'x-formula', form.formula);
  // A roll-up is computed from child records: it keeps x-rollup and has no default (RollupEditor.tsx).
  setOrDelete(field, 'x-rollup', form.rollup && toRollup(form.rollup));
  if (form.rollup) delete field.default;
  if (form.formula !== undefined) delete field.default;
  return field as FieldDefinition;
}

/** The JSON Schema keywords of a kind (column-types.ts in reverse). */
function kindSchema(form: FieldForm): FieldDefinition {
  const values = form.values.map((v) => v.value.trim()).filter(Boolean);
  const bounds = { minimum: num(form.minimum), maximum: num(form.maximum) };
  const relation = { entity: form.relationEntity };
  const byKind: Record<EditableKind, FieldDefinition> = {
    text: {
      type: 'string',
      minLength: num(form.minLength),
      maxLength: num(form.maxLength),
      pattern: form.pattern || undefined,
    },
    longText: {
      type: 'string',
      'x-multiline': true,
      minLength: num(form.minLength),
      maxLength: num(form.maxLength),
      pattern: form.pattern || undefined,
    },
    integer: { type: 'integer', ...bounds },
    number: { type: 'number', ...bounds },
    money: {
      type: 'number',
      ...bounds,
      'x-currency': form.currency.trim().toUpperCase() || 'CNY',
      'x-scale': num(form.scale),
    },
    date: { type: 'string', format: 'date' },
    dateTime: { type: 'string', format: 'date-time' },
    boolean: { type: 'boolean' },
    email: { type: 'string', format: 'email' },
    phone: { type: 'string', format: 'phone' },
    url: { type: 'string', format: 'uri' },
    choice: { type: 'string', enum: values },
    multiChoice: { type: 'array', items: { type: 'string', enum: values }, uniqueItems: true },
    manyToOne: {
      type: 'string',
      format: 'uuid',
      'x-relation': { ...relation, onDelete: form.onDelete as OnDelete, ...lineItemsOf(form) },
    },
    manyToMany: {
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      uniqueItems: true,
      'x-relation': Object.keys(form.linkAttributes).length
        ? { ...relation, attributes: form.linkAttributes }
        : relation,
    },
    autoNumber: { type: 'string', 'x-sequence': cleanSequence(form.sequence) },
    user: { type: 'string', format: 'uuid', 'x-user': true },
  };
  const schema = byKind[form.kind as EditableKind];
  const fallback = defaultOf(form);
  if (fallback !== undefined) schema.default = fallback;
  return Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined)) as FieldDefinition;
}

/** A relation's line item keywords: the list's name and, when chosen, its position field. */
function lineItemsOf(form: FieldForm): { items?: string; itemOrder?: string } {
  const items = form.items.trim();
  return items ? { items, ...(form.itemOrder && { itemOrder: form.itemOrder }) } : {};
}

/** The default value typed as the kind stores it; none for relations and lists. */
function defaultOf(form: FieldForm): unknown {
  const text = form.defaultValue.trim();
  if (!text) return undefined;
  switch (form.kind) {
    case 'integer':
    case 'number':
    case 'money':
      return num(text);
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'manyToOne':
    case 'manyToMany':
    case 'multiChoice':
    case 'autoNumber':
    case 'user':
      return undefined;
    default:
      return text;
  }
}

function setOrDelete<T extends object>(target: T, key: string, value: unknown): void {
  if (value === undefined) delete (target as Record<string, unknown>)[key];
  else (target as Record<string, unknown>)[key] = value;
}

/** The sequence as written: no `never` reset (the default) and no empty prefixes. */
function cleanSequence(sequence: SequenceDefinition): SequenceDefinition {
  const prefixes = Object.fromEntries(Object.entries(sequence.prefixes ?? {}).filter(([, prefix]) => prefix.trim()));
  return {
    pattern: sequence.pattern.trim(),
    ...(sequence.reset && sequence.reset !== 'never' && { reset: sequence.reset }),
    ...(Object.keys(prefixes).length && { prefixes }),
  };
}

/** The roll-up as the definition holds it: the field only when the summary reads one, the filter only when written. */
function toRollup(form: RollupForm): NonNullable<FieldDefinition['x-rollup']> {
  const { from, via, op } = form;
  return {
    from,
    via,
    op,
    ...(form.field && op !== 'count' && { field: form.field }),
    ...(form.where.trim() && { where: form.where.trim() }),
  };
}

/** Whether a choice field has a value to choose: the engine refuses an empty `enum`. */
export function hasOption(values: ChoiceValue[]): boolean {
  return values.some((v) => v.value.trim() !== '');
}
