import type { KeyIndexSpec } from '@lodestar/core';
import type { TableSpec } from '../schema/table-spec.js';
import type { StepDraft } from './plan.js';

/**
 * Steps for the unique keys and duplicate-check indexes of one table (`before` absent: a new table).
 * A key is compared whole (name, columns, normalisation); any change drops and builds it again, and a
 * dropped index that went with its column or table is dropped only if it still exists.
 */
export function diffKeys(before: TableSpec | undefined, after: TableSpec): StepDraft[] {
  const same = (a: KeyIndexSpec, b: KeyIndexSpec) => JSON.stringify(a) === JSON.stringify(b);
  const old = before?.keys ?? [];
  const next = after.keys ?? [];
  const table = after.name;
  return [
    ...old
      .filter((key) => !next.some((other) => same(key, other)))
      .map((key): StepDraft => ({ kind: 'dropKeyIndex', table, key })),
    ...next
      .filter((key) => !old.some((other) => same(key, other)))
      .map((key): StepDraft => ({ kind: 'addKeyIndex', table, key })),
  ];
}
