import { UUID_RE } from '@lodestar/core';
import type { FieldKind } from '../schema/column-types.js';
import { isStorableDate, isStorableTimestamp } from '../definitions/timestamp.js';
import type { FilterOp } from './types.js';

const ORDERED: FilterOp[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'null'];
const TEXT: FilterOp[] = [...ORDERED, 'contains'];
const IDENTITY: FilterOp[] = ['eq', 'ne', 'in', 'null'];
// `any`: holds at least one of the given values (multiple choice, text lists, many-to-many links).
const LIST: FilterOp[] = ['contains', 'any', 'null'];

const OPS_BY_KIND: Record<FieldKind, FilterOp[]> = {
  text: TEXT,
  longText: TEXT,
  email: TEXT,
  phone: TEXT,
  url: TEXT,
  choice: TEXT,
  integer: ORDERED,
  number: ORDERED,
  money: ORDERED,
  date: ORDERED,
  dateTime: ORDERED,
  boolean: ['eq', 'ne', 'null'],
  uuid: IDENTITY,
  manyToOne: IDENTITY,
  user: IDENTITY,
  multiChoice: LIST,
  textList: LIST,
  manyToMany: LIST,
  json: ['null'],
};

/** The filter operators a field kind supports. */
export function opsFor(kind: FieldKind): FilterOp[] {
  return OPS_BY_KIND[kind];
}

/** Whether a kind can be sorted on (scalar columns only: arrays and JSON have no useful order). */
export function isSortable(kind: FieldKind): boolean {
  return !['multiChoice', 'textList', 'manyToMany', 'json'].includes(kind);
}

const INTEGER_RE = /^-?\d{1,15}$/;
const NUMBER_RE = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A query-string value as the kind's JS value, or undefined when it is not one. */
export function coerceValue(kind: FieldKind, raw: string): unknown {
  // Postgres text cannot hold NUL; refuse it here rather than as a database error.
  if (raw.includes('\u0000')) return undefined;
  switch (kind) {
    case 'integer':
      return INTEGER_RE.test(raw) ? Number(raw) : undefined;
    case 'number':
    case 'money':
      return NUMBER_RE.test(raw) && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'date':
      return isStorableDate(raw) ? raw : undefined;
    case 'dateTime':
      return isStorableTimestamp(raw) ? raw : undefined;
    case 'uuid':
    case 'manyToOne':
    case 'manyToMany':
    case 'user':
      return UUID_RE.test(raw) ? raw.toLowerCase() : undefined;
    default:
      return raw;
  }
}

/** The expected shape of a kind's values, for error messages. */
export function describeKind(kind: FieldKind): string {
  const names: Partial<Record<FieldKind, string>> = {
    integer: 'an integer',
    number: 'a number',
    money: 'a number',
    boolean: 'true or false',
    date: 'a date (YYYY-MM-DD)',
    dateTime: 'a date-time (ISO 8601)',
    uuid: 'a uuid',
    manyToOne: 'a uuid',
    manyToMany: 'a uuid',
    user: 'a user id or "me"',
  };
  return names[kind] ?? 'a string';
}
