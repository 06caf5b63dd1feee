import type { DefinitionSet } from '../definitions/definition-set.js';
import type { EntityDefinition } from '../definitions/entity.js';
import { bindingOf } from '../model/workflow-binding.js';
import type { RecordScope } from './plan.js';

/** The records a workflow holds: rows of the entity's table, all of them or some record types (`scope`). */
export interface WorkflowRecords {
  entity: string;
  scope?: RecordScope;
}

/**
 * The rows of its entity (`meta.entity`) that follow the workflow in `set`, by the binding rule of
 * model/workflow-binding.ts applied to each declared record type and to rows without a declared one.
 * Undefined when the workflow holds no rows (every record type names another workflow).
 */
export function recordsOf(set: DefinitionSet, workflowId: string): WorkflowRecords | undefined {
  const workflow = set.workflows.find((w) => w.id === workflowId);
  const entity = workflow && set.entities.find((e) => e.$id === workflow.meta?.entity);
  if (!entity) return undefined;
  const types = Object.keys(entity['x-entity']?.recordTypes ?? {});
  const follows = (type: string | undefined) => boundWorkflow(set, entity, type) === workflowId;
  if (follows(undefined)) {
    const others = types.filter((type) => !follows(type));
    return others.length ? { entity: entity.$id, scope: { exceptRecordTypes: others } } : { entity: entity.$id };
  }
  const own = types.filter((type) => follows(type));
  return own.length ? { entity: entity.$id, scope: { recordTypes: own } } : undefined;
}

/** The workflow id a record of `recordType` (undefined: none, or one not declared) follows. */
export function boundWorkflow(
  set: DefinitionSet,
  entity: EntityDefinition,
  recordType: string | undefined,
): string | undefined {
  return bindingOf(entity, set.workflows, recordType)?.id;
}
