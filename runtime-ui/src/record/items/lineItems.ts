import {
  evaluateFormula,
  FORMULA_TIME_ZONE,
  formulaDecimal,
  parseFormula,
  type EntityDefinition,
  type FieldDefinition,
  type FieldPath,
} from '@lodestar/core';
import type { Lang } from '@lodestar/ui-shared';
import type { RecordJson } from '../../model/types';
import { formFormulas, isFormulaField, withFormulaValues, type FormFormula } from '../form/formulaValues';
import { LINE_ITEM_MESSAGES } from './messages';

/**
 * Line items in the form: a child entity whose relation to this one declares `items` is edited as a grid
 * of lines, saved with the record in one request (the engine writes parent and lines in one transaction).
 * Formula cells and the parent's roll-ups over the lines are computed live with core's evaluator, as the
 * engine computes them on save.
 */
export interface LineList {
  name: string;
  child: EntityDefinition;
  via: string;
  order?: string;
  /** The columns a user types into, in definition order. */
  editable: string[];
  /** Formula columns, shown computed. */
  computed: string[];
  formulas: FormFormula[];
}

/** One line being edited: the stored line's id and version (absent for a new line), and its values. */
export interface EditLine {
  key: string;
  id?: string;
  version?: number;
  values: Record<string, unknown>;
}

/** The line lists of `parent` among the model's entities. */
export function lineListsOf(
  entities: readonly EntityDefinition[],
  parent: EntityDefinition,
  related: (id: string) => EntityDefinition | undefined,
): LineList[] {
  const lists: LineList[] = [];
  for (const child of entities)
    for (const [via, field] of Object.entries(child.properties)) {
      const relation = field['x-relation'];
      if (!relation?.items || relation.entity !== parent.$id || field.type !== 'string') continue;
      const shown = Object.entries(child.properties).filter(
        ([name, f]) =>
          name !== via && name !== relation.itemOrder && !f['x-rollup'] && !f['x-sequence'] && !f['x-ui']?.hidden,
      );
      lists.push({
        name: relation.items,
        child,
        via,
        ...(relation.itemOrder && { order: relation.itemOrder }),
        editable: shown.filter(([, f]) => !isFormulaField(f) && !f.readOnly).map(([name]) => name),
        computed: shown.filter(([, f]) => isFormulaField(f)).map(([name]) => name),
        formulas: formFormulas(child, related),
      });
    }
  return lists;
}

/** Lines as the form edits them, from the lines a record was read with. */
export function toEditLines(list: LineList, stored: unknown): EditLine[] {
  if (!Array.isArray(stored)) return [];
  return (stored as RecordJson[]).map((line) => ({
    key: String(line.id),
    id: String(line.id),
    version: Number(line.version),
    values: Object.fromEntries(list.editable.map((name) => [name, line[name] ?? undefined])),
  }));
}

/** A line with its formula cells computed from what is typed. */
export function computedLine(list: LineList, line: EditLine, now: Date): Record<string, unknown> {
  return withFormulaValues(list.formulas, line.values, undefined, new Map(), list.editable, now);
}

/** The request's list: each line's typed values (empty ones as null), with the id and version of a stored line. */
export function toLinesBody(lines: EditLine[]): Record<string, unknown>[] {
  return lines.map((line) => ({
    ...(line.id && { id: line.id, version: line.version }),
    ...Object.fromEntries(Object.entries(line.values).map(([name, value]) => [name, isEmpty(value) ? null : value])),
  }));
}

/** Whether the lines differ from those the record was read with (values, order, added or removed). */
export function linesChanged(before: EditLine[], after: EditLine[]): boolean {
  return JSON.stringify(before.map(comparable)) !== JSON.stringify(after.map(comparable));
}

function comparable(line: EditLine) {
  return [
    line.id ?? line.key,
    Object.entries(line.values)
      .filter(([, v]) => !isEmpty(v))
      .sort(),
  ];
}

/** The cell problems the form can see without the engine: required, numbers, bounds, lengths. */
export function cellErrors(list: LineList, line: EditLine, lang: Lang): Record<string, string> {
  const t = LINE_ITEM_MESSAGES[lang];
  const required = new Set(list.child.required ?? []);
  const errors: Record<string, string> = {};
  for (const name of list.editable) {
    const field = list.child.properties[name]!;
    const value = line.values[name];
    if (isEmpty(value)) {
      if (required.has(name)) errors[name] = t.required;
      continue;
    }
    const problem = valueProblem(field, value, t);
    if (problem) errors[name] = problem;
  }
  return errors;
}

function valueProblem(
  field: FieldDefinition,
  value: unknown,
  t: (typeof LINE_ITEM_MESSAGES)['en'],
): string | undefined {
  if (field.type === 'number' || field.type === 'integer') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return t.notANumber;
    if (field.type === 'integer' && !Number.isInteger(value)) return t.wholeNumber;
    if (typeof field.minimum === 'number' && value < field.minimum) return t.atLeast(field.minimum);
    if (typeof field.maximum === 'number' && value > field.maximum) return t.atMost(field.maximum);
    const scale = field['x-currency'] !== undefined ? (field['x-scale'] ?? 2) : field['x-scale'];
    if (scale !== undefined && decimalsOf(value) > scale) return t.decimals(scale);
  }
  if (typeof value === 'string' && typeof field.maxLength === 'number' && [...value].length > field.maxLength)
    return t.tooLong(field.maxLength);
  return undefined;
}

/**
 * The parent's roll-ups over one list, computed from the lines on screen the way the engine's triggers
 * will: count, sum, min, max, avg of the child field, lines passing the roll-up's filter only. A filter
 * the form cannot evaluate leaves the roll-up out (the stored value stays).
 */
export function liveRollups(
  parent: EntityDefinition,
  list: LineList,
  lines: Record<string, unknown>[],
  now: Date,
): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const [name, field] of Object.entries(parent.properties)) {
    const rollup = field['x-rollup'];
    if (!rollup || rollup.from !== list.child.$id || rollup.via !== list.via) continue;
    let kept = lines;
    if (rollup.where) {
      const parsed = parseFormula(rollup.where);
      if (!parsed.expr) continue;
      const where = parsed.expr;
      kept = lines.filter(
        (line) =>
          evaluateFormula(where, (path: FieldPath) => (path.length === 1 ? (line[path[0]!] ?? null) : null), {
            now,
            timeZone: FORMULA_TIME_ZONE,
          }) === true,
      );
    }
    if (rollup.op === 'count') {
      out[name] = kept.length;
      continue;
    }
    const values = kept.map((line) => line[rollup.field!]).filter((v) => v !== null && v !== undefined && v !== '');
    out[name] = summarise(rollup.op, values, scaleOf(field));
  }
  return out;
}

function summarise(op: 'sum' | 'min' | 'max' | 'avg', values: unknown[], scale: number | undefined) {
  if (values.every((v) => typeof v === 'number')) {
    const decimals = (values as number[]).map((v) => formulaDecimal.fromNumber(v)!).filter(Boolean);
    if (op === 'sum' || op === 'avg') {
      if (!decimals.length) return op === 'sum' ? 0 : null;
      let total = decimals.reduce((a, b) => formulaDecimal.add(a, b));
      if (op === 'avg') total = formulaDecimal.divide(total, formulaDecimal.fromInteger(decimals.length))!;
      return formulaDecimal.toNumber(scale === undefined ? total : formulaDecimal.round(total, scale));
    }
    if (!decimals.length) return null;
    const pick = decimals.reduce((a, b) => (formulaDecimal.compare(a, b) < 0 === (op === 'min') ? a : b));
    return formulaDecimal.toNumber(pick);
  }
  // Dates (ISO text) compare as text.
  if (op !== 'min' && op !== 'max') return null;
  const texts = values.map(String).sort();
  return texts.length ? (op === 'min' ? texts[0]! : texts[texts.length - 1]!) : null;
}

/** Decimal places of a number as typed (1.005 → 3). */
function decimalsOf(value: number): number {
  const text = String(value);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]) + (text.split('e')[0]!.split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

function scaleOf(field: FieldDefinition): number | undefined {
  if (field.type === 'integer') return 0;
  return field['x-currency'] !== undefined ? (field['x-scale'] ?? 2) : undefined;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
