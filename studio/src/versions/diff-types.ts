import type { Localized, PlanStep } from '../publish/plan-types';

/** `GET /meta/versions/{a}/diff/{b}` (engine/src/versions/diff-definitions.ts). */
export interface KeyedDiff<C> {
  added: string[];
  removed: string[];
  changed: C[];
  /** Each listed name's title in both languages (absent from diffs of an older engine). */
  titles?: Record<string, Localized>;
}

export interface ValueChange {
  before: unknown;
  after: unknown;
}

export interface EntityChange {
  id: string;
  fields: KeyedDiff<{ field: string } & ValueChange>;
  recordTypes: KeyedDiff<{ recordType: string } & ValueChange>;
  other: string[];
}

export interface WorkflowChange {
  id: string;
  states: KeyedDiff<{ state: string } & ValueChange>;
  transitions: KeyedDiff<{ transition: string } & ValueChange>;
  other: string[];
}

export interface RoleChange extends ValueChange {
  role: string;
  pointers: string[];
}

export interface VersionsDiff {
  from: number;
  to: number;
  entities: KeyedDiff<EntityChange>;
  workflows: KeyedDiff<WorkflowChange>;
  roles: KeyedDiff<RoleChange>;
  /** The table steps between the two (absent when an old version no longer compiles). */
  plan?: { steps: PlanStep[] };
}

export const isEmpty = (diff: KeyedDiff<unknown>) => !diff.added.length && !diff.removed.length && !diff.changed.length;
