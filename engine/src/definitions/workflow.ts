/** A workflow definition: an XState v5 machine config in plain JSON, bound by `meta.entity`. Generated from meta/workflow.meta.json into @lodestar/core. */
export type {
  NamedReference,
  StateDefinition,
  StateMeta,
  TransitionConfig,
  TransitionDefinition,
  WorkflowDefinition,
} from '@lodestar/core';
