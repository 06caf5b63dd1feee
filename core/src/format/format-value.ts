import type { EntityDefinition, WorkflowDefinition } from '../definitions/types.js';
import type { Text } from '../text.js';
import { formatDate, formatDateTime, formatMoney, formatNumber, sheetDateTime } from './intl.js';
import { choiceLabel, recordLabel, recordTypeLabel, stateLabel } from './labels.js';
import type { ValueKind } from './value-kinds.js';
import { VALUE_WORDS } from './value-words.js';

/** What a value belongs to: its field (by kind) and what naming it needs. */
export interface ValueSubject {
  kind: ValueKind;
  /** The entity as the reader sees it, and the field's name in it (choices, currency, record types). */
  entity: EntityDefinition;
  field: string;
  /** The record's workflow, for `state`. */
  workflow?: WorkflowDefinition | undefined;
  /** The related entity, for the titles of linked records. */
  target?: EntityDefinition | undefined;
  /** Display names by user id, for `user`. */
  userName?: ((id: string) => string | undefined) | undefined;
}

/** How a place shows what words cannot decide: numbers, dates, lists, ids. */
export interface ValueStyle {
  /** Between the items of a list value. */
  list: string;
  /** integer, number and money. */
  number(value: unknown, subject: ValueSubject, lang: keyof Text): string | number;
  date(value: string, lang: keyof Text): string;
  dateTime(value: string, lang: keyof Text): string;
  /** A linked record the reader may not see. */
  restricted(lang: keyof Text): string;
  /** A linked record or user known only by id. */
  id(id: string): string;
}

/** On screen: numbers, money and dates in the language's way, times in the reader's time zone, short ids. */
export const SCREEN_STYLE: ValueStyle = {
  list: ', ',
  number(value, { kind, entity, field }, lang) {
    if (kind !== 'money') return formatNumber(Number(value), lang);
    const definition = entity.properties[field];
    return formatMoney(Number(value), definition?.['x-currency'] ?? 'CNY', lang, definition?.['x-scale']);
  },
  date: formatDate,
  dateTime: formatDateTime,
  restricted: (lang) => VALUE_WORDS.restricted[lang],
  id: (id) => id.slice(0, 8),
};

/** In a spreadsheet (CSV view export): numbers stay numbers, dates ISO, times `YYYY-MM-DD HH:mm` in `timeZone`. */
export function sheetStyle(timeZone: string): ValueStyle {
  const time = sheetDateTime(timeZone);
  return {
    list: '; ',
    number: (value) => (typeof value === 'number' ? value : String(value)),
    date: (value) => value,
    dateTime: (value) => time(value),
    restricted: (lang) => (lang === 'zh' ? `（${VALUE_WORDS.restricted.zh}）` : `(${VALUE_WORDS.restricted.en})`),
    id: (id) => id,
  };
}

/** Whether a value is empty as a reader sees it: none, blank text or an empty list. */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * A value as a reader reads it, by its kind: choices by label, stages and record types by title, linked
 * records by title, users by name, yes/no, numbers, money and dates in `style` — in `lang`. Empty: ''.
 */
export function formatValue(
  value: unknown,
  subject: ValueSubject,
  lang: keyof Text,
  style: ValueStyle = SCREEN_STYLE,
): string | number {
  if (isEmptyValue(value)) return '';
  const { kind, entity, field } = subject;
  const linked = (item: unknown) => linkedTitle(item, subject.target, lang, style);
  switch (kind) {
    case 'integer':
    case 'number':
    case 'money':
      return style.number(value, subject, lang);
    case 'date':
      return style.date(String(value), lang);
    case 'dateTime':
      return style.dateTime(String(value), lang);
    case 'boolean':
      return (value ? VALUE_WORDS.yes : VALUE_WORDS.no)[lang];
    case 'choice':
      return choiceLabel(entity.properties[field], value, lang);
    case 'multiChoice':
      return (value as unknown[]).map((item) => choiceLabel(entity.properties[field], item, lang)).join(style.list);
    case 'textList':
      return (value as unknown[]).join(style.list);
    case 'recordType':
      return recordTypeLabel(entity, String(value), lang);
    case 'state':
      // A stage a later version removed (e.g. in the audit trail) is said to be so, not shown as its name.
      if (subject.workflow && !(String(value) in subject.workflow.states)) return VALUE_WORDS.removedStage[lang];
      return stateLabel(subject.workflow, String(value), lang);
    case 'user':
      return subject.userName?.(String(value)) ?? style.id(String(value));
    case 'manyToOne':
      return linked(value);
    case 'manyToMany':
      return (value as unknown[]).map(linked).join(style.list);
    case 'json':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

/** A linked record (expanded: `{ id, …title field }` or `{ id, restricted }`) by its title, else by id. */
export function linkedTitle(
  value: unknown,
  target: EntityDefinition | undefined,
  lang: keyof Text,
  style: ValueStyle = SCREEN_STYLE,
): string {
  if (value === null || typeof value !== 'object') return style.id(String(value));
  const related = value as Record<string, unknown>;
  if (related.restricted) return style.restricted(lang);
  // A link with attributes ({ id, role, … }) is not the related record: it is known by id, as a bare id is.
  if (target && !(target['x-entity'].titleField in related)) return style.id(String(related.id));
  return target ? recordLabel(target, related) : String(related.id);
}
