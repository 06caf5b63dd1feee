import { describe, expect, it } from 'vitest';
import { validateEntity } from './validate-entity.js';

const entity = (highlights: unknown) => ({
  $id: 'deal',
  title: 'Deal',
  type: 'object',
  'x-entity': { titleField: 'name' },
  'x-ui': { highlights },
  properties: {
    name: { type: 'string' },
    amount: { type: 'number' },
    tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
    notes: { type: 'array', items: { type: 'object' } },
  },
});
const context = { entityIds: new Set(['deal']), workflowIds: new Set<string>() };

describe('x-ui.highlights', () => {
  it('accepts fields of the entity, choices lists included', () => {
    expect(validateEntity(entity(['amount', 'name', 'tags']), context)).toEqual([]);
  });

  it('names an unknown field at its pointer, in both languages', () => {
    const issues = validateEntity(entity(['amount', 'nope']), context);
    expect(issues).toMatchObject([
      { pointer: '/x-ui/highlights/1', keyword: 'unknownField', i18n: { zh: expect.stringContaining('nope') } },
    ]);
  });

  it('refuses a list of objects, and a malformed keyword by the meta-schema', () => {
    expect(validateEntity(entity(['notes']), context)).toMatchObject([{ pointer: '/x-ui/highlights/0' }]);
    expect(validateEntity(entity('amount'), context)).toMatchObject([{ pointer: '/x-ui/highlights' }]);
  });
});
