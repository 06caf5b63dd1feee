import type { NamedReference } from '../../definitions/workflow.js';
import type { Actor } from '../../actor.js';
import { toReference, type Approval } from '../reference.js';
import { actorOwns } from './actor-owns.js';
import { actorHasRole } from './actor-role.js';
import { approvalGiven } from './approval-given.js';
import { condition } from './condition.js';
import { fieldCompare } from './field-compare.js';
import { all, any, not } from './logic.js';
import { recordOwner } from './record-owner.js';
import { related } from './related.js';
import { requireFields } from './require-fields.js';
import type { FieldTitle, GuardFacts, GuardResult, GuardSpec, RoleTitle } from './types.js';

export type { GuardContext, GuardFact, GuardFacts, GuardFailure, GuardResult, GuardSpec } from './types.js';

/** The guard library: every name a workflow definition may use, with its params schema. */
export const GUARDS: ReadonlyMap<string, GuardSpec> = new Map(
  (
    [
      requireFields,
      fieldCompare,
      actorHasRole,
      approvalGiven,
      condition,
      related,
      actorOwns,
      recordOwner,
      all,
      any,
      not,
    ] as GuardSpec[]
  ).map((g) => [g.name, g]),
);

/** What a guard evaluation starts from: the stored record, the actor and the current state's approvals. */
export interface GuardInput {
  record: Record<string, unknown>;
  actor: Actor;
  approvals?: Approval[];
  /** Where the state's approval of steps stands (absent for `{ role }` approvals and other states). */
  approval?: { complete: boolean; rejected: boolean };
  fieldTitle?: FieldTitle;
  roleTitle?: RoleTitle;
  /** Data guards' answers for this record (`condition`, `related`), read by the shell before deciding. */
  facts?: GuardFacts;
}

/** Evaluates a guard reference (nested ones included) against the input; an unknown name fails with a reason. */
export function evaluateGuard(ref: NamedReference | string, input: GuardInput, guards = GUARDS): GuardResult {
  const { type, params = {} } = toReference(ref);
  const spec = guards.get(type);
  if (!spec) return { reason: { en: `unknown guard "${type}"`, zh: `未知的条件“${type}”` } };
  const ctx = { ...input, evaluate: (child: NamedReference | string) => evaluateGuard(child, input, guards) };
  return spec.evaluate(ctx, params);
}
