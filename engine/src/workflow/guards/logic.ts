import type { NamedReference } from '../../definitions/workflow.js';
import type { GuardFailure, GuardSpec } from './types.js';

type Ref = NamedReference | string;

// The built-in and/or/not of XState are functions, not JSON, so the library offers its own combinators.
const REF = {
  anyOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string', minLength: 1 }, params: { type: 'object' } },
      additionalProperties: false,
    },
  ],
};
const LIST = {
  type: 'object',
  required: ['guards'],
  properties: { guards: { type: 'array', minItems: 1, items: REF } },
  additionalProperties: false,
};

/** Passes when every nested guard passes; the reason is the first failure's. */
export const all: GuardSpec<{ guards: Ref[] }> = {
  name: 'all',
  params: LIST,
  evaluate(ctx, { guards }) {
    for (const ref of guards) {
      const result = ctx.evaluate(ref);
      if (result !== true) return result;
    }
    return true;
  },
  children: ({ guards }) => guards.map((ref, i) => ({ pointer: `/guards/${i}`, ref })),
};

/** Passes when at least one nested guard passes; the reason joins every failure. */
export const any: GuardSpec<{ guards: Ref[] }> = {
  name: 'any',
  params: LIST,
  evaluate(ctx, { guards }) {
    const failures: GuardFailure[] = [];
    for (const ref of guards) {
      const result = ctx.evaluate(ref);
      if (result === true) return true;
      failures.push(result);
    }
    return {
      reason: {
        en: failures.map((f) => f.reason.en).join('; or '),
        zh: failures.map((f) => f.reason.zh).join('；或 '),
      },
    };
  },
  children: ({ guards }) => guards.map((ref, i) => ({ pointer: `/guards/${i}`, ref })),
};

/** Passes when the nested guard fails. */
export const not: GuardSpec<{ guard: Ref }> = {
  name: 'not',
  params: { type: 'object', required: ['guard'], properties: { guard: REF }, additionalProperties: false },
  evaluate(ctx, { guard }) {
    if (ctx.evaluate(guard) !== true) return true;
    const name = typeof guard === 'string' ? guard : guard.type;
    return { reason: { en: `condition "${name}" must not hold`, zh: `条件“${name}”不能成立` } };
  },
  children: ({ guard }) => [{ pointer: '/guard', ref: guard }],
};
