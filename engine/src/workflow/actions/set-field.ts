import { readSource, SOURCE_PATTERN, sourceField } from './source.js';
import type { ActionSpec } from './types.js';

type Params = { field: string; value?: unknown; valueFrom?: string; ifEmpty?: boolean };

/**
 * Sets one field of the record, to a literal or to a value read from the record, the actor or the clock;
 * with `ifEmpty`, only when the field holds nothing yet (a complaint's "received at" is now unless the
 * creator gave the time the customer called).
 */
export const setField: ActionSpec<Params> = {
  name: 'setField',
  phase: 'inTransaction',
  params: {
    type: 'object',
    required: ['field'],
    properties: {
      field: { type: 'string', minLength: 1 },
      value: {},
      valueFrom: { type: 'string', pattern: SOURCE_PATTERN },
      ifEmpty: { type: 'boolean', description: 'Set the field only when it is empty; a value it holds is kept.' },
    },
    additionalProperties: false,
    oneOf: [
      { properties: { value: {} }, required: ['value'] },
      { properties: { valueFrom: {} }, required: ['valueFrom'] },
    ],
  },
  plan(ctx, { field, value, valueFrom, ifEmpty }) {
    const held = ctx.record[field];
    // Planned as setting what it holds, so the transition's write (and its audit row) stays the same.
    if (ifEmpty && held !== null && held !== undefined && held !== '')
      return { kind: 'setField', phase: 'inTransaction', field, value: held };
    return {
      kind: 'setField',
      phase: 'inTransaction',
      field,
      value: valueFrom === undefined ? value : readSource(valueFrom, ctx),
    };
  },
  check: ({ field, valueFrom }, { bound }) => {
    const target = bound?.properties[field];
    if (target?.['x-rollup']) {
      const computed = `field "${field}" is a roll-up, computed from related records; an action cannot set it`;
      return [
        {
          pointer: '/field',
          keyword: 'readOnly',
          message: computed,
          i18n: { en: computed, zh: `字段“${field}”是汇总字段，由关联记录汇总得出，流程操作不能设置它` },
        },
      ];
    }
    // "now" is a moment: it fits a date-time, a date (today, see runtime/apply-effects.ts) or a plain text.
    if (valueFrom !== 'now' || !target) return [];
    const fits =
      target.type === 'string' &&
      (target.format === undefined || target.format === 'date' || target.format === 'date-time') &&
      !target.enum &&
      !target['x-relation'];
    if (fits) return [];
    const message = `"now" is a date and time; field "${field}" cannot hold it`;
    return [
      {
        pointer: '/valueFrom',
        keyword: 'fieldKind',
        message,
        i18n: { en: message, zh: `“now”是日期时间，字段“${field}”不能保存它` },
      },
    ];
  },
  fields: ({ field, value, valueFrom }) => [
    { pointer: '/field', field, write: true, values: valueFrom === undefined ? [{ pointer: '/value', value }] : [] },
    ...(valueFrom ? sourceField(valueFrom, '/valueFrom') : []),
  ],
};
