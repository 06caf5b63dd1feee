import type { RollupSpec, TableSpec } from '../schema/table-spec.js';
import type { StepDraft } from './plan.js';

/**
 * The roll-up steps between two sets of tables. A roll-up is identified by everything its triggers name:
 * parent table, field, child table, relation, operation, child field and filter. Any difference (a rename
 * of either table or of a field included) drops the old triggers before anything else runs, under the
 * names the database has then, and installs and back-fills the new ones after every other step, so the
 * computation sees the final columns and states. Unchanged roll-ups are left alone.
 */
export function diffRollups(before: TableSpec[], after: TableSpec[]): StepDraft[] {
  const old = new Map(before.flatMap((table) => keyed(table)));
  const next = new Map(after.flatMap((table) => keyed(table)));
  const steps: StepDraft[] = [];
  for (const [key, { table, rollup }] of old) if (!next.has(key)) steps.push({ kind: 'dropRollup', table, rollup });
  for (const [key, { table, rollup }] of next) if (!old.has(key)) steps.push({ kind: 'setRollup', table, rollup });
  return steps;
}

function keyed(table: TableSpec): [string, { table: string; rollup: RollupSpec }][] {
  return (table.rollups ?? []).map((rollup) => [identity(table.name, rollup), { table: table.name, rollup }]);
}

function identity(table: string, rollup: RollupSpec): string {
  const { name, from, via, op, field, where } = rollup;
  return JSON.stringify([table, name, from, via, op, field ?? null, where ?? null]);
}
