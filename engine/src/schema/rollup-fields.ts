import type { EntityDefinition, FieldDefinition } from '../definitions/entity.js';
import type { ColumnSpec, IndexSpec, RollupSpec } from './table-spec.js';
import { toConstraintName } from './table-spec.js';

/** Whether a field is a roll-up (`x-rollup`): a stored, read-only column the child tables' triggers keep. */
export function isRollup(field: FieldDefinition | undefined): boolean {
  return field?.['x-rollup'] !== undefined;
}

/** The roll-up fields of an entity, by name. */
export function rollupFieldNames(entity: EntityDefinition): string[] {
  return Object.entries(entity.properties)
    .filter(([, field]) => isRollup(field))
    .map(([name]) => name);
}

/** The roll-ups of an entity as the planner compares them (one per field, in definition order). */
export function rollupSpecsOf(entity: EntityDefinition): RollupSpec[] {
  return Object.entries(entity.properties).flatMap(([name, field]) => {
    const rollup = field['x-rollup'];
    if (!rollup) return [];
    const spec: RollupSpec = { name, from: rollup.from, via: rollup.via, op: rollup.op };
    if (rollup.field !== undefined) spec.field = rollup.field;
    if (rollup.where !== undefined) spec.where = rollup.where;
    return [spec];
  });
}

/**
 * A roll-up column as stored: a count or a sum of no lines is 0, so a new parent starts at 0 (its
 * default); min, max and avg of no lines are empty. Every roll-up is indexed, so lists sort and filter
 * on it without a scan.
 */
export function toRollupColumn(column: ColumnSpec, field: FieldDefinition): ColumnSpec {
  const op = field['x-rollup']?.op;
  const { default: _default, ...rest } = column;
  return op === 'count' || op === 'sum' ? { ...rest, default: { value: 0 } } : rest;
}

export function rollupIndex(table: string, name: string): IndexSpec {
  return { name: toConstraintName([table, name], 'idx'), columns: [name] };
}
