import { describe, expect, it } from 'vitest';
import { validateEntity, type EntityContext } from './validate-entity.js';

const context: EntityContext = { entityIds: new Set(['customer']), workflowIds: new Set() };

const customer = (section: Record<string, unknown>): unknown => ({
  $id: 'customer',
  title: 'Customer',
  type: 'object',
  'x-entity': { titleField: 'name', sections: [{ id: 'basic', title: { zh: '基本信息' } }, section] },
  properties: { name: { type: 'string', 'x-ui': { section: 'basic' } } },
});

describe('x-entity.sections[].columns: a section in one or two columns', () => {
  it('is optional, and may be 1 or 2', () => {
    expect(validateEntity(customer({ id: 'finance', title: '财务信息' }), context)).toEqual([]);
    expect(validateEntity(customer({ id: 'finance', title: '财务信息', columns: 1 }), context)).toEqual([]);
    expect(validateEntity(customer({ id: 'finance', title: '财务信息', columns: 2 }), context)).toEqual([]);
  });

  it('is refused as anything else, at its pointer', () => {
    expect(validateEntity(customer({ id: 'finance', title: '财务信息', columns: 3 }), context)).toContainEqual(
      expect.objectContaining({ pointer: '/x-entity/sections/1/columns', keyword: 'enum' }),
    );
  });
});
