import type { Knex } from 'knex';
import { classifyStep } from './classify.js';
import { columnBindings, toConversionSql } from './conversion-sql.js';
import { countKeyDuplicates } from './count-key-duplicates.js';
import type { Step } from './plan.js';
import { stateCondition } from './state-sql.js';

type Of<K extends Step['kind']> = Extract<Step, { kind: K }>;

/** Maps the names a step uses (after the plan's renames) back to the names in the database now. */
interface CurrentNames {
  table(name: string): string;
  column(table: string, name: string): string;
}

/**
 * Counts the rows each data-touching step affects, on the database as it is before the plan, and
 * classifies every step again with its count. Tables and columns that do not exist yet count 0.
 */
export async function countAffected(knex: Knex, steps: Step[]): Promise<Step[]> {
  const names = toCurrentNames(steps);
  const counted: Step[] = [];
  for (const step of steps) {
    if (step.kind === 'addKeyIndex') {
      counted.push(classifyStep(await countKeyDuplicates(knex, step, names)));
      continue;
    }
    const rows = await countRows(knex, step, names);
    counted.push(classifyStep(rows === undefined ? step : { ...step, rows }));
  }
  return counted;
}

async function countRows(knex: Knex, step: Step, names: CurrentNames): Promise<number | undefined> {
  switch (step.kind) {
    case 'dropTable':
      return countWhere(knex, names.table(step.table));
    case 'dropJunction':
      return countWhere(knex, step.junction.name);
    case 'dropColumn':
      return countColumn(knex, step, names, (column) => [`?? IS NOT NULL`, [column]]);
    case 'alterType':
      return countUnconvertible(knex, step, names);
    case 'setNotNull':
      return countNulls(knex, step, names);
    case 'removeEnumValues':
      return countColumn(knex, step, names, (column) =>
        step.array ? ['?? && ?::text[]', [column, step.values]] : ['?? = ANY(?::text[])', [column, step.values]],
      );
    case 'renameState':
      return countState(knex, step.table, names, stateCondition(step.from, step.scope));
    case 'moveState':
      return countState(knex, step.table, names, stateCondition(step.state, step.scope));
    case 'setRollup':
    case 'setSearch':
      return countWhere(knex, names.table(step.table));
    case 'addSequence':
      return countWhere(knex, names.table(step.table));
    case 'addFormula':
      return step.formula.stored ? countWhere(knex, names.table(step.table)) : undefined;
    case 'changeFormula':
      return step.to.stored ? countWhere(knex, names.table(step.table)) : undefined;
    default:
      return undefined;
  }
}

/** Records of a workflow in one state; none while the table has no state column yet. */
async function countState(knex: Knex, table: string, names: CurrentNames, condition: Condition): Promise<number> {
  const current = names.table(table);
  if (!(await knex.schema.hasColumn(current, 'state'))) return 0;
  return countWhere(knex, current, condition);
}

async function countUnconvertible(knex: Knex, step: Of<'alterType'>, names: CurrentNames): Promise<number> {
  const { check } = toConversionSql(step.from, step.to);
  if (check === undefined) return 0;
  return countColumn(knex, step, names, (column) => [
    `?? IS NOT NULL AND NOT (${check})`,
    [column, ...columnBindings(check, column)],
  ]);
}

/** Empty values; for a column still to be added, every existing row. */
async function countNulls(knex: Knex, step: Of<'setNotNull'>, names: CurrentNames): Promise<number> {
  const table = names.table(step.table);
  const column = names.column(step.table, step.column);
  if (await knex.schema.hasColumn(table, column)) return countWhere(knex, table, ['?? IS NULL', [column]]);
  return countWhere(knex, table);
}

type Condition = [sql: string, bindings: unknown[]];

async function countColumn(
  knex: Knex,
  step: { table: string; column: string },
  names: CurrentNames,
  condition: (column: string) => Condition,
): Promise<number> {
  const table = names.table(step.table);
  const column = names.column(step.table, step.column);
  if (!(await knex.schema.hasColumn(table, column))) return 0;
  return countWhere(knex, table, condition(column));
}

async function countWhere(knex: Knex, table: string, condition?: Condition): Promise<number> {
  if (!(await knex.schema.hasTable(table))) return 0;
  const query = knex(table).count<{ n: number | string }[]>({ n: '*' });
  if (condition) query.whereRaw(condition[0], condition[1] as Knex.RawBinding[]);
  const [row] = await query;
  return Number(row?.n ?? 0);
}

/** Renames come first in a plan, so every later step already uses new names. */
function toCurrentNames(steps: Step[]): CurrentNames {
  const tables = new Map<string, string>();
  const columns = new Map<string, string>();
  for (const step of steps) {
    if (step.kind === 'renameTable' || step.kind === 'renameJunction') tables.set(step.to, step.from);
    if (step.kind === 'renameColumn') columns.set(`${step.table}.${step.to}`, step.from);
  }
  return {
    table: (name) => tables.get(name) ?? name,
    column: (table, name) => columns.get(`${table}.${name}`) ?? name,
  };
}
