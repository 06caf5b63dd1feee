import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import { buildFormModel } from './formSchema';

const entity = {
  $id: 'customer',
  title: 'Customer',
  type: 'object',
  'x-entity': {
    titleField: 'name',
    sections: [
      { id: 'basic', title: { zh: '基本信息' } },
      { id: 'finance', title: { zh: '财务信息' }, columns: 1 },
    ],
  },
  properties: {
    name: { type: 'string', 'x-ui': { section: 'basic' } },
    revenue: { type: 'number', 'x-ui': { section: 'finance', order: 2 } },
    capital: { type: 'number', 'x-ui': { section: 'finance', order: 1 } },
  },
} as EntityDefinition;

describe('a section of one column (x-entity.sections[].columns)', () => {
  it('reaches the form model; sections without it keep the default two', () => {
    const model = buildFormModel({
      entity,
      kinds: { name: 'text', revenue: 'number', capital: 'number' },
      recordType: undefined,
      lang: 'zh',
      readOnly: new Set(),
      isNew: true,
    });
    expect(model.sections).toEqual([
      { id: 'basic', title: '基本信息', fields: ['name'] },
      { id: 'finance', title: '财务信息', fields: ['capital', 'revenue'], columns: 1 },
    ]);
  });
});
