import type { SearchSpec, TableSpec } from '../schema/table-spec.js';
import type { StepDraft } from './plan.js';

/**
 * The search steps between two sets of tables. A search document is identified by its table (followed
 * through a rename) and what it reads (fields, modes, column types): any difference drops the column and
 * its trigger before anything is renamed, retyped or dropped (PostgreSQL refuses to drop or retype a column a
 * trigger names) and builds it again after every other step, which computes it for every row
 * inside the publish. A renamed table is rebuilt as well: its index is named after the table, and the
 * old name may be taken by a new table in the same plan.
 */
export function diffSearch(before: TableSpec[], after: TableSpec[]): StepDraft[] {
  // A rename applies when the old name is there and the new one is not yet (as pairByName decides).
  const names = new Set(before.map((table) => table.name));
  const renamed = new Map(
    after
      .filter((t) => t.renamedFrom && names.has(t.renamedFrom) && !names.has(t.name))
      .map((t) => [t.renamedFrom!, t.name]),
  );
  const renamedTo = new Set(renamed.values());
  const old = new Map(before.flatMap((table) => keyed(table, renamed.get(table.name))));
  const next = new Map(after.flatMap((table) => keyed(table)));
  const kept = new Set(after.map((table) => table.renamedFrom ?? table.name));
  const steps: StepDraft[] = [];
  for (const [key, { table, search }] of old) {
    // A table the plan drops takes its column with it.
    if ((!next.has(key) || renamed.has(table)) && kept.has(table)) steps.push({ kind: 'dropSearch', table, search });
  }
  for (const [key, { table, search }] of next) {
    if (!old.has(key) || renamedTo.has(table)) steps.push({ kind: 'setSearch', table, search });
  }
  return steps;
}

function keyed(table: TableSpec, name = table.name): [string, { table: string; search: SearchSpec }][] {
  if (!table.search) return [];
  return [[JSON.stringify([name, table.search.fields]), { table: table.name, search: table.search }]];
}
