import type { Text } from '@lodestar/core';
import type { GuardContext, GuardFact, GuardFailure } from './guards/types.js';

/** A `{ en, zh }` params member: a definition's own wording of a refusal. */
export const TEXT = {
  type: 'object',
  required: ['en', 'zh'],
  properties: { en: { type: 'string', minLength: 1 }, zh: { type: 'string', minLength: 1 } },
  additionalProperties: false,
};

const NOT_LOADED: Text = {
  en: 'the condition could not be judged: its data was not read',
  zh: '无法判断条件：未读取所需数据',
};

/** The fact a data guard reads, or a refusal when the shell did not compute it (a guard never passes blind). */
export function factOf(ctx: Pick<GuardContext, 'facts'>, key: string): GuardFact | GuardFailure {
  return ctx.facts?.get(key) ?? { reason: NOT_LOADED };
}
