import type { Lang } from '@lodestar/ui-shared';
import { choiceTitle, recordTitle, recordTypeTitle, stateTitle } from '../model/labels';
import type { EntityDefinition, WorkflowDefinition } from '@lodestar/core';
import type { DisplayKind } from './kinds';
import { FIELD_MESSAGES } from './messages';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

// Intl formatters are costly to build and a table shows hundreds of cells: one per language/currency.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter as T;
}

export function formatMoney(value: number, currency: string, lang: Lang): string {
  try {
    return cached(
      `money:${lang}:${currency}`,
      () => new Intl.NumberFormat(locale(lang), { style: 'currency', currency }),
    ).format(value);
  } catch {
    return `${formatNumber(value, lang)} ${currency}`; // an unknown currency code
  }
}

export function formatNumber(value: number, lang: Lang): string {
  return cached(`number:${lang}`, () => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 6 })).format(
    value,
  );
}

/** A calendar date (`2026-11-23`), shown as that day whatever the browser's time zone. */
export function formatDate(value: string, lang: Lang): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return cached(
    `date:${lang}`,
    () => new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(date);
}

/** A moment, in the browser's time zone. */
export function formatDateTime(value: string, lang: Lang): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return cached(
    `dateTime:${lang}`,
    () => new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(date);
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** What `formatPlain` needs beside the value: the model pieces it reads. */
export interface PlainContext {
  entity: EntityDefinition;
  field: string;
  kind: DisplayKind;
  lang: Lang;
  /** The record's workflow, for `state`. */
  workflow?: WorkflowDefinition;
  /** The related entity's definition, for manyToOne titles. */
  target?: EntityDefinition;
  /** Display names by user id, for owner_id / created_by / updated_by. */
  userName?: (id: string) => string | undefined;
}

/** A value as plain text (titles, tooltips, CSV-like places); empty values give ''. */
export function formatPlain(value: unknown, ctx: PlainContext): string {
  if (isEmptyValue(value)) return '';
  const { entity, field, kind, lang } = ctx;
  const t = FIELD_MESSAGES[lang];
  switch (kind) {
    case 'money':
      return formatMoney(Number(value), entity.properties[field]?.['x-currency'] ?? 'CNY', lang);
    case 'integer':
    case 'number':
      return formatNumber(Number(value), lang);
    case 'date':
      return formatDate(String(value), lang);
    case 'dateTime':
      return formatDateTime(String(value), lang);
    case 'boolean':
      return value ? t.yes : t.no;
    case 'choice':
      return choiceTitle(entity, field, value, lang);
    case 'multiChoice':
      return (value as unknown[]).map((v) => choiceTitle(entity, field, v, lang)).join(', ');
    case 'textList':
      return (value as unknown[]).join(', ');
    case 'recordType':
      return recordTypeTitle(entity, String(value), lang);
    case 'state':
      // A stage a later version removed (e.g. in the audit trail): said so, not shown as its id.
      if (ctx.workflow && !(String(value) in ctx.workflow.states))
        return lang === 'zh' ? '已删除的阶段' : 'A removed stage';
      return stateTitle(ctx.workflow, String(value), lang);
    case 'user':
      return ctx.userName?.(String(value)) ?? shortId(String(value));
    case 'manyToOne':
      return relatedTitle(value, ctx.target, t.restricted);
    case 'manyToMany':
      return (value as unknown[]).map((v) => relatedTitle(v, ctx.target, t.restricted)).join(', ');
    case 'json':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

/** An expanded related record's title, `restricted` for one the reader may not see, else a short id. */
export function relatedTitle(value: unknown, target: EntityDefinition | undefined, restricted: string): string {
  if (value && typeof value === 'object') {
    const related = value as Record<string, unknown> & { id: string };
    if (related.restricted) return restricted;
    return target ? recordTitle(target, related) : String(related.id);
  }
  return shortId(String(value));
}

/** The id a relation value points at, expanded or not. */
export function relatedId(value: unknown): string {
  return value && typeof value === 'object' ? String((value as { id: unknown }).id) : String(value);
}
