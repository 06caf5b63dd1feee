import { describe, expect, it } from 'vitest';
import { validateDefinitionSet } from './validate-definition-set.js';
import { validateEntity } from './validate-entity.js';

const context = { entityIds: new Set(['deal']), workflowIds: new Set<string>() };
const deal = (change: (entity: any) => void) => {
  const entity: any = {
    $id: 'deal',
    title: 'Deal',
    type: 'object',
    'x-entity': { titleField: 'name' },
    properties: { name: { type: 'string', maxLength: 200 }, amount: { type: 'number' } },
    required: ['name'],
  };
  change(entity);
  return entity;
};
const seen = (issues: { pointer: string; keyword: string }[]) => issues.map((i) => `${i.pointer} ${i.keyword}`);

describe('an entity broken in shape', () => {
  it('still reports its other problems: a broken field does not hide an unknown required field', () => {
    const entity = deal((e) => {
      e.properties.name.maxLength = 'long';
      e.required.push('ghost');
      e['x-entity'].indexes = [['nowhere']];
    });
    expect(seen(validateEntity(entity, context))).toEqual([
      '/properties/name/maxLength type',
      '/required/1 unknownField',
      '/x-entity/indexes/0/0 unknownField',
    ]);
  });

  it('reports a broken option once, and the rest of the entity beside it', () => {
    const entity = deal((e) => {
      e['x-entity'].recordTypes = 'lots';
      e.required.push('ghost');
    });
    expect(seen(validateEntity(entity, context))).toEqual(['/x-entity/recordTypes type', '/required/1 unknownField']);
  });

  it('keeps a broken field a field for the workflows that name it', () => {
    const entity = deal((e) => (e.properties.amount.minimum = 'zero'));
    const workflow = {
      id: 'sales',
      initial: 'open',
      meta: { entity: 'deal' },
      states: { open: { on: { GO: 'nowhere' } } },
    };
    expect(seen(validateDefinitionSet({ entities: [entity], workflows: [workflow] }))).toEqual([
      '/properties/amount/minimum type',
      '/states/open/on/GO unknownState',
    ]);
  });

  it('gives up where nothing can stand in (no $id): the shape issues alone', () => {
    const entity = deal((e) => {
      delete e.$id;
      e.required.push('ghost');
    });
    expect(seen(validateEntity(entity, context))).toEqual(['/$id required']);
  });
});
