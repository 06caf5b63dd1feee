import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '../definitions/entity.js';
import { compileEntity } from './compile-entity.js';

const contact: EntityDefinition = {
  $id: 'contact',
  title: 'Contact',
  type: 'object',
  'x-entity': { titleField: 'name', indexes: [['name', 'email']] },
  properties: {
    name: { type: 'string', maxLength: 100 },
    email: { type: 'string', format: 'email', 'x-renamedFrom': 'mail' },
    customer: { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer', onDelete: 'cascade' } },
    tags: { type: 'array', items: { type: 'string', format: 'uuid' }, 'x-relation': { entity: 'tag' } },
    status: { type: 'string', enum: ['new', 'active'], default: 'new' },
  },
  required: ['name'],
};

describe('compileEntity', () => {
  const table = compileEntity(contact);
  const column = (name: string) => table.columns.find((c) => c.name === name);

  it('puts the system columns first and leaves out state when no workflow is bound', () => {
    expect(table.columns.slice(0, 3).map((c) => c.name)).toEqual(['id', 'record_type', 'owner_id']);
    expect(column('state')).toBeUndefined();
    expect(compileEntity(contact, new Set(['contact'])).columns.some((c) => c.name === 'state')).toBe(true);
  });

  it('makes required fields NOT NULL and keeps defaults, enum values and renames', () => {
    expect(column('name')).toMatchObject({ nullable: false, type: { base: 'varchar', length: 100 } });
    expect(column('status')).toMatchObject({
      nullable: true,
      default: { value: 'new' },
      enumValues: ['new', 'active'],
    });
    expect(column('email')?.renamedFrom).toBe('mail');
  });

  it('turns a many-to-one field into a foreign key with an index, and a many-to-many field into a junction', () => {
    expect(column('customer')?.references).toEqual({ table: 'customer', onDelete: 'cascade' });
    expect(table.indexes.map((i) => i.columns)).toContainEqual(['customer']);
    expect(column('tags')).toBeUndefined();
    expect(table.junctions).toEqual([{ name: 'contact__tags', field: 'tags', source: 'contact', target: 'tag' }]);
  });

  it('adds declared indexes', () => {
    expect(table.indexes).toContainEqual({ name: 'contact_name_email_idx', columns: ['name', 'email'] });
  });
});
