import { type SqlType, toSqlType } from '../schema/table-spec.js';
import { isWidening } from './is-widening.js';

/**
 * SQL for changing a column's type, with `??` standing for the column: `check` is true for a non-null
 * value that converts (absent when every value does), `expr` converts a value that passed the check.
 * The SQL holds no `?` (knex would read it as a binding), so regexes use `{0,1}`.
 */
export interface ConversionSql {
  check?: string;
  expr: string;
}

const NUMBER_RE = `'^ *[+-]{0,1}([0-9]+([.][0-9]*){0,1}|[.][0-9]+)([eE][+-]{0,1}[0-9]{1,3}){0,1} *$'`;
const INTEGER_RE = `'^ *[+-]{0,1}[0-9]{1,30} *$'`;
const DATE_RE = `[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])`;
const TIME_RE = `([T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]{1,6}){0,1}){0,1}([Zz]|[+-]([01][0-9]|2[0-3])(:{0,1}[0-5][0-9]){0,1}){0,1}){0,1}`;
const UUID_RE = `'^ *[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12} *$'`;
const BOOLEAN_WORDS = `('true','false','t','f','yes','no','y','n','on','off','1','0')`;
const INTEGER_RANGE: Record<string, string> = {
  integer: '-2147483648 AND 2147483647',
  bigint: '-9223372036854775808 AND 9223372036854775807',
};
const NUMBERS = new Set<SqlType['base']>(['integer', 'bigint', 'numeric', 'double precision']);

/** How to convert a column of type `from` to `to`, and which values can be converted. */
export function toConversionSql(from: SqlType, to: SqlType): ConversionSql {
  const conversion = convert(from, to);
  return isWidening(from, to) ? { expr: conversion.expr } : conversion;
}

/** The whole `USING` expression: NULL stays NULL, and so does a value that cannot convert. */
export function toUsingSql(from: SqlType, to: SqlType): string {
  const { check, expr } = toConversionSql(from, to);
  return `(CASE WHEN ?? IS NULL THEN NULL WHEN ${check ?? 'true'} THEN ${expr} ELSE NULL END)::${toSqlType(to)}`;
}

/** Identifier bindings for SQL with the column as `??`, once per occurrence. */
export function columnBindings(sql: string, column: string): string[] {
  return Array.from({ length: sql.split('??').length - 1 }, () => column);
}

function convert(from: SqlType, to: SqlType): ConversionSql {
  const text = asText(from);
  if (to.array) return { expr: from.array ? `??::${toSqlType(to)}` : `ARRAY[${text}]` };
  if (to.base === 'text') return { expr: from.array ? `array_to_string(??, ', ')` : text };
  if (to.base === 'jsonb') return { expr: 'to_jsonb(??)' };
  if (from.array) return { check: 'false', expr: 'NULL' };
  if (to.base === 'varchar') return toVarchar(text, to);
  if (NUMBERS.has(to.base)) return toNumber(from, to, text);
  return toOther(from, to, text);
}

/** A scalar value as text; a JSON string without its quotes. */
function asText(from: SqlType): string {
  return from.base === 'jsonb' && !from.array ? `(?? #>> '{}')` : '??::text';
}

function toVarchar(text: string, to: SqlType): ConversionSql {
  const type = toSqlType(to);
  return to.length === undefined
    ? { expr: `${text}::${type}` }
    : { check: `char_length(${text}) <= ${to.length}`, expr: `${text}::${type}` };
}

function toNumber(from: SqlType, to: SqlType, text: string): ConversionSql {
  const type = toSqlType(to);
  if (from.base === 'boolean') return { expr: `??::integer::${type}` };
  const numeric = NUMBERS.has(from.base) ? '??::numeric' : `btrim(${text})::numeric`;
  const fits = fitsSql(numeric, to);
  const expr = to.base === 'integer' || to.base === 'bigint' ? `round(${numeric})::${type}` : `${numeric}::${type}`;
  if (NUMBERS.has(from.base)) return fits === 'true' ? { expr } : { check: fits, expr };
  const pattern = to.base === 'integer' || to.base === 'bigint' ? INTEGER_RE : NUMBER_RE;
  return { check: `CASE WHEN ${text} ~ ${pattern} THEN ${fits} ELSE false END`, expr };
}

/** Whether a numeric value fits the target number type (range, precision, double's exponent). */
function fitsSql(numeric: string, to: SqlType): string {
  const range = INTEGER_RANGE[to.base];
  if (range) return `round(${numeric}) BETWEEN ${range}`;
  if (to.base === 'double precision')
    return `(abs(${numeric}) < 1e308 AND (${numeric} = 0 OR abs(${numeric}) > 1e-307))`;
  if (to.precision === undefined) return 'true';
  const scale = to.scale ?? 0;
  return `abs(round(${numeric}, ${scale})) < 1e${to.precision - scale}`;
}

function toOther(from: SqlType, to: SqlType, text: string): ConversionSql {
  const type = toSqlType(to);
  if (to.base === 'boolean') {
    if (NUMBERS.has(from.base)) return { expr: '(?? <> 0)' };
    return { check: `lower(btrim(${text})) IN ${BOOLEAN_WORDS}`, expr: `btrim(${text})::boolean` };
  }
  if ((to.base === 'date' && from.base === 'timestamptz') || (to.base === 'timestamptz' && from.base === 'date')) {
    return { expr: `??::${type}` };
  }
  if (to.base === 'date') return { check: dateCheck(text, `'^ *${DATE_RE} *$'`), expr: `btrim(${text})::date` };
  if (to.base === 'timestamptz')
    return { check: dateCheck(text, `'^ *${DATE_RE}${TIME_RE} *$'`), expr: `btrim(${text})::timestamptz` };
  if (to.base === 'uuid') return { check: `${text} ~ ${UUID_RE}`, expr: `btrim(${text})::uuid` };
  return { check: 'false', expr: 'NULL' };
}

/** The pattern, then the day against the month's length (2024-02-30 matches the pattern but is no date). */
function dateCheck(text: string, pattern: string): string {
  const day = `substr(btrim(${text}), 9, 2)::integer`;
  const lastDay = `extract(day from (substr(btrim(${text}), 1, 7) || '-01')::date + interval '1 month' - interval '1 day')`;
  return `CASE WHEN ${text} ~ ${pattern} THEN ${day} <= ${lastDay} ELSE false END`;
}
