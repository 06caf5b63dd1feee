import type { Plan as EnginePlan, WordedStep } from '@lodestar/core';

export type { Text as Localized } from '@lodestar/core';

/** A migration step as `POST /meta/drafts/studio/plan` answers it (@lodestar/core plan.ts), worded in both languages. */
export type PlanStep = WordedStep;

export type Plan = Omit<EnginePlan, 'steps'> & { steps: PlanStep[] };
