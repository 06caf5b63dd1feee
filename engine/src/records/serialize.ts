import type { CompiledEntity } from '../model/compile-model.js';
import { attributesOf } from './attributes.js';
import type { RecordJson, SortKey } from './types.js';

const allNames = new WeakMap<CompiledEntity, string[]>();

/** Every attribute name of the entity (system columns, then fields), cached per compiled entity. */
export function recordNames(entity: CompiledEntity): string[] {
  let names = allNames.get(entity);
  if (!names) allNames.set(entity, (names = [...attributesOf(entity).byName.keys()]));
  return names;
}

/** A row as record JSON: exactly `names` (default all), timestamps as ISO strings, absent values as null. */
export function toRecordJson(row: Record<string, unknown>, names: string[]): RecordJson {
  // `names` hold `id`: every attribute list does, and `fields` always adds it.
  const record = {} as RecordJson;
  for (const name of names) {
    const value = row[name];
    record[name] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return record;
}

/** The sort values of a list row (selected as `__k0..n`), in sort order, for the next page's cursor. */
export function toCursorValues(row: Record<string, unknown>, sort: SortKey[]): unknown[] {
  return sort.map((_key, i) => row[`__k${i}`] ?? null);
}
