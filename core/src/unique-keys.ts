import type { EntityDefinition, EntityOptions } from './definitions/types.js';
import type { FieldKind } from './field-kind.js';
import { CODE_KEY, NAME_KEY, type KeyStep } from './key-normalize.js';

/*
 * What a unique key and a duplicate check compare, field by field: the engine builds its indexes and
 * queries from this, the runtime UI normalises what the user types with it.
 */

export type UniqueKeyDefinition = NonNullable<EntityOptions['unique']>[number];
export type DuplicateCheckDefinition = NonNullable<EntityOptions['duplicates']>;
/** What a duplicate check tells about a match the user may not read. */
export type DuplicateReveal = NonNullable<DuplicateCheckDefinition['reveal']>;

/** Kinds stored as free text: the ones a normalisation applies to, and the only ones a duplicate check matches. */
export const TEXT_KEY_KINDS: readonly FieldKind[] = ['text', 'longText', 'email', 'phone', 'url'];

/** Kinds a unique key may include: single values with an equality (no lists, links tables or JSON). */
export const UNIQUE_KEY_KINDS: readonly FieldKind[] = [
  ...TEXT_KEY_KINDS,
  'choice',
  'integer',
  'number',
  'money',
  'date',
  'dateTime',
  'boolean',
  'uuid',
  'manyToOne',
];

/** The steps a unique key applies to one of its fields: its `normalize`, on text fields only. */
export function uniqueKeySteps(key: UniqueKeyDefinition, kind: FieldKind | undefined): KeyStep[] {
  return kind && TEXT_KEY_KINDS.includes(kind) ? [...(key.normalize ?? [])] : [];
}

/** A duplicate check compares the title field as a company name and every other field as a code. */
export function matchSteps(entity: EntityDefinition, field: string): readonly KeyStep[] {
  return entity['x-entity'].titleField === field ? NAME_KEY : CODE_KEY;
}

/** Default: the owner of a match the user cannot read, as Chinese CRMs show it. */
export function revealOf(entity: EntityDefinition): DuplicateReveal {
  return entity['x-entity'].duplicates?.reveal ?? 'owner';
}
