import type { ColumnSpec } from '../schema/table-spec.js';
import { toSqlType } from '../schema/table-spec.js';
import { amount } from './classify.js';
import { describeKeyStep } from './key-step-text.js';
import { describeFormulaStep } from './formula-step-text.js';
import type { Step, StepDraft } from './plan.js';
import { describeRollupStep } from './rollup-step-text.js';
import { describeSearchStep } from './search-step-text.js';
import { describeSequenceStep } from './sequence-steps.js';

type Of<K extends Step['kind']> = Extract<StepDraft, { kind: K }>;

const ON_DELETE = { setNull: 'set null', cascade: 'cascade', restrict: 'restrict' } as const;

/** One line in plain English for the CLI and the studio, e.g. `add column customer.region (text)`. */
export function describeStep(step: StepDraft): string {
  switch (step.kind) {
    case 'createTable':
      return `create table ${step.table.name} (${amount(step.table.columns.length, 'column')})`;
    case 'dropTable':
      return `drop table ${step.table}${counted(step.rows, 'row', 'are lost')}`;
    case 'renameTable':
      return `rename table ${step.from} → ${step.to}`;
    case 'addColumn':
      return `add column ${step.table}.${step.column.name} (${describeColumn(step.column)})`;
    case 'dropColumn':
      return `drop column ${step.table}.${step.column}${counted(step.rows, 'value', 'are lost')}`;
    case 'renameColumn':
      return `rename column ${step.table}.${step.from} → ${step.to}`;
    case 'alterType':
      return describeAlterType(step);
    case 'setNotNull':
      return describeSetNotNull(step);
    case 'dropNotNull':
      return `make ${step.table}.${step.column} optional`;
    case 'setDefault':
      return step.default
        ? `set default of ${step.table}.${step.column} to ${describeDefault(step.default)}`
        : `remove default of ${step.table}.${step.column}`;
    case 'addEnumValues':
      return `add choices ${quote(step.values)} to ${step.table}.${step.column}`;
    case 'removeEnumValues':
      return `remove choices ${quote(step.values)} from ${step.table}.${step.column}${describeEnumUse(step)}`;
    case 'renameState':
      return `rename state ${step.workflow}.${step.from} → ${step.to}${describeRecords(step)}`;
    case 'moveState':
      return describeMoveState(step);
    case 'setRollup':
    case 'dropRollup':
      return describeRollupStep(step);
    case 'setSearch':
    case 'dropSearch':
      return describeSearchStep(step);
    case 'addSequence':
    case 'changeSequence':
    case 'renameSequence':
    case 'dropSequence':
      return describeSequenceStep(step);
    case 'addFormula':
    case 'changeFormula':
    case 'dropFormula':
      return describeFormulaStep(step);
    case 'addKeyIndex':
    case 'dropKeyIndex':
      return describeKeyStep(step);
    default:
      return describeLinks(step);
  }
}

/** `move 3 records of customer from removed state …`, or `remove state …` when none is mapped or counted. */
function describeMoveState(step: Of<'moveState'>): string {
  const state = `${step.workflow}.${step.state}`;
  if (step.rows === 0) return `remove state ${state} (no records)`;
  if (step.to === undefined)
    return `remove state ${state}${step.rows ? ` (${amount(step.rows, 'record')} in it, not mapped)` : ''}`;
  const records = step.rows === undefined ? 'the records' : amount(step.rows, 'record');
  return `move ${records} of ${step.table} from removed state ${state} → ${step.to}`;
}

/** " (3 records of customer)", with the record types when the workflow binds only some of them. */
function describeRecords(step: Of<'renameState'>): string {
  if (step.rows === undefined) return '';
  const types = step.scope?.recordTypes ? `, record types ${step.scope.recordTypes.join(', ')}` : '';
  return ` (${amount(step.rows, 'record')} of ${step.table}${types})`;
}

function describeLinks(
  step: Of<
    'addForeignKey' | 'dropForeignKey' | 'addIndex' | 'dropIndex' | 'createJunction' | 'dropJunction' | 'renameJunction'
  >,
): string {
  switch (step.kind) {
    case 'addForeignKey':
      return `link ${step.table}.${step.column} → ${step.references.table} (on delete ${ON_DELETE[step.references.onDelete]})`;
    case 'dropForeignKey':
      return `unlink ${step.table}.${step.column} from its related table`;
    case 'addIndex':
      return `add index ${step.index.name} on ${step.table} (${step.index.columns.join(', ')})`;
    case 'dropIndex':
      return `drop index ${step.index.name} on ${step.table}`;
    case 'createJunction':
      return `create link table ${step.junction.name} (${step.junction.source}.${step.junction.field} ↔ ${step.junction.target})`;
    case 'dropJunction':
      return `drop link table ${step.junction.name}${counted(step.rows, 'link', 'are lost')}`;
    case 'renameJunction':
      return `rename link table ${step.from} → ${step.to}`;
  }
}

function describeAlterType(step: Of<'alterType'>): string {
  const change = `change type of ${step.table}.${step.column} ${toSqlType(step.from)} → ${toSqlType(step.to)}`;
  if (!step.rows) return change;
  return `${change} (${amount(step.rows, 'value')} cannot convert and ${step.rows === 1 ? 'becomes' : 'become'} empty)`;
}

function describeSetNotNull(step: Of<'setNotNull'>): string {
  const base = `make ${step.table}.${step.column} required`;
  if (!step.rows) return base;
  const empty = amount(step.rows, 'empty row');
  return step.backfill === undefined
    ? `${base} (${empty}, no default)`
    : `${base} (${empty} ${step.rows === 1 ? 'gets' : 'get'} ${JSON.stringify(step.backfill)})`;
}

function describeEnumUse(step: Of<'removeEnumValues'>): string {
  if (!step.rows) return '';
  return step.array
    ? ` (removed from ${amount(step.rows, 'row')})`
    : ` (${amount(step.rows, 'row')} ${step.rows === 1 ? 'becomes' : 'become'} empty)`;
}

function describeColumn(column: ColumnSpec): string {
  const parts = [toSqlType(column.type)];
  if (!column.nullable) parts.push('required');
  if (column.default) parts.push(`default ${describeDefault(column.default)}`);
  return parts.join(', ');
}

function describeDefault(value: NonNullable<ColumnSpec['default']>): string {
  return 'sql' in value ? value.sql : JSON.stringify(value.value);
}

/** " (3 rows are lost)" once counted and non-zero, else nothing. */
function counted(rows: number | undefined, noun: string, outcome: string): string {
  return rows ? ` (${amount(rows, noun)} ${rows === 1 ? outcome.replace(/^are/, 'is') : outcome})` : '';
}

function quote(values: string[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}
