import type { ColumnSpec, IndexSpec, TableSpec } from '../schema/table-spec.js';
import { sameSqlType } from '../schema/table-spec.js';
import { pairByName } from './pair-by-name.js';
import type { StepDraft } from './plan.js';

/** Old table name → new table name, for comparing foreign keys across a table rename. */
export type TableRenames = ReadonlyMap<string, string>;

/** Steps that turn the columns and indexes of `before` into those of `after` (the same table, maybe renamed). */
export function diffColumns(before: TableSpec, after: TableSpec, renames: TableRenames): StepDraft[] {
  const table = after.name;
  const columns = pairByName(before.columns, after.columns);
  const steps: StepDraft[] = [];
  for (const pair of columns.pairs) {
    if (pair.before.name !== pair.after.name)
      steps.push({ kind: 'renameColumn', table, from: pair.before.name, to: pair.after.name });
    steps.push(...diffColumn(table, pair.before, pair.after, renames));
  }
  for (const column of columns.added) steps.push(...toAddColumn(table, column));
  for (const column of columns.removed) steps.push({ kind: 'dropColumn', table, column: column.name });
  const renamed = new Map(columns.pairs.map((pair) => [pair.before.name, pair.after.name]));
  return [...steps, ...diffIndexes(before, after, renamed)];
}

/** A new column; NOT NULL without a constant default is a separate step so empty rows can be counted. */
export function toAddColumn(table: string, column: ColumnSpec): StepDraft[] {
  const { references, renamedFrom: _renamedFrom, ...plain } = column;
  const deferNotNull = !column.nullable && column.default === undefined;
  const steps: StepDraft[] = [
    { kind: 'addColumn', table, column: deferNotNull ? { ...plain, nullable: true } : plain },
  ];
  if (deferNotNull) steps.push({ kind: 'setNotNull', table, column: column.name });
  if (references) steps.push({ kind: 'addForeignKey', table, column: column.name, references });
  return steps;
}

function diffColumn(table: string, before: ColumnSpec, after: ColumnSpec, renames: TableRenames): StepDraft[] {
  const column = after.name;
  const steps: StepDraft[] = [];
  const retyped = !sameSqlType(before.type, after.type);
  if (retyped)
    steps.push({ kind: 'alterType', table, column, from: before.type, to: after.type, nullable: after.nullable });
  if (before.nullable && !after.nullable) steps.push({ kind: 'setNotNull', table, column, ...backfillOf(after) });
  if (!before.nullable && after.nullable) steps.push({ kind: 'dropNotNull', table, column });
  // A type change drops the default (an old default may not cast), so it is set again afterwards.
  if (JSON.stringify(before.default) !== JSON.stringify(after.default) || (retyped && after.default)) {
    steps.push({
      kind: 'setDefault',
      table,
      column,
      type: after.type,
      ...(after.default && { default: after.default }),
    });
  }
  steps.push(...diffEnumValues(table, before, after));
  return [...steps, ...diffForeignKey(table, before, after, renames)];
}

function backfillOf(column: ColumnSpec): { backfill?: unknown } {
  return column.default && 'value' in column.default ? { backfill: column.default.value } : {};
}

function diffEnumValues(table: string, before: ColumnSpec, after: ColumnSpec): StepDraft[] {
  if (!before.enumValues || !after.enumValues) return [];
  const added = after.enumValues.filter((value) => !before.enumValues!.includes(value));
  const removed = before.enumValues.filter((value) => !after.enumValues!.includes(value));
  const steps: StepDraft[] = [];
  const common = { table, column: after.name };
  if (added.length) steps.push({ kind: 'addEnumValues', ...common, values: added });
  if (removed.length) {
    steps.push({
      kind: 'removeEnumValues',
      ...common,
      values: removed,
      array: after.type.array === true,
      nullable: after.nullable,
    });
  }
  return steps;
}

function diffForeignKey(table: string, before: ColumnSpec, after: ColumnSpec, renames: TableRenames): StepDraft[] {
  const old = before.references;
  const next = after.references;
  const same = old && next && (renames.get(old.table) ?? old.table) === next.table && old.onDelete === next.onDelete;
  if (same) return [];
  const steps: StepDraft[] = [];
  if (old) steps.push({ kind: 'dropForeignKey', table, column: after.name });
  if (next) steps.push({ kind: 'addForeignKey', table, column: after.name, references: next });
  return steps;
}

/**
 * Indexes compared by name and columns (old columns under their new names, since a column rename
 * carries its indexes along); one renamed with its table or column is dropped and built again.
 */
function diffIndexes(before: TableSpec, after: TableSpec, renamed: ReadonlyMap<string, string>): StepDraft[] {
  const newKey = (index: IndexSpec) => `${index.name}(${index.columns.join(',')})`;
  const oldKey = (index: IndexSpec) =>
    newKey({ ...index, columns: index.columns.map((column) => renamed.get(column) ?? column) });
  const beforeKeys = new Set(before.indexes.map(oldKey));
  const afterKeys = new Set(after.indexes.map(newKey));
  const table = after.name;
  return [
    ...before.indexes
      .filter((index) => !afterKeys.has(oldKey(index)))
      .map((index): StepDraft => ({ kind: 'dropIndex', table, index })),
    ...after.indexes
      .filter((index) => !beforeKeys.has(newKey(index)))
      .map((index): StepDraft => ({ kind: 'addIndex', table, index })),
  ];
}
