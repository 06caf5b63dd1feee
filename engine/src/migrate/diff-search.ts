import type { SearchSpec, TableSpec } from '../schema/table-spec.js';
import type { StepDraft } from './plan.js';

/**
 * The search steps between two sets of tables. A search document is identified by its table and what it
 * reads (fields, modes, column types): any difference drops the generated column before anything is
 * renamed, retyped or dropped (PostgreSQL refuses to drop or retype a column a generated column reads)
 * and builds it again after every other step, which computes it for every row inside the publish.
 */
export function diffSearch(before: TableSpec[], after: TableSpec[]): StepDraft[] {
  // A renamed table keeps its column (PostgreSQL renames it with the table): keyed by the name after the plan.
  const renamed = new Map(after.filter((t) => t.renamedFrom).map((t) => [t.renamedFrom!, t.name]));
  const old = new Map(before.flatMap((table) => keyed(table, renamed.get(table.name))));
  const next = new Map(after.flatMap((table) => keyed(table)));
  const steps: StepDraft[] = [];
  const kept = new Set(after.map((table) => table.renamedFrom ?? table.name));
  for (const [key, { table, search }] of old) {
    // A table the plan drops takes its column with it.
    if (!next.has(key) && kept.has(table)) steps.push({ kind: 'dropSearch', table, search });
  }
  for (const [key, { table, search }] of next) if (!old.has(key)) steps.push({ kind: 'setSearch', table, search });
  return steps;
}

function keyed(table: TableSpec, newName = table.name): [string, { table: string; search: SearchSpec }][] {
  if (!table.search) return [];
  return [[JSON.stringify([newName, table.search.fields]), { table: table.name, search: table.search }]];
}
