import type { RuleField } from './rule-fields';
import { operandCount, type CompareRow, type Op, type Operand } from './rule-tree';

/** Identifiers: a row on them compares with another field or checks emptiness, never a typed value. */
const IDS = new Set(['user', 'manyToOne', 'uuid']);

/** The operators a field offers, by its kind. */
export function opsFor(field: RuleField | undefined): Op[] {
  if (!field) return ['eq'];
  if (field.kind === 'choice') return ['eq', 'ne', 'in', 'empty', 'notEmpty'];
  if (IDS.has(field.kind)) return ['eq', 'ne', 'empty', 'notEmpty'];
  switch (field.type) {
    case 'number':
      return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'empty', 'notEmpty'];
    case 'date':
      return ['lt', 'gt', 'eq', 'withinNext', 'withinPast', 'empty', 'notEmpty'];
    case 'dateTime':
      return ['lt', 'gt', 'empty', 'notEmpty'];
    case 'boolean':
      return ['eq', 'empty', 'notEmpty'];
    default:
      return ['eq', 'ne', 'contains', 'empty', 'notEmpty'];
  }
}

export type OperandSource = 'value' | 'field' | 'today' | 'me';

/** What a compared value may be for a field and operator: a typed value, another field, today, me. */
export function sourcesFor(field: RuleField | undefined, op: Op): OperandSource[] {
  if (!field || !['eq', 'ne', 'gt', 'gte', 'lt', 'lte'].includes(op)) return ['value'];
  if (field.me && (op === 'eq' || op === 'ne')) return ['me', 'field'];
  if (IDS.has(field.kind) || field.type === 'dateTime') return ['field'];
  if (field.type === 'boolean') return ['value'];
  return field.type === 'date' ? ['value', 'field', 'today'] : ['value', 'field'];
}

export function sourceOf(operand: Operand | undefined): OperandSource {
  if (operand?.kind === 'field' || operand?.kind === 'today' || operand?.kind === 'me') return operand.kind;
  return 'value';
}

/** An empty value of the field's type (a choice's first option; yes for a yes/no field). */
export function blankOperand(field: RuleField | undefined, source: OperandSource = 'value'): Operand {
  if (source === 'field') return { kind: 'field', path: '' };
  if (source === 'today') return { kind: 'today' };
  if (source === 'me') return { kind: 'me' };
  switch (field?.type) {
    case 'number':
      return { kind: 'number', value: '' };
    case 'date':
      return { kind: 'date', value: '' };
    case 'boolean':
      return { kind: 'boolean', value: true };
    default:
      return { kind: 'text', value: field?.choices?.[0]?.value ?? '' };
  }
}

/** A row with a new operator, keeping the values that still fit. */
export function withOp(row: CompareRow, op: Op, field: RuleField | undefined): CompareRow {
  const allowed = sourcesFor(field, op);
  const kept = row.operands.filter((operand) => allowed.includes(sourceOf(operand)));
  const count = operandCount(op);
  const days = op === 'withinNext' || op === 'withinPast';
  const operands = Array.from({ length: count }, (_, i) =>
    days
      ? kept[i]?.kind === 'number'
        ? kept[i]
        : ({ kind: 'number', value: '' } as Operand)
      : (kept[i] ?? blankOperand(field, allowed[0])),
  );
  return { ...row, op, operands };
}

/** A row on a newly chosen field: its first operator with blank values. */
export function rowOn(field: RuleField | undefined, path: string): CompareRow {
  return withOp({ kind: 'compare', field: path, op: 'eq', operands: [] }, opsFor(field)[0]!, field);
}
