import { type Issue, issueOf } from '../errors.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { workflowOf } from '../model/workflow-binding.js';

/** One entity table a handover updates, and which of its records stay with the old owner. */
export interface HandoverTarget {
  entity: string;
  table: string;
  /** With onlyOpen: records in these states stay (final states of the entity's workflows); empty: all move. */
  closedStates: string[];
}

/**
 * The tables a handover touches: every entity of the model in model order, or the listed ones (an
 * unknown id is an issue at `/entities/<index>`). With `onlyOpen`, records in a final state of a
 * workflow bound to the entity stay; with record types, each type may bind its own workflow, so the
 * final states of all of them count. Entities without a workflow move whole.
 */
export function planHandover(
  model: Model,
  options: { entities?: string[] | undefined; onlyOpen?: boolean | undefined },
): { targets: HandoverTarget[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const chosen = options.entities ?? [...model.entities.keys()];
  const targets: HandoverTarget[] = [];
  const seen = new Set<string>();
  chosen.forEach((id, i) => {
    const entity = model.entities.get(id);
    if (!entity)
      return void issues.push(
        issueOf(`/entities/${i}`, 'enum', {
          en: `"${id}" is not an entity of the published model`,
          zh: `已发布的模型没有实体“${id}”`,
        }),
      );
    if (seen.has(id)) return;
    seen.add(id);
    targets.push({
      entity: id,
      table: entity.table.name,
      closedStates: options.onlyOpen ? finalStatesOf(model, entity) : [],
    });
  });
  return { targets, issues };
}

/** Final states of every workflow a record of `entity` may follow (the entity's, and each record type's). */
export function finalStatesOf(model: Model, entity: CompiledEntity): string[] {
  // Only a table with a `state` column can hold a state (a workflow binds through meta.entity).
  if (!entity.table.columns.some((column) => column.name === 'state')) return [];
  const states = new Set<string>();
  for (const recordType of [null, ...entity.recordTypes]) {
    const workflow = workflowOf(model, entity, recordType);
    for (const [name, state] of Object.entries(workflow?.states ?? {})) if (state.type === 'final') states.add(name);
  }
  return [...states].sort();
}
