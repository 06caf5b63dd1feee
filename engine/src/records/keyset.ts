import { BadRequestError, issueOf, type Text } from '../errors.js';
import type { FieldKind } from '../schema/column-types.js';
import { UUID_RE } from '@lodestar/core';
import { isStorableDate, isStorableTimestamp } from '../definitions/timestamp.js';
import { quoteIdent } from './quote-ident.js';
import type { SortKey } from './types.js';

const MAX_CURSOR_LENGTH = 4096;

/**
 * The collation text sorts use: ICU's `zh` order (pinyin: 北京 before 上海), created by engine migration
 * 015 (records/zh-collation.ts) from PostgreSQL's `zh-x-icu`, or from the same order as ICU rules where the
 * database has no `zh` data (PGlite). ORDER BY and keyset comparisons must use the same collation.
 */
export const ZH_COLLATION = 'lodestar_zh';
const PINYIN_KINDS: ReadonlySet<FieldKind> = new Set(['text', 'longText']);

/** A sort key as SQL on `alias` (quoted), collated in pinyin order when it holds text people read. */
export function sortColumnSql(alias: string, key: Pick<SortKey, 'name' | 'kind'>): string {
  const column = `${alias}.${quoteIdent(key.name)}`;
  return PINYIN_KINDS.has(key.kind) ? `${column} collate ${ZH_COLLATION}` : column;
}

/** `-amount,name,id`: the sort a cursor belongs to, so a cursor cannot be replayed against another sort. */
export function toSortSignature(sort: SortKey[]): string {
  return sort.map((key) => (key.desc ? `-${key.name}` : key.name)).join(',');
}

/** An opaque base64url cursor holding the sort signature and the last row's sort values (id last). */
export function encodeCursor(sort: SortKey[], values: unknown[]): string {
  return Buffer.from(JSON.stringify({ s: toSortSignature(sort), v: values })).toString('base64url');
}

/** The sort values a cursor carries, checked against the sort's kinds; a tampered cursor is a 400. */
export function decodeCursor(cursor: string, sort: SortKey[]): unknown[] {
  const parsed = parse(cursor);
  if (parsed?.s !== toSortSignature(sort))
    throw badCursor({ en: 'cursor does not belong to this sort order', zh: '游标不属于这个排序' });
  const values = parsed.v;
  if (!Array.isArray(values) || values.length !== sort.length)
    throw badCursor({ en: 'cursor is malformed', zh: '游标格式有误' });
  sort.forEach((key, i) => {
    if (!isCursorValue(key.kind, values[i], key.name === 'id'))
      throw badCursor({ en: `cursor value for "${key.name}" is malformed`, zh: `游标中“${key.name}”的值格式有误` });
  });
  return values;
}

function parse(cursor: string): { s?: unknown; v?: unknown } | undefined {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isCursorValue(kind: FieldKind, value: unknown, required: boolean): boolean {
  if (value === null) return !required;
  switch (kind) {
    case 'integer':
    case 'number':
    case 'money':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'uuid':
    case 'manyToOne':
      return typeof value === 'string' && UUID_RE.test(value);
    case 'date':
      return typeof value === 'string' && isStorableDate(value);
    case 'dateTime':
      // Postgres' text output of timestamptz (keeps microseconds a JS Date would drop), within what it stores.
      return typeof value === 'string' && isStorableTimestamp(value, { time: true });
    default:
      return typeof value === 'string';
  }
}

function badCursor(text: Text): BadRequestError {
  return new BadRequestError(text, { issues: [issueOf('/query/cursor', 'cursor', text)] });
}
