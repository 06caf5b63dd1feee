import type { ColumnSpec, IndexSpec } from './table-spec.js';
import { toConstraintName } from './table-spec.js';

/** The columns every entity table has, in table order; the workflow columns only when a workflow is bound. */
export function systemColumns(options: { hasWorkflow: boolean; hasRecordTypes: boolean }): ColumnSpec[] {
  const columns: ColumnSpec[] = [
    { name: 'id', type: { base: 'uuid' }, nullable: false, default: { sql: 'gen_random_uuid()' }, system: true },
    { name: 'record_type', type: { base: 'text' }, nullable: !options.hasRecordTypes, system: true },
  ];
  if (options.hasWorkflow) {
    // When the record entered its state (stage-stay alarms, "stuck" lists), when that stay's SLA is due (the
    // server's count, business hours and holidays included) and when it broke it.
    columns.push(
      { name: 'state', type: { base: 'text' }, nullable: true, system: true },
      { name: 'state_entered_at', type: { base: 'timestamptz' }, nullable: true, system: true },
      { name: 'sla_breached_at', type: { base: 'timestamptz' }, nullable: true, system: true },
      { name: 'sla_due_at', type: { base: 'timestamptz' }, nullable: true, system: true },
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

/**
 * Indexes on system columns that lists and permission scopes filter by. `(owner_id, id)` rather than
 * `(owner_id)`: a restricted role's default page (its own records in id order) is then an index walk
 * of exactly the page, as the admin's is on the primary key.
 */
export function systemIndexes(table: string, options: { hasWorkflow: boolean }): IndexSpec[] {
  const indexes: IndexSpec[] = [
    ownerIndex(table, ['id']),
    { name: toConstraintName([table, 'created_at'], 'idx'), columns: ['created_at'] },
  ];
  if (options.hasWorkflow) indexes.push({ name: toConstraintName([table, 'state'], 'idx'), columns: ['state'] });
  return indexes;
}

/**
 * The owner-leading twin of an index: `own` and `team` scopes filter on owner_id before anything else,
 * so a declared (filter, sort) index serves a restricted role only with owner_id in front of it.
 */
export function ownerIndex(table: string, columns: string[]): IndexSpec {
  return { name: toConstraintName([table, 'owner_id', ...columns], 'idx'), columns: ['owner_id', ...columns] };
}

/** Index names earlier engine versions created and this one replaces (see the 006 engine migration). */
export function retiredIndexNames(table: string): string[] {
  return [toConstraintName([table, 'owner_id'], 'idx')];
}
