import { checkCondition, expressionFields, type ConditionParams } from '../guard-facts-check.js';
import { factOf, TEXT } from '../guard-facts-read.js';
import type { GuardSpec } from './types.js';

/**
 * Passes when a yes/no formula over the record and its many-to-one parents is TRUE (`discount <=
 * customer.maxDiscount`); blank is not yes. The shell computes the value in SQL with the formula fields'
 * own compiler; the reason is `message`, or the expression with fields named by their titles.
 */
export const condition: GuardSpec<ConditionParams> = {
  name: 'condition',
  params: {
    type: 'object',
    required: ['check'],
    properties: {
      check: { type: 'string', minLength: 1, maxLength: 4000, description: 'A yes/no formula over the record' },
      message: TEXT,
    },
    additionalProperties: false,
  },
  evaluate(ctx, params) {
    const fact = factOf(ctx, conditionKey(params));
    if ('reason' in fact) return fact;
    if (fact.value === true) return true;
    return {
      reason: params.message ?? {
        en: `Condition not met: ${fact.label.en}`,
        zh: `条件不满足：${fact.label.zh}`,
      },
    };
  },
  fields: ({ check }) => expressionFields(check, '/check'),
  check: checkCondition,
  fact: (params) => conditionKey(params),
};

function conditionKey({ check }: ConditionParams): string {
  return `condition:${check}`;
}
