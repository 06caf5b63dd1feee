import type { FieldDefinition } from '@lodestar/core';
import type { ChoiceValue } from './field-model';

/** The kinds a link attribute may have (the engine's validate-link-attributes.ts accepts these and money, long text). */
export const ATTRIBUTE_KINDS = ['text', 'choice', 'integer', 'number', 'boolean', 'date'] as const;
export type AttributeKind = (typeof ATTRIBUTE_KINDS)[number];

export function attributeKind(field: FieldDefinition): AttributeKind {
  if (field.enum) return 'choice';
  if (field.type === 'integer' || field.type === 'number' || field.type === 'boolean') return field.type;
  return field.format === 'date' ? 'date' : 'text';
}

/** The attribute as another kind, keeping its titles; a number keeps its bounds. */
export function withKind(field: FieldDefinition, kind: AttributeKind): FieldDefinition {
  const i18n = field['x-i18n']?.title ? { 'x-i18n': { title: field['x-i18n'].title } } : {};
  const title = field.title !== undefined ? { title: field.title } : {};
  const bounds = Object.fromEntries(
    (['minimum', 'maximum'] as const).filter((k) => field[k] !== undefined).map((k) => [k, field[k]]),
  );
  switch (kind) {
    case 'choice':
      return { type: 'string', ...title, enum: field.enum ?? ['value1'], ...i18n };
    case 'integer':
    case 'number':
      return { type: kind, ...title, ...bounds, ...i18n };
    case 'boolean':
      return { type: 'boolean', ...title, ...i18n };
    case 'date':
      return { type: 'string', ...title, format: 'date', ...i18n };
    default:
      return { type: 'string', ...title, maxLength: field.maxLength ?? 200, ...i18n };
  }
}

export function withTitle(field: FieldDefinition, lang: 'zh' | 'en', text: string): FieldDefinition {
  const title = { ...field['x-i18n']?.title, [lang]: text };
  if (!text) delete title[lang];
  const i18n = { ...field['x-i18n'], title };
  return { ...field, ...(lang === 'en' && { title: text || undefined }), 'x-i18n': i18n };
}

export function choiceValues(field: FieldDefinition): ChoiceValue[] {
  return (field.enum ?? []).map((value) => ({
    value: String(value),
    zh: field['x-i18n']?.enum?.[String(value)]?.zh ?? '',
    en: field['x-i18n']?.enum?.[String(value)]?.en ?? '',
  }));
}

export function withChoices(field: FieldDefinition, values: ChoiceValue[]): FieldDefinition {
  const kept = values.filter((v) => v.value);
  const labels = Object.fromEntries(
    kept.filter((v) => v.zh || v.en).map((v) => [v.value, { ...(v.zh && { zh: v.zh }), ...(v.en && { en: v.en }) }]),
  );
  return {
    ...field,
    enum: kept.length ? kept.map((v) => v.value) : [''],
    'x-i18n': { ...field['x-i18n'], enum: labels },
  };
}

/** Renames an attribute, keeping the others' order. */
export function renamed(
  attributes: Record<string, FieldDefinition>,
  from: string,
  to: string,
): Record<string, FieldDefinition> {
  return Object.fromEntries(Object.entries(attributes).map(([name, field]) => [name === from ? to : name, field]));
}
