import { TEXT_KEY_KINDS, matchSteps, uniqueKeySteps, type KeyIndexSpec } from '@lodestar/core';
import type { EntityDefinition } from '../definitions/entity.js';
import { toFieldKind } from './column-types.js';
import { toConstraintName } from './table-spec.js';

/** Index names end so: a 23505 on `…_ukey` is a unique key's conflict (key-conflict.ts words it). */
export const UNIQUE_KEY_SUFFIX = 'ukey';
const LOOKUP_SUFFIX = 'dkey';

/**
 * The key indexes of an entity: one unique expression index per `x-entity.unique` key, and one lookup
 * index per text field a duplicate check matches on (exact and prefix searches on the normalised value).
 */
export function compileKeys(entity: EntityDefinition): KeyIndexSpec[] {
  const table = entity.$id;
  const options = entity['x-entity'];
  const kindOf = (name: string) => {
    const field = entity.properties[name];
    return field ? toFieldKind(field) : undefined;
  };
  const keys: KeyIndexSpec[] = (options.unique ?? []).map((key) => ({
    name: uniqueKeyName(table, key.fields),
    unique: true,
    parts: key.fields.map((column) => ({ column, steps: uniqueKeySteps(key, kindOf(column)) })),
  }));
  for (const field of options.duplicates?.match ?? []) {
    const kind = kindOf(field);
    if (!kind || !TEXT_KEY_KINDS.includes(kind)) continue;
    keys.push({
      name: toConstraintName([table, field], LOOKUP_SUFFIX),
      unique: false,
      parts: [{ column: field, steps: [...matchSteps(entity, field)] }],
    });
  }
  const seen = new Set<string>();
  return keys.filter((key) => !seen.has(key.name) && seen.add(key.name));
}

export function uniqueKeyName(table: string, fields: readonly string[]): string {
  return toConstraintName([table, ...fields], UNIQUE_KEY_SUFFIX);
}
