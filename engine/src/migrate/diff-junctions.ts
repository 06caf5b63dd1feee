import type { JunctionSpec } from '../schema/table-spec.js';
import { diffColumns, type TableRenames } from './diff-columns.js';
import type { StepDraft } from './plan.js';

/**
 * Steps for many-to-many link tables across all entities. A link table keeps its identity through a
 * rename of its source table or of its field; a new target table means new links (drop + create).
 */
export function diffJunctions(before: JunctionSpec[], after: JunctionSpec[], renames: TableRenames): StepDraft[] {
  const used = new Set<JunctionSpec>();
  const steps: StepDraft[] = [];
  for (const junction of after) {
    const old = findBefore(before, junction, renames, used);
    if (old) used.add(old);
    if (old && (renames.get(old.target) ?? old.target) === junction.target) {
      if (old.name !== junction.name) steps.push({ kind: 'renameJunction', from: old.name, to: junction.name });
      steps.push(...diffLinkAttributes(old, junction, renames));
      continue;
    }
    if (old) steps.push({ kind: 'dropJunction', junction: old });
    steps.push({ kind: 'createJunction', junction: stripRename(junction) });
  }
  for (const junction of before) if (!used.has(junction)) steps.push({ kind: 'dropJunction', junction });
  return steps;
}

/** The same source entity, and the field's old name when a rename is declared and the new name is free. */
function findBefore(
  before: JunctionSpec[],
  junction: JunctionSpec,
  renames: TableRenames,
  used: Set<JunctionSpec>,
): JunctionSpec | undefined {
  const candidates = before.filter(
    (old) => !used.has(old) && (renames.get(old.source) ?? old.source) === junction.source,
  );
  const sameField = candidates.find((old) => old.field === junction.field);
  if (junction.renamedFrom !== undefined && !before.some((old) => old.name === junction.name)) {
    // renamedFrom is `<source>__<oldField>` under the source's current name
    const renamed = candidates.find((old) => `${junction.source}__${old.field}` === junction.renamedFrom);
    if (renamed && !sameField) return renamed;
  }
  return sameField;
}

/**
 * Link attributes (x-relation.attributes) are columns of the link table, so they change as any column
 * does (add, drop, rename, retype, choices), on the table under its new name; the plan names them by
 * their titles (step-names.ts).
 */
function diffLinkAttributes(before: JunctionSpec, after: JunctionSpec, renames: TableRenames): StepDraft[] {
  const table = (junction: JunctionSpec) => ({
    name: after.name,
    columns: junction.attributes ?? [],
    indexes: [],
    junctions: [],
  });
  return diffColumns(table(before), table(after), renames);
}

function stripRename(junction: JunctionSpec): JunctionSpec {
  const { renamedFrom: _renamedFrom, ...rest } = junction;
  return rest;
}
