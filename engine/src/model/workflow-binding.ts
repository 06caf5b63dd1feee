import type { EntityDefinition } from '../definitions/entity.js';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import type { CompiledEntity, Model } from './compile-model.js';

/**
 * The workflow a record of `recordType` follows: the one its record type or entity names
 * (`x-entity.recordTypes.<type>.workflow`, `x-entity.workflow`), else the one bound to the record
 * type by `meta.recordType`, else the one bound to the whole entity; undefined when none is bound.
 * The one binding rule: records, the runtime and the migration planner all ask here.
 */
export function bindingOf(entity: EntityDefinition, workflows: Iterable<WorkflowDefinition>, recordType: string | null | undefined): WorkflowDefinition | undefined {
  const all = [...workflows];
  const options = entity['x-entity'] ?? {};
  const named = (recordType && options.recordTypes?.[recordType]?.workflow) || options.workflow;
  if (named) return all.find((w) => w.id === named);
  const bound = all.filter((w) => w.meta?.entity === entity.$id);
  return bound.find((w) => recordType != null && w.meta.recordType === recordType) ?? bound.find((w) => w.meta.recordType === undefined);
}

/** bindingOf for a compiled model. */
export function workflowOf(model: Model, entity: CompiledEntity, recordType: string | null | undefined): WorkflowDefinition | undefined {
  return bindingOf(entity.definition, model.workflows.values(), recordType);
}
