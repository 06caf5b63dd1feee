import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import { cellErrors, computedLine, lineListsOf, liveRollups, toLinesBody } from './lineItems';

const quote: EntityDefinition = {
  $id: 'quote',
  title: 'Quote',
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: {
    name: { type: 'string' },
    total: {
      type: 'number',
      'x-currency': 'CNY',
      'x-rollup': { from: 'line', via: 'quote', op: 'sum', field: 'amount' },
    },
    big: { type: 'integer', 'x-rollup': { from: 'line', via: 'quote', op: 'count', where: 'amount >= 10' } },
    top: { type: 'number', 'x-rollup': { from: 'line', via: 'quote', op: 'max', field: 'amount' } },
  },
};
const line: EntityDefinition = {
  $id: 'line',
  title: 'Line',
  type: 'object',
  'x-entity': { titleField: 'quantity' },
  required: ['quantity'],
  properties: {
    quantity: { type: 'integer', minimum: 1 },
    price: { type: 'number', 'x-currency': 'CNY' },
    amount: { type: 'number', 'x-currency': 'CNY', 'x-formula': 'quantity * price' },
    position: { type: 'integer' },
    quote: { type: 'string', format: 'uuid', 'x-relation': { entity: 'quote', items: 'lines', itemOrder: 'position' } },
  },
};
const [list] = lineListsOf([quote, line], quote, () => undefined);
const now = new Date('2026-12-07T00:00:00Z');

describe('line items in the form', () => {
  it('finds the list, its typed and computed columns, without the relation and the position', () => {
    expect(list).toMatchObject({ name: 'lines', via: 'quote', order: 'position', editable: ['quantity', 'price'] });
    expect(list!.computed).toEqual(['amount']);
  });

  it('computes amounts and the roll-ups as the engine does, filters included', () => {
    const lines = [
      { quantity: 3, price: 3.335 },
      { quantity: 1, price: 0.1 },
      { quantity: 2, price: 0.2 },
    ].map((values, i) => computedLine(list!, { key: String(i), values }, now));
    expect(lines.map((l) => l.amount)).toEqual([10.01, 0.1, 0.4]);
    expect(liveRollups(quote, list!, lines, now)).toEqual({ total: 10.51, big: 1, top: 10.01 });
    expect(liveRollups(quote, list!, [], now)).toEqual({ total: 0, big: 0, top: null });
  });

  it('marks cells the engine would refuse and sends stored lines with id and version', () => {
    expect(cellErrors(list!, { key: 'a', values: { quantity: 0, price: 1.234 } }, 'en')).toEqual({
      quantity: 'Must be at least 1',
      price: 'At most 2 decimal places',
    });
    expect(cellErrors(list!, { key: 'a', values: {} }, 'zh')).toEqual({ quantity: '必填' });
    expect(toLinesBody([{ key: 'x', id: 'x', version: 2, values: { quantity: 1, price: '' } }])).toEqual([
      { id: 'x', version: 2, quantity: 1, price: null },
    ]);
  });
});
