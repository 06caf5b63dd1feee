import type { Step, StepKind } from './plan.js';

/**
 * Dependency order, by kind: renames first (later steps use new names); foreign keys and indexes are
 * dropped before the columns and tables they sit on; NOT NULL is relaxed before conversions may write
 * NULL and enforced after them; tables exist before links and foreign keys point at them. Workflow
 * states of records come last (the state column exists by then): renamed states before records of
 * removed states move, so a move never lands on a name a rename still has to free.
 */
const RANK: Record<StepKind, number> = {
  // A roll-up's triggers go before anything is renamed or dropped, and come back after everything else.
  dropRollup: -1,
  dropSearch: -1, // its trigger names the columns it reads, which blocks dropping or retyping them
  renameTable: 0,
  renameColumn: 1,
  renameJunction: 1,
  dropForeignKey: 2,
  dropIndex: 3,
  dropKeyIndex: 3,
  dropFormula: 3.5, // a generated column goes before the columns it reads are dropped or retyped
  dropJunction: 4,
  dropColumn: 5,
  dropTable: 6,
  createTable: 7,
  addColumn: 8,
  dropNotNull: 9,
  removeEnumValues: 10,
  alterType: 11,
  addEnumValues: 12,
  setDefault: 13,
  setNotNull: 14,
  createJunction: 15,
  addForeignKey: 16,
  addFormula: 16.5, // once every column it reads exists, before indexes on it
  changeFormula: 16.5,
  addIndex: 17,
  addKeyIndex: 17,
  renameState: 18,
  moveState: 19,
  setRollup: 20,
  setSearch: 20,
  // Numbering once every column exists under its new name (it numbers rows and indexes the column).
  addSequence: 21,
  changeSequence: 21,
  renameSequence: 21,
  dropSequence: 21,
};

/** Steps sorted into an order that applies; steps of one kind keep the planner's order. */
export function orderSteps(steps: Step[]): Step[] {
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => RANK[a.step.kind] - RANK[b.step.kind] || a.index - b.index)
    .map(({ step }) => step);
}
