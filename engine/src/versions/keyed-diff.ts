import { toCanonicalJson } from '../definitions/definition-set.js';
import type { KeyedDiff } from '@lodestar/core';
import type { Text } from '../errors.js';

// The diff's shape is core's (version-diff.ts): the studio reads the same type.
export type { KeyedDiff } from '@lodestar/core';

/** Equal as definitions: key order never counts (the stored JSON and a folder may order keys differently). */
export function sameJson(a: unknown, b: unknown): boolean {
  return toCanonicalJson(a) === toCanonicalJson(b);
}

/**
 * Compares two name → value maps. `describe` turns a name present on both sides with different values
 * into its change; names come out sorted, so a diff is stable whatever order the definitions had.
 * `titleOf` names each listed key by its title (from the side that has it, the new one first).
 */
export function diffKeyed<T, C>(
  before: Record<string, T>,
  after: Record<string, T>,
  describe: (key: string, before: T, after: T) => C,
  titleOf?: (key: string, value: T) => Text,
): KeyedDiff<C> {
  const keys = (record: Record<string, T>) => Object.keys(record).sort();
  const changedKeys = keys(after).filter((key) => key in before && !sameJson(before[key], after[key]));
  const diff: KeyedDiff<C> = {
    added: keys(after).filter((key) => !(key in before)),
    removed: keys(before).filter((key) => !(key in after)),
    changed: changedKeys.map((key) => describe(key, before[key] as T, after[key] as T)),
  };
  if (!titleOf) return diff;
  const listed = [...diff.added, ...diff.removed, ...changedKeys];
  return {
    ...diff,
    titles: Object.fromEntries(
      listed.map((key) => [key, titleOf(key, (key in after ? after[key] : before[key]) as T)]),
    ),
  };
}

/**
 * JSON pointers (RFC 6901) of everything that differs between two values: objects are walked key by
 * key; arrays and scalars are compared whole (an index-by-index pointer list of a reordered array says
 * nothing useful).
 */
export function changedPointers(before: unknown, after: unknown, at = ''): string[] {
  if (sameJson(before, after)) return [];
  if (!isPlainObject(before) || !isPlainObject(after)) return [at];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((key) => changedPointers(before[key], after[key], `${at}/${escapePointer(key)}`));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
