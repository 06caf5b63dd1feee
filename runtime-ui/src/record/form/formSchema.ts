import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { isRegionLevel } from './regions';
import { pick, type Lang } from '@lodestar/ui-shared';
import { choiceTitle, fieldTitle } from '../../model/labels';
import type { EntityDefinition, FieldDefinition } from '@lodestar/core';
import type { FieldKind } from '../../model/types';
import { isNumbered, numberedUi } from './numbering';
import { formChecks } from './checkRules';

/** JSON Schema keywords ajv may see: everything else (`x-*`, phone formats…) stays out of strict mode. */
const KEYWORDS = [
  'type',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'uniqueItems',
  'minItems',
  'maxItems',
] as const;
const FORMATS = new Set(['date', 'date-time', 'email', 'uri', 'uuid']);

export interface FormSection {
  id: string;
  title: string;
  fields: string[];
  /** `x-entity.sections[].columns`: 1 lays the section's fields one under another; 2 (default) side by side. */
  columns?: 1 | 2;
}

/** What one form of one record type is built from: memoized per entity, type, language and permissions. */
export interface FormModel {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  fields: string[];
  sections: FormSection[];
}

export interface FormModelInput {
  entity: EntityDefinition;
  kinds: Record<string, FieldKind>;
  recordType: string | undefined;
  lang: Lang;
  /** Fields the user may not change (permissions and `readOnly: true`). */
  readOnly: ReadonlySet<string>;
  isNew: boolean;
}

/** Which fields a record type shows and requires: mirrors the engine's toEffectiveSchema. */
export function effectiveFields(
  entity: EntityDefinition,
  recordType: string | undefined,
): { visible: string[]; required: string[] } {
  const type = recordType ? entity['x-entity'].recordTypes?.[recordType] : undefined;
  const required = new Set([...(entity.required ?? []), ...(type?.required ?? [])]);
  const listed = type?.fields ? new Set([...type.fields, ...required]) : undefined;
  const visible = Object.keys(entity.properties).filter((name) => !listed || listed.has(name));
  return { visible, required: [...required].filter((name) => name in entity.properties) };
}

/** Field order: `x-ui.order` first, definition order for ties and fields without one. */
export function orderFields(entity: EntityDefinition, names: string[]): string[] {
  const index = new Map(Object.keys(entity.properties).map((name, i) => [name, i]));
  const order = (name: string) => entity.properties[name]?.['x-ui']?.order ?? Number.MAX_SAFE_INTEGER;
  return [...names].sort((a, b) => order(a) - order(b) || index.get(a)! - index.get(b)!);
}

export function buildFormModel({ entity, kinds, recordType, lang, readOnly, isNew }: FormModelInput): FormModel {
  const { visible, required } = effectiveFields(entity, recordType);
  const fields = orderFields(
    entity,
    visible.filter(
      (name) =>
        kinds[name] !== 'json' &&
        (!entity.properties[name]!['x-ui']?.hidden || required.includes(name)) &&
        // A roll-up summarises related records, which a new record does not have yet.
        !(isNew && entity.properties[name]!['x-rollup']),
    ),
  );
  const properties: Record<string, RJSFSchema> = {};
  const uiSchema: UiSchema = {};
  for (const name of fields) {
    const field = entity.properties[name]!;
    properties[name] = { ...toFormSchema(field, isNew), title: fieldTitle(entity, name, lang) };
    const computed = field['x-rollup'] !== undefined;
    uiSchema[name] = uiFor(entity, name, kinds[name], lang, readOnly.has(name) || field.readOnly === true || computed);
    if (isNumbered(field)) uiSchema[name] = numberedUi(uiSchema[name], isNew, lang);
  }
  const sections = toSections(entity, fields, lang);
  uiSchema['ui:order'] = [...sections.flatMap((section) => section.fields), '*'];
  uiSchema['ui:options'] = { sections };
  uiSchema['ui:submitButtonOptions'] = { norender: true };
  return {
    schema: {
      type: 'object',
      properties,
      required: required.filter((name) => fields.includes(name)),
      ...formChecks(entity['x-rules'], recordType),
    } as RJSFSchema,
    uiSchema,
    fields,
    sections,
  };
}

function toFormSchema(field: FieldDefinition, withDefault: boolean): RJSFSchema {
  const out: Record<string, unknown> = {};
  for (const keyword of KEYWORDS)
    if (field[keyword as keyof FieldDefinition] !== undefined) out[keyword] = field[keyword as keyof FieldDefinition];
  if (field.format && FORMATS.has(field.format)) out.format = field.format;
  if (field.items) out.items = toFormSchema(field.items, false);
  // Links with attributes are objects the grid edits (LinkGrid.tsx); the engine judges each attribute.
  if (field['x-relation']?.attributes) {
    out.items = { type: 'object' };
    delete out.uniqueItems;
  }
  if (withDefault && field.default !== undefined) out.default = field.default;
  return out as RJSFSchema;
}

function uiFor(
  entity: EntityDefinition,
  name: string,
  kind: FieldKind | undefined,
  lang: Lang,
  readonly: boolean,
): UiSchema {
  const field = entity.properties[name]!;
  const help = pick(field['x-ui']?.help, lang);
  const options: Record<string, string | number | boolean | object | undefined> = { kind };
  const enumValues = field.enum ?? field.items?.enum;
  if (enumValues)
    options.labels = Object.fromEntries(
      enumValues.map((value) => [String(value), choiceTitle(entity, name, value, lang)]),
    );
  if (field['x-relation']) options.target = field['x-relation'].entity;
  if (kind === 'money')
    Object.assign(options, { currency: field['x-currency'] ?? 'CNY', scale: field['x-scale'] ?? 2 });
  if (kind === 'longText' || kind === 'manyToMany' || kind === 'multiChoice' || kind === 'textList')
    options.wide = true;
  const attributes = field['x-relation']?.attributes;
  if (attributes) Object.assign(options, { attributes, wide: true });
  // A text field marked as a province, city or district is picked from China's list (regions.ts).
  const region = kind === 'text' && isRegionLevel(field['x-ui']?.widget) ? field['x-ui']!.widget : undefined;
  if (region) options.region = region;
  return {
    'ui:widget': attributes ? 'lsLinkGrid' : region ? 'lsRegion' : (WIDGET_OF_KIND[kind ?? 'text'] ?? 'lsText'),
    'ui:options': options,
    ...(help && { 'ui:help': help }),
    ...(readonly && { 'ui:readonly': true }),
  };
}

/** Each kind's widget (registered in widgets.ts). */
const WIDGET_OF_KIND: Record<string, string> = {
  text: 'lsText',
  email: 'lsText',
  phone: 'lsText',
  url: 'lsText',
  uuid: 'lsText',
  integer: 'lsNumber',
  number: 'lsNumber',
  money: 'lsMoney',
  boolean: 'lsSwitch',
  date: 'lsDate',
  dateTime: 'lsDateTime',
  choice: 'lsSelect',
  multiChoice: 'lsChecks',
  longText: 'lsTextarea',
  manyToOne: 'lsRelation',
  manyToMany: 'lsRelations',
  user: 'lsUser',
  textList: 'lsTags',
};

/** The definition's sections in order, each with its fields; fields without a (known) section last. */
function toSections(entity: EntityDefinition, fields: string[], lang: Lang): FormSection[] {
  const defined = entity['x-entity'].sections ?? [];
  const known = new Set(defined.map((section) => section.id));
  const sections = defined
    .map((section) => ({
      id: section.id,
      title: pick(section.title, lang) ?? section.id,
      fields: fields.filter((name) => entity.properties[name]?.['x-ui']?.section === section.id),
      ...(section.columns === 1 && { columns: 1 as const }),
    }))
    .filter((section) => section.fields.length > 0);
  const rest = fields.filter((name) => !known.has(entity.properties[name]?.['x-ui']?.section ?? ''));
  return rest.length ? [...sections, { id: '', title: '', fields: rest }] : sections;
}
