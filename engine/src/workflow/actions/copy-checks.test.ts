import { describe, expect, it } from 'vitest';
import type { EntityDefinition, FieldDefinition } from '../../definitions/entity.js';
import { checkCopy, copyPairs } from './copy-checks.js';

const entity = (id: string, properties: Record<string, FieldDefinition>): EntityDefinition => ({
  $id: id,
  title: id,
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties,
});
const source = entity('quote', {
  count: { type: 'integer' },
  price: { type: 'number', 'x-currency': 'CNY' },
  signedAt: { type: 'string', format: 'date-time' },
  level: { type: 'string', enum: ['a', 'b'] },
  email: { type: 'string', format: 'email' },
  rep: { type: 'string', format: 'uuid', 'x-user': true },
  customer: { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer', onDelete: 'setNull' } },
  tags: {
    type: 'array',
    format: 'uuid',
    items: { type: 'string' },
    'x-relation': { entity: 'tag' },
  } as FieldDefinition,
});
const target = entity('order', {
  amount: { type: 'number' },
  count: { type: 'integer' },
  signedOn: { type: 'string', format: 'date' },
  note: { type: 'string' },
  grade: { type: 'string', enum: ['a', 'b', 'c'] },
  narrow: { type: 'string', enum: ['a'] },
  owner: { type: 'string', format: 'uuid', 'x-user': true },
  customer: { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer', onDelete: 'setNull' } },
  account: { type: 'string', format: 'uuid', 'x-relation': { entity: 'account', onDelete: 'setNull' } },
  tags: { type: 'array', items: { type: 'string' }, 'x-relation': { entity: 'tag' } } as FieldDefinition,
});

describe('what a copy may carry', () => {
  it.each<[string, string, boolean]>([
    ['amount', 'count', true], // a whole number is a number
    ['amount', 'price', true],
    ['count', 'price', false], // an amount may have cents
    ['signedOn', 'signedAt', true], // the day the moment falls on
    ['note', 'email', true],
    ['note', 'count', false],
    ['grade', 'level', true],
    ['narrow', 'level', false], // "b" has no place in the narrower choice
    ['owner', 'rep', true],
    ['owner', 'customer', false],
    ['customer', 'customer', true],
    ['account', 'customer', false], // a relation to another entity
    ['tags', 'tags', false], // many-to-many links are not copied
  ])('%s ← %s: %s', (to, from, fits) => {
    expect(checkCopy(copyPairs({ [to]: from }), source, target, '/copy', true)).toHaveLength(fits ? 0 : 1);
  });
});
