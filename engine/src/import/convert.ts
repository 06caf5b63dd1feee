import type { FieldKind } from '@lodestar/core';
import type { Text } from '../errors.js';

/*
 * Cell values as a spreadsheet user writes them, converted to the values the record API takes. Pure: the
 * same conversion serves the API, the CLI and the wizard's preview. A cell that cannot be read gets a rule
 * and a message in both languages; the record's own schema judges the converted value afterwards.
 */

/** A cell as a reader hands it over: CSV gives text, XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

/** What a field's conversion needs of its definition. */
export interface ConvertField {
  kind: FieldKind;
  /** Allowed ids of a choice or multi-choice field. */
  enum?: readonly string[];
  /** Labels by id, in both languages (`x-i18n.enum`). */
  labels?: Record<string, { zh?: string; en?: string }>;
}

export type Converted = { value: unknown } | { rule: string; message: Text };

const ok = (value: unknown): Converted => ({ value });
const bad = (rule: string, en: string, zh: string): Converted => ({ rule, message: { en, zh } });

/** Whether a cell holds nothing (empty, spaces only). */
export function isBlankCell(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** Converts one non-blank cell for a field of the given kind. Relations and users are resolved later, by lookups. */
export function convertCell(field: ConvertField, cell: Cell): Converted {
  if (isBlankCell(cell)) return ok(null);
  switch (field.kind) {
    case 'integer':
      return toInteger(cell);
    case 'number':
      return toNumber(cell, false);
    case 'money':
      return toNumber(cell, true);
    case 'boolean':
      return toBoolean(cell);
    case 'date':
      return toDate(cell);
    case 'dateTime':
      return toDateTime(cell);
    case 'choice':
      return toChoice(field, cell);
    case 'multiChoice':
      return toChoices(field, cell);
    case 'textList':
      return ok(splitList(textOf(cell)));
    case 'json':
      return toJson(cell);
    case 'manyToMany':
      return ok(splitList(textOf(cell)));
    default:
      return ok(textOf(cell).trim());
  }
}

/** The text of a cell: numbers without exponent noise, dates as ISO dates. */
export function textOf(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoDate(cell);
  return String(cell);
}

const FULL_WIDTH_DIGITS = /[０-９．，－＋]/g;

/** Full-width digits and signs as ASCII: Chinese input methods produce them. */
function narrow(text: string): string {
  return text.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A number as written: `¥1,234.50`, `￥ 1 234`, `1,234`, `-3.5`, `12%` is not accepted (ambiguous). */
function parseNumber(cell: Cell, money: boolean): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  let text = narrow(cell.trim());
  if (money) text = text.replace(/^(-?)\s*(?:[¥￥]|RMB|CNY|元)\s*/i, '$1').replace(/\s*(?:元|RMB|CNY)$/i, '');
  text = text.replace(/[,\s](?=\d{3}(?:\D|$))/g, '');
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function toNumber(cell: Cell, money: boolean): Converted {
  const value = parseNumber(cell, money);
  if (value !== undefined) return ok(value);
  return money
    ? bad('money', 'must be an amount, such as 1,234.50 or ¥1234', '应为金额，例如 1,234.50 或 ¥1234')
    : bad('number', 'must be a number', '应为数字');
}

function toInteger(cell: Cell): Converted {
  const value = parseNumber(cell, false);
  if (value !== undefined && Number.isInteger(value)) return ok(value);
  return bad('integer', 'must be a whole number', '应为整数');
}

const TRUE_WORDS = new Set(['是', '对', '有', 'true', 'yes', 'y', '1', '√', '✓']);
const FALSE_WORDS = new Set(['否', '不是', '无', '没有', 'false', 'no', 'n', '0', '×', '✗']);

function toBoolean(cell: Cell): Converted {
  if (typeof cell === 'boolean') return ok(cell);
  const word = textOf(cell).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return bad('boolean', 'must be yes or no (是/否, Y/N, true/false)', '应为“是”或“否”（也可写 Y/N、true/false）');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date from a spreadsheet holds a calendar day at UTC midnight (exceljs reads dates so). */
function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Days since 1899-12-30: how Excel stores a date when the cell is not formatted as one. */
function fromExcelSerial(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  return isoDate(new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000));
}

function validDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `2026-12-07`, `2026/12/7`, `2026.12.7`, `2026年12月7日`, `20261207`, or an Excel serial number. */
export function parseDate(cell: Cell): string | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : isoDate(cell);
  if (typeof cell === 'number') return fromExcelSerial(cell);
  const text = narrow(textOf(cell).trim());
  const ymd = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[ T].*)?$/.exec(text);
  if (ymd) return validDay(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return validDay(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (/^\d{5}(?:\.\d+)?$/.test(text)) return fromExcelSerial(Number(text));
  return undefined;
}

function toDate(cell: Cell): Converted {
  const day = parseDate(cell);
  return day
    ? ok(day)
    : bad('date', 'must be a date, such as 2026-12-07 or 2026年12月7日', '应为日期，例如 2026-12-07 或 2026年12月7日');
}

/** An instant: ISO with an offset is taken as is; a day and time without one is China time (UTC+8). */
function toDateTime(cell: Cell): Converted {
  if (cell instanceof Date) return ok(cell.toISOString());
  const text = narrow(textOf(cell).trim());
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))) return ok(new Date(text).toISOString());
  const match = /^(.+?)(?:[ T](\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/.exec(text);
  const day = match && parseDate(match[1]!);
  if (day) {
    const [h, m, s] = [match![2] ?? '0', match![3] ?? '0', match![4] ?? '0'].map(Number) as [number, number, number];
    if (h < 24 && m < 60 && s < 60) return ok(new Date(`${day}T${pad(h)}:${pad(m)}:${pad(s)}+08:00`).toISOString());
  }
  return bad('dateTime', 'must be a date and time, such as 2026-12-07 09:30', '应为日期和时间，例如 2026-12-07 09:30');
}

/** Comparable form of a label: case, width and spaces do not matter. */
function labelKey(text: string): string {
  return narrow(text)
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

/** The id a label, id or either language's label names; undefined when none does. */
export function choiceOf(field: ConvertField, text: string): string | undefined {
  const key = labelKey(text);
  for (const id of field.enum ?? []) {
    const label = field.labels?.[id];
    if (labelKey(id) === key || (label?.zh && labelKey(label.zh) === key) || (label?.en && labelKey(label.en) === key))
      return id;
  }
  return undefined;
}

function choiceNames(field: ConvertField): { en: string; zh: string } {
  const ids = field.enum ?? [];
  return {
    en: ids.map((id) => field.labels?.[id]?.en ?? id).join(', '),
    zh: ids.map((id) => field.labels?.[id]?.zh ?? id).join('、'),
  };
}

function toChoice(field: ConvertField, cell: Cell): Converted {
  const id = choiceOf(field, textOf(cell).trim());
  if (id !== undefined) return ok(id);
  const names = choiceNames(field);
  return bad('enum', `must be one of: ${names.en}`, `应为以下之一：${names.zh}`);
}

/** Items of a list cell, separated by 、 , ， ; ； or a line break. */
export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function toChoices(field: ConvertField, cell: Cell): Converted {
  const ids: string[] = [];
  for (const item of splitList(textOf(cell))) {
    const id = choiceOf(field, item);
    if (id === undefined) {
      const names = choiceNames(field);
      return bad('enum', `"${item}" is not one of: ${names.en}`, `“${item}”不在可选项中：${names.zh}`);
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ok(ids);
}

function toJson(cell: Cell): Converted {
  try {
    return ok(JSON.parse(textOf(cell)));
  } catch {
    return bad('json', 'must be JSON', '应为 JSON');
  }
}
