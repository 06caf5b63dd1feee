import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../definitions/entity.js';
import { toColumnType, toFieldKind } from './column-types.js';
import { toSqlType } from './table-spec.js';

const uuidRelation = { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer' } } as const;

describe('every field kind maps to one Postgres column type', () => {
  it.each<[string, FieldDefinition, string, string | undefined]>([
    ['text with length', { type: 'string', maxLength: 200 }, 'text', 'varchar(200)'],
    ['text without length', { type: 'string' }, 'text', 'text'],
    ['long text', { type: 'string', 'x-multiline': true }, 'longText', 'text'],
    ['integer', { type: 'integer' }, 'integer', 'integer'],
    ['big integer', { type: 'integer', maximum: 1e12 }, 'integer', 'bigint'],
    ['number', { type: 'number' }, 'number', 'double precision'],
    ['money', { type: 'number', 'x-currency': 'CNY' }, 'money', 'numeric(18,2)'],
    ['money with scale', { type: 'number', 'x-currency': 'USD', 'x-scale': 4 }, 'money', 'numeric(18,4)'],
    ['boolean', { type: 'boolean' }, 'boolean', 'boolean'],
    ['date', { type: 'string', format: 'date' }, 'date', 'date'],
    ['date-time', { type: 'string', format: 'date-time' }, 'dateTime', 'timestamptz'],
    ['email', { type: 'string', format: 'email' }, 'email', 'varchar(320)'],
    ['phone', { type: 'string', format: 'phone' }, 'phone', 'varchar(40)'],
    ['url', { type: 'string', format: 'uri' }, 'url', 'text'],
    ['single choice', { type: 'string', enum: ['a', 'b'] }, 'choice', 'text'],
    ['multiple choice', { type: 'array', items: { type: 'string', enum: ['a', 'b'] } }, 'multiChoice', 'text[]'],
    ['many-to-one', uuidRelation, 'manyToOne', 'uuid'],
    [
      'many-to-many',
      { type: 'array', items: { type: 'string', format: 'uuid' }, 'x-relation': { entity: 'contact' } },
      'manyToMany',
      undefined,
    ],
    ['list of text', { type: 'array', items: { type: 'string' } }, 'textList', 'text[]'],
    ['JSON object', { type: 'object' }, 'json', 'jsonb'],
  ])('%s', (_name, field, kind, sql) => {
    expect(toFieldKind(field)).toBe(kind);
    const type = toColumnType(field);
    expect(type && toSqlType(type)).toBe(sql);
  });
});
