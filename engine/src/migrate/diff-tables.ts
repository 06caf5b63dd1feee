import type { TableSpec } from '../schema/table-spec.js';
import { classifyStep } from './classify.js';
import { diffColumns, type TableRenames } from './diff-columns.js';
import { diffFormulas, withoutFormulas } from './diff-formulas.js';
import { diffJunctions } from './diff-junctions.js';
import { diffRollups } from './diff-rollups.js';
import { diffSearch } from './diff-search.js';
import { diffKeys } from './diff-keys.js';
import { orderSteps } from './order-steps.js';
import { pairByName } from './pair-by-name.js';
import type { Step, StepDraft } from './plan.js';

/**
 * The ordered, classified steps that turn the tables of `before` into those of `after`. Renames come
 * only from `renamedFrom`; row counts are filled in later by countAffected.
 */
export function diffTables(before: TableSpec[], after: TableSpec[]): Step[] {
  const tables = pairByName(before, after);
  const renames: TableRenames = new Map(
    tables.pairs
      .filter((pair) => pair.before.name !== pair.after.name)
      .map((pair) => [pair.before.name, pair.after.name]),
  );
  const steps: StepDraft[] = [];
  for (const [from, to] of renames) steps.push({ kind: 'renameTable', from, to });
  for (const table of tables.added) steps.push(...toCreateTable(table));
  steps.push(...toDropTables(tables.removed));
  for (const pair of tables.pairs) steps.push(...diffColumns(pair.before, pair.after, renames));
  for (const pair of tables.pairs) steps.push(...diffKeys(pair.before, pair.after));
  for (const table of tables.added) steps.push(...diffKeys(undefined, table));
  const junctions = (specs: TableSpec[]) => specs.flatMap((table) => table.junctions);
  steps.push(...diffJunctions(junctions(before), junctions(after), renames));
  steps.push(...diffRollups(before, after));
  steps.push(...diffSearch(before, after));
  steps.push(...diffFormulas(tables));
  return orderSteps(steps.map(classifyStep));
}

/** The table without foreign keys, which follow as separate steps once every table of the plan exists. */
function toCreateTable(table: TableSpec): StepDraft[] {
  const { renamedFrom: _renamedFrom, ...spec } = withoutFormulas(table);
  const columns = spec.columns.map(({ references: _references, renamedFrom: _old, ...column }) => column);
  const steps: StepDraft[] = [{ kind: 'createTable', table: { ...spec, columns } }];
  for (const column of table.columns) {
    if (column.references)
      steps.push({ kind: 'addForeignKey', table: table.name, column: column.name, references: column.references });
  }
  return steps;
}

/** Drops; a foreign key between two dropped tables goes first, so the drop order does not matter. */
function toDropTables(removed: TableSpec[]): StepDraft[] {
  const names = new Set(removed.map((table) => table.name));
  const steps: StepDraft[] = [];
  for (const table of removed) {
    for (const column of table.columns) {
      const target = column.references?.table;
      if (target && target !== table.name && names.has(target))
        steps.push({ kind: 'dropForeignKey', table: table.name, column: column.name });
    }
    steps.push({ kind: 'dropTable', table: table.name });
  }
  return steps;
}
