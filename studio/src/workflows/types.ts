import type { ResponseOf } from '@lodestar/ui-shared';

// The workflow definition types come from @lodestar/core (generated from the meta-schema), named here as the
// designer reads them.
export type {
  Reference,
  StateDefinition as State,
  StateMeta,
  TransitionConfig,
  TransitionDefinition as Transition,
  WorkflowDefinition as Workflow,
} from '@lodestar/core';

/** Where one `on` transition sits: the state, the event, and its index when the event holds a list. */
export interface EdgeRef {
  source: string;
  event: string;
  index?: number;
}

/** One JSON Schema of the library's params, as far as the designer reads it. */
export interface ParamSchema {
  type?: string | string[];
  enum?: unknown[];
  items?: ParamSchema;
  properties?: Record<string, ParamSchema>;
  required?: string[];
  minItems?: number;
  oneOf?: ParamSchema[];
  anyOf?: ParamSchema[];
  [keyword: string]: unknown;
}

/** The guards and actions a workflow may name (`GET /meta/library`), as the engine's contract types them. */
export type Library = ResponseOf<'/meta/library', 'get'>;
export type LibraryEntry = Library['actions'][number];
