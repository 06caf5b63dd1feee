import type { Knex } from 'knex';
import { ConfirmationRequired, type Text } from '../errors.js';
import { describeStep } from './describe-step.js';
import type { Step } from './plan.js';
import { applyStep } from './to-knex.js';
import type { StepContext } from './to-knex-states.js';

export interface ApplyOptions extends StepContext {
  /** The admin confirmed the destructive steps (with their row counts). */
  allowDestructive: boolean;
}

/**
 * Runs the (counted, classified) steps in order on the caller's transaction. Refuses with
 * ConfirmationRequired, before touching anything, when a step is blocked or destructive and unconfirmed.
 * A failing step throws, and the caller's transaction rolls back every earlier step with it.
 */
export async function applySteps(trx: Knex.Transaction, steps: Step[], options: ApplyOptions): Promise<void> {
  const refused = steps.filter(
    (step) => step.safety === 'blocked' || (step.safety === 'destructive' && !options.allowDestructive),
  );
  if (refused.length) {
    throw new ConfirmationRequired(toMessage(refused), {
      extra: { steps: refused.map((step) => ({ ...step, description: describeStep(step) })) },
    });
  }
  const context: StepContext = { version: options.version, actorId: options.actorId };
  for (const step of steps) await applyStep(trx, step, context);
}

/** In English by ids (as the CLI words steps); in Chinese by the step's own words when the plan carries them. */
function toMessage(refused: Step[]): Text {
  const zh = (list: Step[]) =>
    list
      .map((step) => (step.text && step.reasonText ? `${step.text.zh}：${step.reasonText.zh}` : describeStep(step)))
      .join('；');
  const blocked = refused.filter((step) => step.safety === 'blocked');
  if (blocked.length) {
    return {
      en: `${blocked.length} step(s) cannot be applied as defined: ${blocked.map((step) => `${describeStep(step)}: ${step.reason}`).join('; ')}`,
      zh: `${blocked.length} 个步骤无法按当前定义执行：${zh(blocked)}`,
    };
  }
  return {
    en: `${refused.length} destructive step(s) need confirmation: ${refused.map((step) => `${describeStep(step)}: ${step.reason}`).join('; ')}`,
    zh: `${refused.length} 个会丢失数据的步骤需要确认：${zh(refused)}`,
  };
}
