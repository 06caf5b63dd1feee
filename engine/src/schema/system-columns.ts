import type { ColumnSpec, IndexSpec } from './table-spec.js';
import { toConstraintName } from './table-spec.js';

/** The columns every entity table has, in table order; the workflow columns only when a workflow is bound. */
export function systemColumns(options: { hasWorkflow: boolean; hasRecordTypes: boolean }): ColumnSpec[] {
  const columns: ColumnSpec[] = [
    { name: 'id', type: { base: 'uuid' }, nullable: false, default: { sql: 'gen_random_uuid()' }, system: true },
    { name: 'record_type', type: { base: 'text' }, nullable: !options.hasRecordTypes, system: true },
  ];
  if (options.hasWorkflow) {
    // When the record entered its state (stage-stay alarms, "stuck" lists) and when that stay broke its SLA.
    columns.push(
      { name: 'state', type: { base: 'text' }, nullable: true, system: true },
      { name: 'state_entered_at', type: { base: 'timestamptz' }, nullable: true, system: true },
      { name: 'sla_breached_at', type: { base: 'timestamptz' }, nullable: true, system: true },
    );
  }
  columns.push(
    { name: 'owner_id', type: { base: 'uuid' }, nullable: true, system: true },
    { name: 'created_at', type: { base: 'timestamptz' }, nullable: false, default: { sql: 'now()' }, system: true },
    { name: 'updated_at', type: { base: 'timestamptz' }, nullable: false, default: { sql: 'now()' }, system: true },
    { name: 'created_by', type: { base: 'uuid' }, nullable: true, system: true },
    { name: 'updated_by', type: { base: 'uuid' }, nullable: true, system: true },
    { name: 'version', type: { base: 'integer' }, nullable: false, default: { sql: '1' }, system: true },
  );
  return columns;
}

/** Indexes on system columns that lists and permission scopes filter by. */
export function systemIndexes(table: string, options: { hasWorkflow: boolean }): IndexSpec[] {
  const indexes: IndexSpec[] = [
    { name: toConstraintName([table, 'owner_id'], 'idx'), columns: ['owner_id'] },
    { name: toConstraintName([table, 'created_at'], 'idx'), columns: ['created_at'] },
  ];
  if (options.hasWorkflow) indexes.push({ name: toConstraintName([table, 'state'], 'idx'), columns: ['state'] });
  return indexes;
}
