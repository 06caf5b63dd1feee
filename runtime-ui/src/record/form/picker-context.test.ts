import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import { pickerContextOf } from './picker-context';

const entity = (id: string, properties: Record<string, unknown>) =>
  ({ $id: id, properties, 'x-entity': { titleField: 'name' } }) as unknown as EntityDefinition;
const toOne = (target: string) => ({ type: 'string', format: 'uuid', 'x-relation': { entity: target } });
const toMany = (target: string) => ({ type: 'array', items: { type: 'string' }, 'x-relation': { entity: target } });

const customer = entity('customer', { name: { type: 'string' }, primaryContact: toOne('contact') });
const contact = entity('contact', { name: { type: 'string' }, customer: toOne('customer') });
const opportunity = entity('opportunity', {
  customer: toOne('customer'),
  contacts: toMany('contact'),
  decisionMaker: toOne('contact'),
});

describe('pickerContextOf', () => {
  it("offers an opportunity's contacts from the customer the form names", () => {
    const form = { entity: opportunity, values: { customer: 'c1' }, field: 'contacts' };
    expect(pickerContextOf(contact, form)).toEqual({ field: 'customer', value: 'c1', parent: 'customer' });
  });

  it('has nothing to offer first before the customer is chosen', () => {
    expect(pickerContextOf(contact, { entity: opportunity, values: {}, field: 'decisionMaker' })).toBeUndefined();
  });

  it("offers a customer's own contacts for its primary contact, once the customer exists", () => {
    const form = { entity: customer, recordId: 'c9', values: {}, field: 'primaryContact' };
    expect(pickerContextOf(contact, form)).toEqual({ field: 'customer', value: 'c9', parent: 'customer' });
    expect(pickerContextOf(contact, { ...form, recordId: undefined })).toBeUndefined();
  });

  it('never narrows a picker by the field it fills', () => {
    const form = { entity: opportunity, values: { customer: 'c1' }, field: 'customer' };
    expect(pickerContextOf(customer, form)).toBeUndefined();
  });
});
