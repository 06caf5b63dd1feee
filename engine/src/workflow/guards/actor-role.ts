import type { GuardSpec } from './types.js';

/** Passes when the actor holds at least one of the listed roles. */
export const actorHasRole: GuardSpec<{ roles: string[] }> = {
  name: 'actorHasRole',
  params: {
    type: 'object',
    required: ['roles'],
    properties: { roles: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
    additionalProperties: false,
  },
  evaluate(ctx, { roles }) {
    if (roles.some((role) => ctx.actor.roles.includes(role))) return true;
    const titles = roles.map((role) => ctx.roleTitle?.(role) ?? { en: role, zh: role });
    return {
      reason: {
        en: `only ${titles.map((t) => t.en).join(' or ')} may do this`,
        zh: `仅限${titles.map((t) => t.zh).join('或')}操作`,
      },
    };
  },
};
