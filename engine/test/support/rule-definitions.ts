import type { DefinitionSet } from '../../src/definitions/definition-set.js';

/** A deal with two record types, formula rules beside a comparison rule, and a workflow action raising the discount. */
export const DISCOUNT_MESSAGE = { en: 'Discounts above 30% are for strategic deals', zh: '折扣超过 30% 仅限战略客户' };

export function ruleDefinitions(rules: unknown[]): DefinitionSet {
  return {
    entities: [
      {
        $id: 'deal',
        title: 'Deal',
        type: 'object',
        'x-entity': {
          titleField: 'name',
          recordTypes: { standard: { title: 'Standard' }, strategic: { title: 'Strategic' } },
        },
        properties: {
          name: { type: 'string', maxLength: 100 },
          discount: { type: 'number' },
          plannedStart: { type: 'string', format: 'date' },
          plannedEnd: { type: 'string', format: 'date' },
          note: { type: 'string', maxLength: 200 },
        },
        required: ['name'],
        'x-rules': rules,
      },
    ],
    workflows: [
      {
        id: 'deal-flow',
        initial: 'open',
        meta: { entity: 'deal' },
        states: {
          open: {
            on: {
              RAISE: { target: 'raised', actions: [{ type: 'setField', params: { field: 'discount', value: 0.5 } }] },
            },
          },
          raised: {},
        },
      },
    ],
    roles: {
      roles: {
        manager: {
          title: { en: 'Manager', zh: '经理' },
          entities: { '*': { read: 'all', create: 'all', update: 'all', delete: 'all' } },
        },
      },
    },
  } as unknown as DefinitionSet;
}

export const RULES = [
  { check: 'discount <= 0.3 OR recordType = "strategic"', field: 'discount', message: DISCOUNT_MESSAGE },
  { check: 'plannedEnd >= plannedStart', field: 'plannedEnd' },
  {
    check: 'NOT ISBLANK(note) OR COALESCE(discount, 0) = 0',
    field: 'note',
    message: { en: 'Say why there is a discount', zh: '有折扣时请填写说明' },
  },
  { field: 'discount', rule: 'gte', value: 0 },
];
