import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from './entity.js';
import { withIssueText } from './issue-text.js';
import { validateEntity, type EntityContext } from './validate-entity.js';

const context: EntityContext = { entityIds: new Set(['customer', 'contact']), workflowIds: new Set() };

const customer = (field: FieldDefinition): unknown => ({
  $id: 'customer',
  title: 'Customer',
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: { name: { type: 'string' }, field },
});

describe('x-ui.filter: the filter panel’s common fields', () => {
  it.each<[string, FieldDefinition]>([
    ['a choice', { type: 'string', enum: ['a', 'b'], 'x-ui': { filter: true } }],
    ['a multiple choice', { type: 'array', items: { type: 'string', enum: ['a'] }, 'x-ui': { filter: true } }],
    ['a money', { type: 'number', 'x-currency': 'CNY', 'x-ui': { filter: true } }],
    [
      'a many-to-one',
      { type: 'string', format: 'uuid', 'x-relation': { entity: 'contact' }, 'x-ui': { filter: true } },
    ],
  ])('is accepted on %s field', (_name, field) => {
    expect(validateEntity(customer(field), context)).toEqual([]);
  });

  it('is refused on an object field, at its pointer, in both languages', () => {
    const issues = validateEntity(customer({ type: 'object', 'x-ui': { filter: true } }), context);
    expect(issues).toContainEqual(
      expect.objectContaining({ pointer: '/properties/field/x-ui/filter', keyword: 'filterKind' }),
    );
    expect(withIssueText(issues).find((i) => i.keyword === 'filterKind')?.i18n?.zh).toBe('此类字段不能用于列表筛选');
  });

  it('must be a boolean (meta-schema)', () => {
    const field = { type: 'string', 'x-ui': { filter: 'yes' } } as unknown as FieldDefinition;
    expect(validateEntity(customer(field), context)).toContainEqual(
      expect.objectContaining({ pointer: '/properties/field/x-ui/filter', keyword: 'type' }),
    );
  });
});
