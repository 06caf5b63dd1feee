import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import { highlightFields } from './highlights';

const entity = (ui?: unknown) =>
  ({
    $id: 'customer',
    'x-entity': { titleField: 'name', recordTypes: { gov: { title: 'Gov', fields: ['name', 'level', 'region'] } } },
    ...(ui !== undefined && { 'x-ui': ui }),
    properties: {
      name: { type: 'string', 'x-ui': { list: true, order: 1 } },
      city: { type: 'string', 'x-ui': { list: true, order: 9 } },
      level: { type: 'string', 'x-ui': { list: true, order: 2 } },
      revenue: { type: 'number', 'x-ui': { order: 3 } },
      region: { type: 'string', 'x-ui': { list: true, order: 4 } },
      phone: { type: 'string', 'x-ui': { list: true, order: 5 } },
      web: { type: 'string', 'x-ui': { list: true, order: 6 } },
    },
  }) as unknown as EntityDefinition;

describe('highlightFields', () => {
  it('takes the named fields, as the record type shows them', () => {
    expect(highlightFields(entity({ highlights: ['revenue', 'phone', 'level'] }), undefined)).toEqual([
      'revenue',
      'phone',
      'level',
    ]);
    expect(highlightFields(entity({ highlights: ['revenue', 'phone', 'level'] }), 'gov')).toEqual(['level']);
  });

  it('defaults to the first four list fields in order, title aside', () => {
    expect(highlightFields(entity(), undefined)).toEqual(['level', 'region', 'phone', 'web']);
  });
});
