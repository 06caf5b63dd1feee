import type { DefinitionSet } from '../../src/definitions/definition-set.js';

/** A commission names its salesperson (a user field, x-user); sales staff read and write every commission. */
export const USER_FIELD_DEFINITIONS: DefinitionSet = {
  entities: [
    {
      $id: 'commission',
      title: 'Commission',
      type: 'object',
      'x-i18n': { title: { zh: '提成', en: 'Commission' } },
      'x-entity': { titleField: 'title' },
      properties: {
        title: { type: 'string', maxLength: 100 },
        amount: { type: 'number', 'x-currency': 'CNY' },
        salesperson: {
          type: 'string',
          format: 'uuid',
          'x-user': true,
          'x-i18n': { title: { zh: '销售员', en: 'Salesperson' } },
        },
        note: { type: 'string', maxLength: 200 },
      },
      required: ['title'],
    },
  ],
  workflows: [],
  roles: {
    roles: {
      sales: {
        title: { zh: '销售', en: 'Sales' },
        entities: { commission: { read: 'all', create: 'all', update: 'all' } },
      },
    },
  },
};
