import type { Localized } from '../draft/types';

/** A guard or action as a definition names it: `{ type, params }` or just the name. */
export type Reference = string | { type: string; params?: Record<string, unknown> };

export interface Transition {
  target?: string;
  guard?: Reference;
  actions?: Reference[];
  description?: string;
  meta?: { title?: Localized; [key: string]: unknown };
}

export type TransitionConfig = string | Transition | Transition[];

export interface StateMeta {
  title?: Localized;
  color?: string;
  probability?: number;
  outcome?: 'open' | 'won' | 'lost';
  stuckAfter?: string;
  sla?: string;
  [key: string]: unknown;
}

export interface State {
  type?: 'atomic' | 'final';
  meta?: StateMeta;
  on?: Record<string, TransitionConfig>;
  after?: Record<string, TransitionConfig>;
  always?: TransitionConfig;
  [key: string]: unknown;
}

/** The workflow as the designer edits it (the draft's loose type, with its states spelled out). */
export interface Workflow {
  id: string;
  initial: string;
  meta: { entity: string; recordType?: string; title?: Localized; [key: string]: unknown };
  states: Record<string, State>;
  [key: string]: unknown;
}

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

export interface LibraryEntry {
  name: string;
  params: ParamSchema;
  phase?: string;
}

export interface Library {
  guards: LibraryEntry[];
  actions: LibraryEntry[];
}
