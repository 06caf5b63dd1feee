import type { WorkflowDefinition } from '../definitions/workflow.js';
import type { CompiledEntity, Model } from './compile-model.js';

/**
 * The workflow a record of `recordType` follows: the one its record type or entity names
 * (`x-entity.recordTypes.<type>.workflow`, `x-entity.workflow`), else the one bound to the record
 * type by `meta.recordType`, else the one bound to the whole entity; undefined when none is bound.
 */
export function workflowOf(model: Model, entity: CompiledEntity, recordType: string | null | undefined): WorkflowDefinition | undefined {
  const options = entity.definition['x-entity'];
  const named = (recordType && options.recordTypes?.[recordType]?.workflow) || options.workflow;
  if (named) return model.workflows.get(named);
  const bound = [...model.workflows.values()].filter((w) => w.meta?.entity === entity.id);
  return bound.find((w) => recordType != null && w.meta.recordType === recordType) ?? bound.find((w) => w.meta.recordType === undefined);
}
