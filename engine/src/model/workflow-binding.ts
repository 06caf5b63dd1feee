import { bindingOf } from '@lodestar/core';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import type { CompiledEntity, Model } from './compile-model.js';

// The one binding rule lives in @lodestar/core, shared with the apps' screens.
export { bindingOf };

/** bindingOf for a compiled model. */
export function workflowOf(
  model: Model,
  entity: CompiledEntity,
  recordType: string | null | undefined,
): WorkflowDefinition | undefined {
  return bindingOf(entity.definition, model.workflows.values(), recordType);
}
