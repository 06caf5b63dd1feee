import { checkRecordExpression } from '../../formula/record-expression.js';
import { issueOf, type Issue } from '../../errors.js';
import type { EntityLookup } from '../guard-facts-check.js';
import { factOf, TEXT } from '../guard-facts-read.js';
import type { GuardSpec } from './types.js';

/** The params of the `actorOwns` guard: how many `entity` records the event's sender owns that match `where`. */
export interface ActorOwnsParams {
  entity: string;
  where?: string;
  min?: number;
  max?: number;
  message?: { en: string; zh: string };
}

const COUNT = { type: 'integer', minimum: 0 };

/**
 * Passes when the number of `entity` records the actor owns (matching `where`, a yes/no formula over them) is at
 * least `min` and at most `max`: a claim limit per salesperson ("at most 50 customers in the pool's
 * state"). The shell counts in SQL; a sender that is not a user owns nothing.
 */
export const actorOwns: GuardSpec<ActorOwnsParams> = {
  name: 'actorOwns',
  params: {
    type: 'object',
    required: ['entity'],
    properties: {
      entity: { type: 'string', minLength: 1 },
      where: { type: 'string', minLength: 1, maxLength: 4000, description: 'A yes/no formula over the owned record' },
      min: COUNT,
      max: COUNT,
      message: TEXT,
    },
    additionalProperties: false,
  },
  evaluate(ctx, params) {
    const fact = factOf(ctx, actorOwnsKey(params));
    if ('reason' in fact) return fact;
    const count = Number(fact.value ?? 0);
    const min = params.min ?? 0;
    if (count >= min && (params.max === undefined || count <= params.max)) return true;
    if (params.message) return { reason: params.message };
    const what = fact.label;
    if (params.max !== undefined && count > params.max)
      return {
        reason: {
          en: `You may have at most ${params.max} ${what.en}; you have ${count}`,
          zh: `每人最多 ${params.max} 条${what.zh}，您已有 ${count} 条`,
        },
      };
    return {
      reason: {
        en: `You need at least ${min} ${what.en}; you have ${count}`,
        zh: `至少需要 ${min} 条${what.zh}，您现有 ${count} 条`,
      },
    };
  },
  check: checkActorOwns,
  fact: (params) => actorOwnsKey(params),
};

function actorOwnsKey({ entity, where }: ActorOwnsParams): string {
  return `actorOwns:${JSON.stringify([entity, where ?? null])}`;
}

/** Issues of an actorOwns guard: the entity must exist, `where` be yes/no over it, min ≤ max. */
export function checkActorOwns(params: ActorOwnsParams, entities: EntityLookup): Issue[] {
  const owned = entities.find(params.entity);
  if (!owned)
    return [
      issueOf('/entity', 'unknownEntity', {
        en: `there is no entity "${params.entity}"`,
        zh: `没有名为“${params.entity}”的实体`,
      }),
    ];
  const issues: Issue[] = [];
  if (params.where !== undefined) {
    const lookup = { get: (id: string) => entities.find(id) } as unknown as Parameters<typeof checkRecordExpression>[0];
    issues.push(...checkRecordExpression(lookup, owned, params.where, '/where', 'boolean', { actor: true }).issues);
  }
  if (params.min !== undefined && params.max !== undefined && params.min > params.max)
    issues.push(
      issueOf('/max', 'relatedRange', {
        en: `max (${params.max}) is below min (${params.min}): no count passes`,
        zh: `最多（${params.max}）小于最少（${params.min}），任何数量都不满足`,
      }),
    );
  return issues;
}
