import type { Knex } from 'knex';
import pg from 'pg';

/**
 * Postgres text values → JS values, the same on node-postgres and PGlite, so the API answers alike on both:
 * bigint and numeric as numbers (counts and money amounts fit in a double for a CRM), dates as 'YYYY-MM-DD'.
 */
export const TYPE_OIDS = { int8: 20, numeric: 1700, date: 1082 } as const;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [TYPE_OIDS.int8]: (value) => Number(value),
  [TYPE_OIDS.numeric]: (value) => Number(value),
  [TYPE_OIDS.date]: (value) => value,
};

const TIMESTAMPTZ = 1184;
const UTC_TEXT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;
const parseDate = pg.types.getTypeParser(TIMESTAMPTZ) as (text: string) => Date | number;

/**
 * A timestamptz as the API writes it (ISO-8601, milliseconds, `Z`), straight from Postgres' UTC
 * text: a list page would otherwise parse 200 dates into Date objects only to print them again.
 * Other offsets and infinities go through node-postgres' own parser.
 */
export function toIsoTimestamp(text: string): string {
  const match = UTC_TEXT.exec(text);
  if (match) return `${match[1]}T${match[2]}.${(match[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  const parsed = parseDate(text);
  return parsed instanceof Date && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : text;
}

const recordTypes = {
  getTypeParser: (oid: number, format?: string) =>
    oid === TIMESTAMPTZ ? toIsoTimestamp : (typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')),
};

/**
 * Query options for statements that read records for the API: on node-postgres, timestamps arrive
 * as the ISO text the API sends (PGlite keeps its own parsers; the serializer handles both).
 */
export function recordReadOptions(knex: Knex): Record<string, unknown> {
  return knex.client.config.client === 'pg' ? { types: recordTypes } : {};
}
