import { isFilled } from '../reference.js';
import type { GuardSpec } from './types.js';

/** Passes when every listed field of the stored record is filled in; the reason names the missing ones. */
export const requireFields: GuardSpec<{ fields: string[] }> = {
  name: 'requireFields',
  params: {
    type: 'object',
    required: ['fields'],
    properties: { fields: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
    additionalProperties: false,
  },
  evaluate(ctx, { fields }) {
    const missing = fields.filter((field) => !isFilled(ctx.record[field]));
    if (missing.length === 0) return true;
    const titles = missing.map((field) => ctx.fieldTitle?.(field) ?? { en: field, zh: field });
    return {
      reason: {
        en: `required field${missing.length > 1 ? 's' : ''} missing: ${titles.map((t) => t.en).join(', ')}`,
        zh: `缺少必填字段：${titles.map((t) => t.zh).join('、')}`,
      },
    };
  },
  fields: ({ fields }) => fields.map((field, i) => ({ pointer: `/fields/${i}`, field })),
};
