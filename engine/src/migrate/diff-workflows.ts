import type { StateMapping } from '@lodestar/core';
import type { DefinitionSet } from '../definitions/definition-set.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { classifyStep } from './classify.js';
import { orderSteps } from './order-steps.js';
import { pairByName } from './pair-by-name.js';
import type { RecordScope, Step, StepDraft } from './plan.js';
import { recordsOf } from './workflow-records.js';

/** What a new version does to the states of one workflow whose records stay where they are. */
export interface WorkflowDiff {
  workflow: string;
  /** The entity table holding the records, under its name after the plan's renames. */
  table: string;
  /** The rows of the table that follow the workflow (absent: every row). */
  scope?: RecordScope;
  /** The new version's initial state. */
  initial: string;
  renamed: StateRename[];
  /** States of the published version that the new one neither keeps nor renames. */
  removed: string[];
}

export interface StateRename {
  from: string;
  to: string;
}

/**
 * For each workflow present in both sets, the states renamed (`meta.renamedFrom`) and removed. Records
 * are found by the published binding (they sit where the published version put them); a workflow that
 * holds no records, or whose entity the new version drops or no longer binds it to, has no diff.
 */
export function diffWorkflows(before: DefinitionSet, after: DefinitionSet): WorkflowDiff[] {
  const tables = entityTables(before, after);
  const diffs: WorkflowDiff[] = [];
  for (const next of after.workflows) {
    const previous = before.workflows.find((w) => w.id === next.id);
    const held = previous && recordsOf(before, previous.id);
    const table = held && tables.get(held.entity);
    if (!previous || !held || table === undefined || next.meta?.entity !== table) continue;
    const renamed = stateRenames(previous, next);
    const removed = removedStates(previous, next, renamed);
    if (!renamed.length && !removed.length) continue;
    diffs.push({
      workflow: next.id,
      table,
      ...(held.scope && { scope: held.scope }),
      initial: next.initial,
      renamed,
      removed,
    });
  }
  return diffs;
}

/**
 * The renames a new version declares: a state new to the workflow whose `meta.renamedFrom` names a
 * state of the published version that the new version does not keep (the first such claim wins). A
 * `renamedFrom` on a state the published version already has is left from an earlier rename: ignored.
 * check-state-renames.ts reports the declarations this skips as definition issues.
 */
export function stateRenames(previous: WorkflowDefinition, next: WorkflowDefinition): StateRename[] {
  const renames: StateRename[] = [];
  for (const [name, state] of Object.entries(next.states)) {
    const from = state.meta?.renamedFrom;
    if (from === undefined || hasState(previous, name)) continue;
    if (!hasState(previous, from) || hasState(next, from) || renames.some((r) => r.from === from)) continue;
    renames.push({ from, to: name });
  }
  return renames;
}

/** States of `previous` that `next` neither keeps nor renames. */
export function removedStates(
  previous: WorkflowDefinition,
  next: WorkflowDefinition,
  renamed = stateRenames(previous, next),
): string[] {
  return Object.keys(previous.states).filter(
    (state) => !hasState(next, state) && !renamed.some((r) => r.from === state),
  );
}

/** Where the records of removed states go: workflow id → removed state → target state of the new version (core's). */
export type { StateMapping };

/**
 * The classified, ordered steps for the diffs: a renameState per rename and a moveState per removed
 * state, mapped to a target when `mapping` names one. A removed state with no records stays a step
 * (safe once counted at 0): the plan shows the removal, and applying it cancels stale timers.
 */
export function toStateSteps(diffs: WorkflowDiff[], mapping: StateMapping = {}): Step[] {
  const steps: StepDraft[] = [];
  for (const diff of diffs) {
    const base = { workflow: diff.workflow, table: diff.table, ...(diff.scope && { scope: diff.scope }) };
    for (const rename of diff.renamed) steps.push({ kind: 'renameState', ...base, from: rename.from, to: rename.to });
    for (const state of diff.removed) {
      const to =
        Object.hasOwn(mapping, diff.workflow) && Object.hasOwn(mapping[diff.workflow]!, state)
          ? mapping[diff.workflow]![state]
          : undefined;
      steps.push({ kind: 'moveState', ...base, state, ...(to !== undefined && { to }), initial: diff.initial });
    }
  }
  return orderSteps(steps.map(classifyStep));
}

/** Each published entity id → its table name in the new version (renames by `x-entity.renamedFrom`). */
function entityTables(before: DefinitionSet, after: DefinitionSet): Map<string, string> {
  const named = (set: DefinitionSet) =>
    set.entities.map((e) => ({
      name: e.$id,
      ...(e['x-entity']?.renamedFrom !== undefined && { renamedFrom: e['x-entity'].renamedFrom }),
    }));
  return new Map(pairByName(named(before), named(after)).pairs.map((pair) => [pair.before.name, pair.after.name]));
}

export function hasState(workflow: WorkflowDefinition, name: string): boolean {
  return Object.hasOwn(workflow.states, name);
}
