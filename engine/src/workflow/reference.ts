import type { NamedReference } from '../definitions/workflow.js';

/** A JSON Schema object, as the guard and action registries declare their params. */
export type ParamsSchema = Record<string, unknown>;

/** One approval decision recorded since the record entered its current state. */
export interface Approval {
  /** The approver's role; for a step whose approver is not a role, the step id. */
  role: string;
  /** The approval step it decided (absent on rows of `{ role }` approvals: the role is the step). */
  step?: string;
  decision: 'approved' | 'rejected';
  by: string;
  /** The user the decider stood in for, by delegation. */
  onBehalfOf?: string;
  at: string;
}

/**
 * A field a guard or action names, with the pointer suffix (inside `params`) where it is named:
 * on the bound entity unless `entity` says otherwise; `write` when the action sets it; `values` are
 * literals the params compare with or write, each checked against the field's schema.
 */
export interface FieldUse {
  pointer: string;
  field: string;
  entity?: { id: string; pointer: string };
  write?: boolean;
  values?: { pointer: string; value: unknown }[];
}

/** The `{ type, params }` form of a reference written either as a bare name or as an object. */
export function toReference(ref: NamedReference | string): NamedReference {
  return typeof ref === 'string' ? { type: ref } : ref;
}

/** Whether a field value counts as filled in: not null, not blank text, not an empty list. */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
