import type { CompiledEntity, Model } from '../model/compile-model.js';

/**
 * The state a new record starts in: the initial state of the workflow bound to its record type, else
 * to the entity (by `x-entity.workflow` or a workflow's `meta.entity`); undefined when none is bound.
 */
export function initialState(model: Model, entity: CompiledEntity, recordType: string | undefined): string | undefined {
  const options = entity.definition['x-entity'];
  const named = (recordType && options.recordTypes?.[recordType]?.workflow) || options.workflow;
  if (named) return model.workflows.get(named)?.initial;
  const bound = [...model.workflows.values()].filter((w) => w.meta?.entity === entity.id);
  const match = bound.find((w) => recordType !== undefined && w.meta.recordType === recordType) ?? bound.find((w) => w.meta.recordType === undefined);
  return match?.initial;
}
