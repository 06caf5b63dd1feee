import type { FormulaSpec } from '@lodestar/core';
import type { IndexSpec, TableSpec } from '../schema/table-spec.js';
import { sameSqlType } from '../schema/table-spec.js';
import type { Pairing } from './pair-by-name.js';
import type { StepDraft } from './plan.js';

/**
 * The formula steps between two versions of the tables. A formula field is added, changed or dropped
 * by name. A stored formula lives in a generated column, which PostgreSQL cannot alter in place: a
 * changed one (new text, new type, a switch to computed, or a retype of a column it reads) is dropped
 * early (`dropFormula`, replaced) and added back by `changeFormula` once every column it reads exists,
 * with the indexes on it. Computed formulas change no table; their steps are there to be read.
 */
export function diffFormulas(tables: Pairing<TableSpec>): StepDraft[] {
  const steps: StepDraft[] = [];
  for (const table of tables.added) {
    for (const formula of table.formulas ?? []) {
      steps.push({ kind: 'addFormula', table: table.name, formula });
      if (formula.stored) steps.push(...indexesOn(table, formula.name));
    }
  }
  for (const { before, after } of tables.pairs) steps.push(...diffTable(before, after));
  return steps;
}

function diffTable(before: TableSpec, after: TableSpec): StepDraft[] {
  const table = after.name;
  const old = new Map((before.formulas ?? []).map((formula) => [formula.name, formula]));
  const steps: StepDraft[] = [];
  for (const formula of after.formulas ?? []) {
    const previous = old.get(formula.name);
    old.delete(formula.name);
    if (!previous) {
      steps.push({ kind: 'addFormula', table, formula });
      continue;
    }
    const rebuilt = previous.stored !== undefined && mustRebuild(previous, formula, before, after);
    if (!rebuilt && sameFormula(previous, formula)) continue;
    if (rebuilt) steps.push({ kind: 'dropFormula', table, formula: previous, replaced: true });
    steps.push({ kind: 'changeFormula', table, from: previous, to: formula });
    if (rebuilt && formula.stored) steps.push(...indexesOn(after, formula.name));
  }
  for (const formula of old.values()) steps.push({ kind: 'dropFormula', table, formula });
  return steps;
}

function sameFormula(a: FormulaSpec, b: FormulaSpec): boolean {
  return a.formula === b.formula && a.stored === b.stored && sameSqlType(a.type, b.type);
}

/** Whether the generated column must be dropped and added again: anything changed, or a column it reads is retyped or renamed. */
function mustRebuild(previous: FormulaSpec, next: FormulaSpec, before: TableSpec, after: TableSpec): boolean {
  if (!sameFormula(previous, next)) return true;
  return (previous.refs ?? []).some((name) => {
    const was = before.columns.find((c) => c.name === name);
    const now = after.columns.find((c) => c.name === name);
    return !was || !now || !sameSqlType(was.type, now.type) || now.renamedFrom !== undefined;
  });
}

/** A dropped generated column takes its indexes with it: the declared ones on it are created again. */
function indexesOn(table: TableSpec, column: string): StepDraft[] {
  return table.indexes
    .filter((index: IndexSpec) => index.columns.includes(column))
    .map((index) => ({ kind: 'addIndex', table: table.name, index }) as StepDraft);
}

/** A new table as it is created: its formulas and the indexes on them follow as their own steps (see diffFormulas). */
export function withoutFormulas(table: TableSpec): TableSpec {
  const { formulas, ...rest } = table;
  if (!formulas) return table;
  const names = new Set(formulas.map((formula) => formula.name));
  return { ...rest, indexes: table.indexes.filter((index) => !index.columns.some((c) => names.has(c))) };
}
