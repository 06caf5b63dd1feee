import type { Knex } from 'knex';
import { calendarDateIn, parsePattern, periodOf, type PatternPart, type SequenceDefinition } from '@lodestar/core';
import { toConstraintName } from '../schema/table-spec.js';

/*
 * The numbering counters (`lodestar_sequences`, one row per numbered field, prefix and period: the last
 * number taken) as publishing changes them. Records draw their numbers through `lodestar_next_number`
 * in their own INSERT (numbering.ts); this module is the only one naming the table.
 */

/** The unique index that keeps a numbered field's values unique. */
export function numberIndexName(table: string, column: string): string {
  return toConstraintName([table, column], 'number');
}

/**
 * Numbers every existing row of `table` in creation order (created_at, then id), per prefix and period
 * as a create would have numbered it then (dates in `timeZone`), sets each counter to its last number,
 * and adds the unique index. Replaces values the column held. Answers how many rows were numbered.
 */
export async function numberExistingRows(
  trx: Knex,
  step: { table: string; column: string; sequence: SequenceDefinition },
  timeZone: string,
): Promise<number> {
  const parsed = parsePattern(step.sequence.pattern);
  if ('problem' in parsed) throw new Error(`unreadable numbering pattern on ${step.table}.${step.column}`);
  const prefixes = Object.entries(step.sequence.prefixes ?? {});
  const prefix = prefixes.length
    ? `case t.record_type ${prefixes.map(() => 'when ? then ?').join(' ')} else '' end`
    : `''::text`;
  const period = periodSql(step.sequence.reset);
  const render = renderSql(parsed.parts);
  await trx.raw('delete from lodestar_sequences where entity = ? and field = ?', [step.table, step.column]);
  const result = (await trx.raw(
    `with r as (select t.id, t.created_at, (t.created_at at time zone ?) as d, ${prefix} as prefix from ?? as t),
      numbered as (select r.id, r.d, r.prefix, ${period} as period,
        row_number() over (partition by r.prefix, ${period} order by r.created_at, r.id) as n from r),
      counters as (insert into lodestar_sequences (entity, field, prefix, period, value)
        select ?, ?, prefix, period, max(n) from numbered group by prefix, period returning 1),
      written as (update ?? as t set ?? = ${render.sql} from numbered where t.id = numbered.id returning 1)
    select (select count(*) from written) as numbered, (select count(*) from counters) as counters`,
    [timeZone, ...prefixes.flat(), step.table, step.table, step.column, step.table, step.column, ...render.bindings],
  )) as { rows: { numbered: number | string }[] };
  await trx.raw('create unique index ?? on ?? (??)', [
    numberIndexName(step.table, step.column),
    step.table,
    step.column,
  ]);
  return Number(result.rows[0]?.numbered ?? 0);
}

/**
 * A changed reset starts counting in new periods: each prefix's counter of the current period starts
 * after the highest number that prefix has taken in any period, so no new number repeats an old one.
 * A pattern change alone keeps the counters (new numbers continue from the last).
 */
export async function carryCounters(
  trx: Knex,
  step: { table: string; column: string; from: SequenceDefinition; to: SequenceDefinition },
  now: Date,
  timeZone: string,
): Promise<void> {
  if ((step.from.reset ?? 'never') === (step.to.reset ?? 'never')) return;
  const period = periodOf(step.to.reset, calendarDateIn(now, timeZone));
  await trx.raw(
    `insert into lodestar_sequences as s (entity, field, prefix, period, value)
     select entity, field, prefix, ?, max(value) from lodestar_sequences where entity = ? and field = ?
     group by entity, field, prefix
     on conflict (entity, field, prefix, period) do update set value = greatest(s.value, excluded.value)`,
    [period, step.table, step.column],
  );
}

/** A renamed entity or field keeps its counters and its unique index. */
export async function renameCounters(
  trx: Knex,
  from: { table: string; column: string },
  to: { table: string; column: string },
): Promise<void> {
  await trx.raw('update lodestar_sequences set entity = ?, field = ? where entity = ? and field = ?', [
    to.table,
    to.column,
    from.table,
    from.column,
  ]);
  await trx.raw('alter index if exists ?? rename to ??', [
    numberIndexName(from.table, from.column),
    numberIndexName(to.table, to.column),
  ]);
}

/** A field that is no longer numbered gives up its counters and its unique index (its values stay). */
export async function dropCounters(trx: Knex, step: { table: string; column: string }): Promise<void> {
  await trx.raw('delete from lodestar_sequences where entity = ? and field = ?', [step.table, step.column]);
  await trx.raw('drop index if exists ??', [numberIndexName(step.table, step.column)]);
}

/** The counters of one field, for tests and the CLI: prefix, period and the last number taken. */
export async function readCounters(
  knex: Knex,
  table: string,
  column: string,
): Promise<{ prefix: string; period: string; value: number }[]> {
  const rows = (await knex.raw(
    'select prefix, period, value from lodestar_sequences where entity = ? and field = ? order by prefix, period',
    [table, column],
  )) as { rows: { prefix: string; period: string; value: number | string }[] };
  return rows.rows.map((row) => ({ ...row, value: Number(row.value) }));
}

/** The period a row was numbered in, from its local creation time `r.d` (as numbering.ts draws it). */
function periodSql(reset: SequenceDefinition['reset']): string {
  if (reset === 'yearly') return `to_char(r.d, 'YYYY')`;
  if (reset === 'monthly') return `to_char(r.d, 'YYYY-MM')`;
  return `''::text`;
}

/** The pattern as one SQL text expression over `numbered` (d: local time, prefix, n: the counter). */
function renderSql(parts: PatternPart[]): { sql: string; bindings: string[] } {
  const bindings: string[] = [];
  const pieces = parts.map((part) => {
    if ('literal' in part) {
      bindings.push(part.literal);
      return '?::text';
    }
    if ('counter' in part) return `lpad(numbered.n::text, greatest(${part.counter}, length(numbered.n::text)), '0')`;
    if (part.token === 'PREFIX') return 'numbered.prefix';
    return `to_char(numbered.d, '${part.token}')`;
  });
  return { sql: pieces.length ? pieces.join(' || ') : `''`, bindings };
}
