import type { LocalizedText } from './entity.js';

/** A guard or action reference: behaviour by name, configured by JSON params. */
export interface NamedReference {
  type: string;
  params?: Record<string, unknown>;
}

export interface TransitionDefinition {
  target?: string;
  guard?: NamedReference | string;
  actions?: (NamedReference | string)[];
  description?: string;
  meta?: Record<string, unknown>;
}

export type TransitionConfig = string | TransitionDefinition | TransitionDefinition[];

export interface StateMeta {
  title?: LocalizedText;
  color?: string;
  probability?: number;
  outcome?: 'open' | 'won' | 'lost';
  /** ISO-8601 duration the record should stay at most; `after: { "sla": ... }` fires when it runs out. */
  sla?: string;
  /** ISO-8601 duration after which a record still in this state counts as stuck ("My day" lists it). */
  stuckAfter?: string;
  /** The state's previous name: publishing keeps its records in it (a rename, not remove + add). */
  renamedFrom?: string;
  /** The state waits for approval: only actors with this role may send APPROVE or REJECT. */
  approval?: { role: string };
  [key: string]: unknown;
}

export interface StateDefinition {
  type?: 'atomic' | 'final';
  meta?: StateMeta;
  on?: Record<string, TransitionConfig>;
  after?: Record<string, TransitionConfig>;
  always?: TransitionConfig;
  entry?: (NamedReference | string)[];
  exit?: (NamedReference | string)[];
  [key: string]: unknown;
}

/** A workflow definition: an XState v5 machine config in plain JSON, bound by `meta.entity`. */
export interface WorkflowDefinition {
  id: string;
  initial: string;
  meta: {
    entity: string;
    recordType?: string;
    title?: LocalizedText;
    /** The number field reports sum and weight by probability (funnel amounts, forecast). */
    amountField?: string;
    /** The date field the forecast groups by month. */
    closeDateField?: string;
    [key: string]: unknown;
  };
  states: Record<string, StateDefinition>;
  [key: string]: unknown;
}
