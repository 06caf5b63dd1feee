import { checkRelated, type RelatedParams } from '../guard-facts-check.js';
import { factOf, TEXT } from '../guard-facts-read.js';
import type { GuardSpec } from './types.js';

const COUNT = { type: 'integer', minimum: 0 };

/**
 * Passes when the number of `entity` records whose many-to-one `via` points at this record (and that match
 * `where`, a yes/no formula over the child and its parents) is at least `min` and at most `max`; without
 * either, at least one must exist. The shell counts in SQL; the reason names the entity, the condition and
 * the count by titles.
 */
export const related: GuardSpec<RelatedParams> = {
  name: 'related',
  params: {
    type: 'object',
    required: ['entity', 'via'],
    properties: {
      entity: { type: 'string', minLength: 1 },
      via: { type: 'string', minLength: 1 },
      where: { type: 'string', minLength: 1, maxLength: 4000, description: 'A yes/no formula over the related record' },
      min: COUNT,
      max: COUNT,
      message: TEXT,
    },
    additionalProperties: false,
  },
  evaluate(ctx, params) {
    const fact = factOf(ctx, relatedKey(params));
    if ('reason' in fact) return fact;
    const count = Number(fact.value ?? 0);
    const { min, max } = bounds(params);
    if (count >= min && (max === undefined || count <= max)) return true;
    if (params.message) return { reason: params.message };
    const what = fact.label;
    if (max === undefined)
      return {
        reason: {
          en: `At least ${min} ${what.en} required; there ${count === 1 ? 'is' : 'are'} ${count}`,
          zh: `至少需要 ${min} 条${what.zh}，现有 ${count} 条`,
        },
      };
    if (min === 0)
      return {
        reason: {
          en: `At most ${max} ${what.en} allowed; there ${count === 1 ? 'is' : 'are'} ${count}`,
          zh: `${what.zh}最多 ${max} 条，现有 ${count} 条`,
        },
      };
    return {
      reason: {
        en: `Between ${min} and ${max} ${what.en} required; there ${count === 1 ? 'is' : 'are'} ${count}`,
        zh: `${what.zh}需要 ${min} 到 ${max} 条，现有 ${count} 条`,
      },
    };
  },
  // The child's relation field, so validation reports an unknown entity or field at its pointer.
  fields: ({ entity, via }) => [{ pointer: '/via', field: via, entity: { id: entity, pointer: '/entity' } }],
  check: checkRelated,
  fact: (params) => relatedKey(params),
};

/** The count a related guard asks for: `min` defaults to 1 when no bound is given, else 0. */
export function bounds({ min, max }: RelatedParams): { min: number; max?: number } {
  if (min === undefined && max === undefined) return { min: 1 };
  return { min: min ?? 0, ...(max !== undefined && { max }) };
}

function relatedKey({ entity, via, where }: RelatedParams): string {
  return `related:${JSON.stringify([entity, via, where ?? null])}`;
}
