import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import { emptyForm, toField, toForm } from './field-model';

const customer: EntityDefinition = {
  $id: 'customer',
  title: 'Customer',
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: {
    name: { type: 'string' },
    city: { type: 'string', 'x-ui': { widget: 'city', list: true } },
    note: { type: 'string', 'x-ui': { widget: 'markdown' } },
  },
};

describe('a region field in the field editor', () => {
  it('opens a city field as a text field picked from regions, and writes it back unchanged', () => {
    const form = toForm(customer, 'city');
    expect(form).toMatchObject({ kind: 'text', region: 'city', list: true });
    expect(toField(form, customer.properties.city)['x-ui']).toEqual({ widget: 'city', list: true });
  });

  it('sets and clears the region, and keeps a widget it does not own', () => {
    const province = toField({ ...emptyForm(), name: 'province', titleZh: '省份', region: 'province' });
    expect(province['x-ui']).toEqual({ widget: 'province' });
    expect(toField({ ...toForm(customer, 'city'), region: '' }, customer.properties.city)['x-ui']).toEqual({
      list: true,
    });
    expect(toField(toForm(customer, 'note'), customer.properties.note)['x-ui']).toEqual({ widget: 'markdown' });
    // A long text does not pick from regions.
    const long = toField({ ...emptyForm(), kind: 'longText', name: 'memo', region: 'city' });
    expect(long['x-ui']).toBeUndefined();
  });
});
