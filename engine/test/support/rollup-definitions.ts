import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import type { EntityDefinition } from '../../src/definitions/entity.js';

/** Roll-ups of `contract` over its `payment` lines: one of each operation. */
export const CONTRACT_ROLLUPS: EntityDefinition['properties'] = {
  lineCount: { type: 'integer', title: 'Lines', 'x-rollup': { from: 'payment', via: 'contract', op: 'count' } },
  paidTotal: {
    type: 'number',
    title: 'Paid',
    'x-currency': 'CNY',
    'x-rollup': { from: 'payment', via: 'contract', op: 'sum', field: 'amount' },
  },
  smallest: {
    type: 'number',
    'x-currency': 'CNY',
    'x-rollup': { from: 'payment', via: 'contract', op: 'min', field: 'amount' },
  },
  largest: {
    type: 'number',
    'x-currency': 'CNY',
    'x-rollup': { from: 'payment', via: 'contract', op: 'max', field: 'amount' },
  },
  received: {
    type: 'number',
    'x-currency': 'CNY',
    'x-rollup': { from: 'payment', via: 'contract', op: 'sum', field: 'amount', where: 'status = "received"' },
  },
  bigReceived: {
    type: 'integer',
    'x-rollup': { from: 'payment', via: 'contract', op: 'count', where: 'status = "received" AND amount >= 500' },
  },
  average: { type: 'number', 'x-rollup': { from: 'payment', via: 'contract', op: 'avg', field: 'amount' } },
  lastPaid: {
    type: 'string',
    format: 'date',
    'x-rollup': { from: 'payment', via: 'contract', op: 'max', field: 'paidOn' },
  },
};

/** A contract and its payments; `rollups` false: the same entities without roll-ups (a publish adds them). */
export function contractSet(rollups = true): DefinitionSet {
  const contract: EntityDefinition = {
    $id: 'contract',
    title: 'Contract',
    type: 'object',
    'x-entity': { titleField: 'name' },
    required: ['name'],
    properties: { name: { type: 'string', maxLength: 200 }, ...(rollups ? structuredClone(CONTRACT_ROLLUPS) : {}) },
  };
  const payment: EntityDefinition = {
    $id: 'payment',
    title: 'Payment',
    type: 'object',
    'x-entity': { titleField: 'label' },
    properties: {
      label: { type: 'string', maxLength: 200 },
      amount: { type: 'number', 'x-currency': 'CNY' },
      paidOn: { type: 'string', format: 'date' },
      status: { type: 'string', enum: ['planned', 'received'] },
      contract: { type: 'string', format: 'uuid', 'x-relation': { entity: 'contract', onDelete: 'cascade' } },
    },
  };
  return { entities: [contract, payment], workflows: [] };
}
