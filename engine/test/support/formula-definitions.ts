import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import type { EntityDefinition } from '../../src/definitions/entity.js';

/** Customers and quotes with formula fields: stored (total), across a relation (commission), on the clock (age). */
const customer: EntityDefinition = {
  $id: 'customer',
  title: 'Customer',
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: {
    name: { type: 'string', title: 'Name', maxLength: 200 },
    level: { type: 'string', title: 'Level', enum: ['key', 'normal'] },
    rate: { type: 'number', title: 'Rate' },
    since: { type: 'string', format: 'date', title: 'Customer since' },
    tenure: { type: 'integer', title: 'Days as customer', 'x-formula': 'DATEDIF(since, TODAY(), "d")' },
  },
  required: ['name'],
} as EntityDefinition;

const quote: EntityDefinition = {
  $id: 'quote',
  title: 'Quote',
  type: 'object',
  'x-entity': { titleField: 'title' },
  properties: {
    title: { type: 'string', title: 'Title', maxLength: 200 },
    amount: { type: 'number', title: 'Amount', 'x-currency': 'CNY', 'x-scale': 2 },
    discount: { type: 'number', title: 'Discount' },
    signedOn: { type: 'string', format: 'date', title: 'Signed on' },
    customer: { type: 'string', format: 'uuid', title: 'Customer', 'x-relation': { entity: 'customer' } },
    total: {
      type: 'number',
      title: 'Total',
      'x-currency': 'CNY',
      'x-scale': 2,
      'x-formula': 'amount * (1 - COALESCE(discount, 0))',
      minimum: 0,
    },
    commission: {
      type: 'number',
      title: 'Commission',
      'x-currency': 'CNY',
      'x-scale': 2,
      'x-formula': 'total * IF(customer.level = "key", 0.05, 0.03)',
    },
    age: { type: 'integer', title: 'Days since signed', 'x-formula': 'DATEDIF(signedOn, TODAY(), "d")' },
  },
  required: ['title'],
} as EntityDefinition;

/** Record types where one type does not show the formula: a change of type is judged on the whole record. */
const deal: EntityDefinition = {
  $id: 'deal',
  title: 'Deal',
  type: 'object',
  'x-entity': {
    titleField: 'title',
    recordTypes: { small: { title: 'Small', fields: ['title', 'amount'] }, big: { title: 'Big' } },
  },
  properties: {
    title: { type: 'string', title: 'Title', maxLength: 200 },
    amount: { type: 'number', title: 'Amount' },
    doubled: { type: 'number', title: 'Doubled', 'x-formula': 'amount * 2' },
  },
} as EntityDefinition;

export const FORMULA_DEFINITIONS: DefinitionSet = { entities: [customer, quote, deal], workflows: [] };
