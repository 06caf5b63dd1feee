import type { Knex } from 'knex';
import { createKeyIndexSql, dropKeyIndexSql, forKnex } from '../schema/key-sql.js';
import { toSqlType } from '../schema/table-spec.js';
import { columnBindings, toUsingSql } from './conversion-sql.js';
import type { Step } from './plan.js';
import { applySequenceStep } from './to-knex-sequences.js';
import { applyFormulaStep } from './to-knex-formulas.js';
import { dropRollup, setRollup } from './to-knex-rollups.js';
import { dropSearch, setSearch } from './to-knex-search.js';
import { moveState, renameState, type StepContext } from './to-knex-states.js';
import {
  addColumnTo,
  addForeignKeyTo,
  createJunction,
  createTable,
  renameColumnConstraints,
  renameJunction,
  renameTable,
  toDefaultRaw,
  toForeignKeyName,
} from './to-knex-tables.js';

type Of<K extends Step['kind']> = Extract<Step, { kind: K }>;

/**
 * Runs one step on the caller's transaction; identifiers come from validated specs, values are bound.
 * `context` says which version is being published and by whom (history rows of moved records).
 */
export async function applyStep(trx: Knex.Transaction, step: Step, context: StepContext = {}): Promise<void> {
  switch (step.kind) {
    case 'renameState':
      return renameState(trx, step);
    case 'moveState':
      return moveState(trx, step, context);
    case 'setRollup':
      return setRollup(trx, step);
    case 'dropRollup':
      return dropRollup(trx, step);
    case 'setSearch':
      return setSearch(trx, step);
    case 'dropSearch':
      return dropSearch(trx, step);
    case 'addSequence':
    case 'changeSequence':
    case 'renameSequence':
    case 'dropSequence':
      return applySequenceStep(trx, step);
    case 'addFormula':
    case 'changeFormula':
    case 'dropFormula':
      return applyFormulaStep(trx, step);
    case 'createTable':
      return createTable(trx, step.table);
    case 'dropTable':
      return trx.schema.dropTable(step.table);
    case 'renameTable':
      return renameTable(trx, step.from, step.to);
    case 'createJunction':
      return createJunction(trx, step.junction);
    case 'dropJunction':
      return trx.schema.dropTable(step.junction.name);
    case 'renameJunction':
      return renameJunction(trx, step.from, step.to);
    case 'addEnumValues':
      return; // choices are enforced by validation, not by the column
    case 'removeEnumValues':
      return removeEnumValues(trx, step);
    case 'alterType':
      return alterType(trx, step);
    case 'setNotNull':
      return setNotNull(trx, step);
    case 'addKeyIndex':
      return void (await trx.raw(forKnex(createKeyIndexSql(step.table, step.key))));
    case 'dropKeyIndex':
      return void (await trx.raw(forKnex(dropKeyIndexSql(step.key))));
    case 'renameColumn':
      await alter(trx, step.table, (t) => t.renameColumn(step.from, step.to));
      return renameColumnConstraints(trx, step.table, step.from, step.to);
    default:
      return alter(trx, step.table, (t) => alterColumn(trx, t, step));
  }
}

/** Steps that are one ALTER TABLE through the schema builder. */
function alterColumn(
  trx: Knex.Transaction,
  t: Knex.AlterTableBuilder,
  step: Of<
    | 'addColumn'
    | 'dropColumn'
    | 'dropNotNull'
    | 'setDefault'
    | 'addForeignKey'
    | 'dropForeignKey'
    | 'addIndex'
    | 'dropIndex'
  >,
): void {
  switch (step.kind) {
    case 'addColumn':
      addColumnTo(trx, t, step.column);
      if (step.column.references) addForeignKeyTo(t, step.table, step.column.name, step.column.references);
      return;
    case 'dropColumn':
      t.dropColumn(step.column);
      return;
    case 'dropNotNull':
      t.setNullable(step.column);
      return;
    case 'setDefault':
      setDefault(trx, t, step);
      return;
    case 'addForeignKey':
      addForeignKeyTo(t, step.table, step.column, step.references);
      return;
    case 'dropForeignKey':
      t.dropForeign([step.column], toForeignKeyName(step.table, step.column));
      return;
    case 'addIndex':
      t.index(step.index.columns, step.index.name);
      return;
    case 'dropIndex':
      t.dropIndex(step.index.columns, step.index.name);
      return;
  }
}

async function alter(trx: Knex.Transaction, table: string, build: (t: Knex.AlterTableBuilder) => void): Promise<void> {
  await trx.schema.alterTable(table, build);
}

function setDefault(trx: Knex.Transaction, t: Knex.AlterTableBuilder, step: Of<'setDefault'>): void {
  // Type and nullability stay as they are: knex's alter() then only drops and sets the default.
  const column = t.specificType(step.column, step.type ? toSqlType(step.type) : 'text');
  if (step.default) column.defaultTo(toDefaultRaw(trx, step.default, step.type));
  column.alter({ alterNullable: false, alterType: false });
}

/** Converts in place; values that cannot convert become NULL (the plan said so and was confirmed). */
async function alterType(trx: Knex.Transaction, step: Of<'alterType'>): Promise<void> {
  const using = toUsingSql(step.from, step.to);
  // An old default may not cast to the new type; the plan sets the new one in a later step.
  await trx.raw('ALTER TABLE ?? ALTER COLUMN ?? DROP DEFAULT', [step.table, step.column]);
  await trx.raw(`ALTER TABLE ?? ALTER COLUMN ?? TYPE ${toSqlType(step.to)} USING ${using}`, [
    step.table,
    step.column,
    ...columnBindings(using, step.column),
  ]);
}

async function setNotNull(trx: Knex.Transaction, step: Of<'setNotNull'>): Promise<void> {
  if (step.backfill !== undefined) {
    const value = isPlainObject(step.backfill) ? JSON.stringify(step.backfill) : step.backfill;
    await trx(step.table)
      .whereNull(step.column)
      .update({ [step.column]: value });
  }
  await alter(trx, step.table, (t) => t.dropNullable(step.column));
}

async function removeEnumValues(trx: Knex.Transaction, step: Of<'removeEnumValues'>): Promise<void> {
  if (!step.array) {
    await trx(step.table)
      .whereIn(step.column, step.values)
      .update({ [step.column]: null });
    return;
  }
  const removed = step.values.reduce((sql) => `array_remove(${sql}, ?)`, '??');
  await trx(step.table)
    .where(trx.raw('?? && ?::text[]', [step.column, step.values]))
    .update({ [step.column]: trx.raw(removed, [step.column, ...step.values]) });
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
