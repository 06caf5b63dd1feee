import type { Plan, WordedStep } from './plan.js';

/** A plan as the API answers it (plan, publish, rollback, template install): every step worded in both languages. */
export interface WordedPlan extends Omit<Plan, 'steps'> {
  steps: WordedStep[];
}
