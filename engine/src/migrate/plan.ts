import type { Plan } from '@lodestar/core';

// The plan's shapes are part of the contract with the apps (@lodestar/core plan.ts).
export type { Plan, RecordScope, Safety, Step, StepDraft, StepKind } from '@lodestar/core';

export function isDestructive(plan: Plan): boolean {
  return plan.steps.some((step) => step.safety === 'destructive');
}

export function isBlocked(plan: Plan): boolean {
  return plan.steps.some((step) => step.safety === 'blocked');
}
