import type { EntityDefinition } from '@lodestar/core';
import { describe, expect, it } from 'vitest';
import { toField, toForm } from './field-model';

const contract: EntityDefinition = {
  $id: 'contract',
  title: 'Contract',
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: {
    name: { type: 'string' },
    received: {
      type: 'number',
      'x-currency': 'CNY',
      'x-rollup': { from: 'payment', via: 'contract', op: 'sum', field: 'amount', where: 'status = "received"' },
    },
  },
};

describe('the field editor and x-rollup', () => {
  it('reads a roll-up into its pickers and writes it back unchanged', () => {
    const form = toForm(contract, 'received');
    expect(form.rollup).toEqual({
      from: 'payment',
      via: 'contract',
      op: 'sum',
      field: 'amount',
      where: 'status = "received"',
    });
    expect(toField(form, contract.properties.received)['x-rollup']).toEqual(contract.properties.received!['x-rollup']);
  });

  it('leaves out an empty filter, the field of a count, and any default', () => {
    const form = toForm(contract, 'received');
    const field = toField(
      { ...form, kind: 'integer', defaultValue: '3', rollup: { ...form.rollup!, op: 'count', where: ' ' } },
      contract.properties.received,
    );
    expect(field['x-rollup']).toEqual({ from: 'payment', via: 'contract', op: 'count' });
    expect(field.default).toBeUndefined();
  });

  it('drops x-rollup when the field stops being a roll-up', () => {
    const form = toForm(contract, 'received');
    expect(toField({ ...form, rollup: undefined }, contract.properties.received)).not.toHaveProperty('x-rollup');
  });
});
