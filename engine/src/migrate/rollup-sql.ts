import { quoteIdent } from '../records/quote-ident.js';
import type { RollupSpec } from '../schema/table-spec.js';
import { toConstraintName } from '../schema/table-spec.js';

/**
 * The SQL that keeps one roll-up field right: a plpgsql function run by three statement-level triggers
 * (insert, update, delete) on the child table, and the aggregate itself. Pure text; identifiers come
 * from validated definitions and are quoted. `where` is the roll-up's filter already compiled to SQL
 * for a given row alias (formula language), absent when it has none.
 *
 * Lock, then recompute: the function first locks the affected parent rows in id order (one statement),
 * FOR NO KEY UPDATE: the lock the UPDATE takes anyway, which does not conflict with the KEY SHARE lock a
 * child's foreign key check holds on its parent (FOR UPDATE would: two inserts under one parent deadlock),
 * then recomputes them in a NEW statement. Under READ COMMITTED that statement takes a snapshot after
 * the lock was granted, so it sees every child line committed by the transactions that held the lock
 * before; a single `UPDATE … SET x = (SELECT sum …)` would wait on the row lock and then compute from
 * the snapshot it started with, missing lines committed meanwhile.
 */
export interface RollupSql {
  /** The parent table (the table holding the roll-up column). */
  table: string;
  rollup: RollupSpec;
  where?: (alias: string) => string;
}

/** Names of the function and its triggers; derived from parent table and field, so a drop finds them. */
export function rollupNames(table: string, field: string): { fn: string; triggers: Record<Event, string> } {
  const name = (suffix: string) => toConstraintName(['lodestar', 'rollup', table, field], suffix);
  return { fn: name('fn'), triggers: { insert: name('ins'), update: name('upd'), delete: name('del') } };
}

type Event = 'insert' | 'update' | 'delete';

/** The aggregate of the child rows of the parent row `p`, e.g. `(select coalesce(sum(c."amount"), 0) …)`. */
export function aggregateSql({ rollup, where }: Pick<RollupSql, 'rollup' | 'where'>, parent = 'p'): string {
  const c = 'lodestar_c';
  const value = rollup.field === undefined ? '*' : `${c}.${quoteIdent(rollup.field)}`;
  const aggregate =
    rollup.op === 'count'
      ? `count(${value})`
      : rollup.op === 'sum'
        ? `coalesce(sum(${value}), 0)`
        : `${rollup.op}(${value})`;
  const filter = where ? ` and (${where(c)})` : '';
  return `(select ${aggregate} from ${quoteIdent(rollup.from)} as ${c} where ${c}.${quoteIdent(rollup.via)} = ${parent}.${quoteIdent('id')}${filter})`;
}

/**
 * Statements that install (or replace) the triggers of a roll-up; run in the publish's transaction.
 * Each is one statement without bind parameters (knex.raw would read `?` as one).
 */
export function installRollupSql(spec: RollupSql): string[] {
  const { table, rollup } = spec;
  const names = rollupNames(table, rollup.name);
  const child = quoteIdent(rollup.from);
  const via = quoteIdent(rollup.via);
  const keep = (alias: string) => [`${alias}.${via} is not null`, ...(spec.where ? [`(${spec.where(alias)})`] : [])];
  const changed = [
    `n.${via} is distinct from o.${via}`,
    ...(rollup.field ? [`n.${quoteIdent(rollup.field)} is distinct from o.${quoteIdent(rollup.field)}`] : []),
    ...(spec.where ? [`(${spec.where('n')}) is distinct from (${spec.where('o')})`] : []),
  ];
  const fn = `create or replace function ${quoteIdent(names.fn)}() returns trigger language plpgsql as $lodestar$
declare
  parents uuid[];
begin
  if tg_op = 'INSERT' then
    parents := array(select distinct n.${via} from lodestar_new as n where ${keep('n').join(' and ')} order by 1);
  elsif tg_op = 'DELETE' then
    parents := array(select distinct o.${via} from lodestar_old as o where ${keep('o').join(' and ')} order by 1);
  else
    parents := array(
      select distinct v.parent from lodestar_new as n join lodestar_old as o on o.id = n.id
      cross join lateral (values (n.${via}), (o.${via})) as v(parent)
      where v.parent is not null and (${changed.join(' or ')})
      order by 1);
  end if;
  if cardinality(parents) = 0 then
    return null;
  end if;
  -- Lock first (in id order, so two writers never wait on each other in a circle) ...
  perform 1 from ${quoteIdent(table)} where id = any(parents) order by id for no key update;
  -- ... then recompute in a new statement, which sees every line committed before the lock was granted.
  update ${quoteIdent(table)} as p set ${quoteIdent(rollup.name)} = ${aggregateSql(spec)} where p.id = any(parents);
  return null;
end
$lodestar$`;
  const trigger = (event: Event, referencing: string) =>
    `create trigger ${quoteIdent(names.triggers[event])} after ${event} on ${child} referencing ${referencing} for each statement execute function ${quoteIdent(names.fn)}()`;
  return [
    fn,
    ...(['insert', 'update', 'delete'] as const).map(
      (event) => `drop trigger if exists ${quoteIdent(names.triggers[event])} on ${child}`,
    ),
    trigger('insert', 'new table as lodestar_new'),
    trigger('update', 'old table as lodestar_old new table as lodestar_new'),
    trigger('delete', 'old table as lodestar_old'),
  ];
}

/** Removes a roll-up's triggers with its function (CASCADE drops the triggers that call it). */
export function dropRollupSql(table: string, field: string): string {
  return `drop function if exists ${quoteIdent(rollupNames(table, field).fn)}() cascade`;
}

/**
 * Recomputes every row of the parent table (a publish's back-fill). Rows of a table being created are
 * none, so the same statement serves a new table and an existing one.
 */
export function backfillRollupSql(spec: RollupSql): string {
  return `update ${quoteIdent(spec.table)} as p set ${quoteIdent(spec.rollup.name)} = ${aggregateSql(spec)}`;
}
