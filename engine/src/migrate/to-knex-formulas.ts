import type { Knex } from 'knex';
import type { FormulaSpec } from '@lodestar/core';
import { toSqlType } from '../schema/table-spec.js';
import type { Step } from './plan.js';

type FormulaStep = Extract<Step, { kind: 'addFormula' | 'changeFormula' | 'dropFormula' }>;

/**
 * A formula step on the publish's transaction. A stored formula is a STORED generated column: adding it
 * makes PostgreSQL compute every existing row inside this transaction. Computed formulas change no table.
 * The generated expression comes from the compiled definition (formula-fields.ts): names are validated
 * identifiers and literals are quoted by the formula compiler, never taken from a request.
 */
export async function applyFormulaStep(trx: Knex.Transaction, step: FormulaStep): Promise<void> {
  switch (step.kind) {
    case 'addFormula':
      return addStored(trx, step.table, step.formula);
    case 'changeFormula':
      // A stored `from` was dropped by its `dropFormula` (replaced) step earlier in the plan.
      return addStored(trx, step.table, step.to);
    case 'dropFormula':
      if (step.formula.stored) await trx.raw('ALTER TABLE ?? DROP COLUMN ??', [step.table, step.formula.name]);
      return;
  }
}

async function addStored(trx: Knex.Transaction, table: string, formula: FormulaSpec): Promise<void> {
  if (!formula.stored) return;
  await trx.raw(
    `ALTER TABLE ?? ADD COLUMN ?? ${toSqlType(formula.type)} GENERATED ALWAYS AS (${formula.stored.replaceAll('?', '\\?')}) STORED`,
    [table, formula.name],
  );
}
