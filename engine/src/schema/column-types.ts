import type { FieldKind } from '@lodestar/core';
import type { FieldDefinition } from '../definitions/entity.js';
import type { SqlType } from './table-spec.js';

// The kinds are part of the contract with the apps (@lodestar/core field-kind.ts).
export type { FieldKind };

const INT4_MAX = 2147483647;
export const MONEY_PRECISION = 18;

/** Decides the kind of a field from its JSON Schema; undefined when the shape is not supported. */
export function toFieldKind(field: FieldDefinition): FieldKind | undefined {
  const relation = field['x-relation'];
  switch (field.type) {
    case 'string':
      if (relation) return 'manyToOne';
      if (field['x-user']) return 'user';
      if (field.enum) return 'choice';
      return stringKind(field);
    case 'integer':
      return 'integer';
    case 'number':
      return field['x-currency'] !== undefined ? 'money' : 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'json';
    case 'array':
      if (relation) return 'manyToMany';
      if (field.items?.enum) return 'multiChoice';
      if (field.items?.type === 'string') return 'textList';
      return 'json';
    default:
      return undefined;
  }
}

function stringKind(field: FieldDefinition): FieldKind {
  switch (field.format) {
    case 'date':
      return 'date';
    case 'date-time':
      return 'dateTime';
    case 'email':
      return 'email';
    case 'phone':
      return 'phone';
    case 'uri':
      return 'url';
    case 'uuid':
      return 'uuid';
    default:
      return field['x-multiline'] ? 'longText' : 'text';
  }
}

/** The single mapping from a field to its Postgres column type; undefined for junction-stored fields. */
export function toColumnType(field: FieldDefinition): SqlType | undefined {
  const kind = toFieldKind(field);
  switch (kind) {
    case 'text':
      return field.maxLength !== undefined ? { base: 'varchar', length: field.maxLength } : { base: 'text' };
    case 'longText':
    case 'url':
    case 'choice':
      return { base: 'text' };
    case 'email':
      return { base: 'varchar', length: field.maxLength ?? 320 };
    case 'phone':
      return { base: 'varchar', length: field.maxLength ?? 40 };
    case 'integer':
      return fitsInt4(field) ? { base: 'integer' } : { base: 'bigint' };
    case 'number':
      return { base: 'double precision' };
    case 'money':
      return { base: 'numeric', precision: MONEY_PRECISION, scale: field['x-scale'] ?? 2 };
    case 'boolean':
      return { base: 'boolean' };
    case 'date':
      return { base: 'date' };
    case 'dateTime':
      return { base: 'timestamptz' };
    case 'uuid':
    case 'manyToOne':
    case 'user':
      return { base: 'uuid' };
    case 'multiChoice':
    case 'textList':
      return { base: 'text', array: true };
    case 'json':
      return { base: 'jsonb' };
    case 'manyToMany':
    case undefined:
      return undefined;
  }
}

/** integer unless a declared bound does not fit in int4. */
function fitsInt4(field: FieldDefinition): boolean {
  const inRange = (n: number | undefined) => n === undefined || (n <= INT4_MAX && n >= -INT4_MAX - 1);
  return inRange(field.minimum) && inRange(field.maximum);
}
