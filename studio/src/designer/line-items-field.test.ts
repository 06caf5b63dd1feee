import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import { toField, toForm } from './field-model';

const quoteLine: EntityDefinition = {
  $id: 'quoteLine',
  title: 'Quote line',
  type: 'object',
  'x-entity': { titleField: 'product' },
  properties: {
    product: { type: 'string' },
    position: { type: 'integer' },
    quote: { type: 'string', format: 'uuid', 'x-relation': { entity: 'quote', onDelete: 'cascade' } },
  },
};

describe('明细 / Line items of the parent on a many-to-one relation', () => {
  it('writes items and the position field into x-relation, and keeps them when the field is opened again', () => {
    const form = { ...toForm(quoteLine, 'quote'), items: 'lines', itemOrder: 'position' };
    const field = toField(form);
    expect(field['x-relation']).toEqual({
      entity: 'quote',
      onDelete: 'cascade',
      items: 'lines',
      itemOrder: 'position',
    });
    const reopened = toForm({ ...quoteLine, properties: { ...quoteLine.properties, quote: field } }, 'quote');
    expect(reopened).toMatchObject({ items: 'lines', itemOrder: 'position' });
  });

  it('leaves x-relation as it was when the box is not ticked', () => {
    expect(toField({ ...toForm(quoteLine, 'quote'), items: '', itemOrder: 'position' })['x-relation']).toEqual({
      entity: 'quote',
      onDelete: 'cascade',
    });
  });
});
