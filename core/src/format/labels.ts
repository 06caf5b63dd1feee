import type { EntityDefinition, FieldDefinition, LocalizedText, WorkflowDefinition } from '../definitions/types.js';
import type { Text } from '../text.js';

/** The text of a localized value in `lang`: that language, else English, else Chinese, else any. */
export function pickText(text: LocalizedText | undefined, lang: keyof Text): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[lang] ?? text.en ?? text.zh ?? Object.values(text)[0];
}

/** The label of a choice value (single or multiple choice): `x-i18n.enum[value][lang]`, else the value. */
export function choiceLabel(field: FieldDefinition | undefined, value: unknown, lang: keyof Text): string {
  const labels = field?.['x-i18n']?.enum ?? field?.items?.['x-i18n']?.enum;
  return labels?.[String(value)]?.[lang] ?? String(value);
}

/** A record type's title in `lang`, else its key ('' for none). */
export function recordTypeLabel(
  entity: EntityDefinition,
  recordType: string | null | undefined,
  lang: keyof Text,
): string {
  if (!recordType) return '';
  return pickText(entity['x-entity'].recordTypes?.[recordType]?.title, lang) ?? recordType;
}

/** A stage's title in `lang`, else its name ('' for none). */
export function stateLabel(
  workflow: WorkflowDefinition | undefined,
  state: string | null | undefined,
  lang: keyof Text,
): string {
  if (!state) return '';
  return pickText(workflow?.states[state]?.meta?.title, lang) ?? state;
}

/** A record's title: its title field, else its id. */
export function recordLabel(entity: EntityDefinition, record: Record<string, unknown>): string {
  const value = record[entity['x-entity'].titleField];
  return value === null || value === undefined || value === '' ? String(record.id ?? '') : String(value);
}
