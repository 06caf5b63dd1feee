import type { WordedStep } from './plan.js';
import type { Text } from './text.js';

/*
 * What differs between two definition sets, as the engine computes it (engine versions/diff-definitions.ts)
 * and the studio's version compare shows it (`GET /meta/versions/{from}/diff/{to}`).
 */

/** What changed between two maps of named things: names added, names removed, and the changes of the rest. */
export interface KeyedDiff<C> {
  added: string[];
  removed: string[];
  changed: C[];
  /** The title of every name listed (added, removed or changed), in both languages, for people reading the diff. */
  titles?: Record<string, Text>;
}

export interface ValueChange {
  before: unknown;
  after: unknown;
}

export interface EntityChange {
  id: string;
  /** Properties by name; `before`/`after` are the whole field definitions. */
  fields: KeyedDiff<{ field: string } & ValueChange>;
  /** `x-entity.recordTypes` by name. */
  recordTypes: KeyedDiff<{ recordType: string } & ValueChange>;
  /** JSON pointers of every other difference (title, required, x-entity options, i18n…). */
  other: string[];
}

export interface WorkflowChange {
  id: string;
  /** States by name, compared without their transitions (those are listed under `transitions`). */
  states: KeyedDiff<{ state: string } & ValueChange>;
  /** Transitions by id: `<state>.<EVENT>` (on), `<state>.after.<delay>`, `<state>.always`. */
  transitions: KeyedDiff<{ transition: string } & ValueChange>;
  /** JSON pointers of every other difference (initial, meta…). */
  other: string[];
}

export interface RoleChange extends ValueChange {
  role: string;
  /** Where the role differs, e.g. `/entities/customer/read`. */
  pointers: string[];
}

export interface DashboardChange extends ValueChange {
  dashboard: string;
  /** Where the dashboard differs, e.g. `/widgets/2/chart`. */
  pointers: string[];
}

/** Everything that differs between two definition sets, by definition and by part. */
export interface DefinitionsDiff {
  entities: KeyedDiff<EntityChange>;
  workflows: KeyedDiff<WorkflowChange>;
  roles: KeyedDiff<RoleChange>;
  /** Dashboards by id; absent when neither set has any. */
  dashboards?: KeyedDiff<DashboardChange>;
}

/** Two published versions compared: their differences, and the table steps between them (no row counts). */
export interface VersionsDiff extends DefinitionsDiff {
  /** @integer */
  from: number;
  /** @integer */
  to: number;
  /** Absent when the older version no longer compiles (its diff is still shown). */
  plan?: { steps: WordedStep[] };
}

export function isEmptyDiff(diff: KeyedDiff<unknown>): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
