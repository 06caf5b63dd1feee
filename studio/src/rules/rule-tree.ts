import { parseFormula, type Expr } from '@lodestar/core';

/**
 * A condition as the rule builder shows it: all/any groups of rows over fields, or rows of free formula text.
 * The definition keeps only the formula expression; this module converts between the two. An expression the
 * tree cannot say exactly (same parsed formula when printed back) opens as one formula row, so nothing is lost.
 */
export type Join = 'all' | 'any';

export interface RuleGroup {
  kind: 'group';
  join: Join;
  items: RuleItem[];
}

/** Free formula text, kept as written. */
export interface FormulaRow {
  kind: 'formula';
  source: string;
}

export type Op =
  | 'eq'
  | 'ne'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'between'
  | 'contains'
  | 'empty'
  | 'notEmpty'
  | 'in'
  | 'withinNext'
  | 'withinPast';

/** A value: a literal of the formula language, another field, today, or the user acting (ME(), "是我"). */
export type Operand =
  | { kind: 'field'; path: string }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: string }
  | { kind: 'today' }
  | { kind: 'me' };

export interface CompareRow {
  kind: 'compare';
  /** A field of the record, or `relation.field` one many-to-one hop away; '' while not chosen. */
  field: string;
  op: Op;
  /** eq…lte, contains, withinNext/Past: one; between: two; in: one or more; empty/notEmpty: none. */
  operands: Operand[];
}

export type RuleItem = RuleGroup | CompareRow | FormulaRow;

/** How deep groups nest below the top one: "a AND (b OR c)" is one level. */
export const MAX_GROUP_DEPTH = 2;

const SYMBOLS: Partial<Record<Op, string>> = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };
const BY_SYMBOL = Object.fromEntries(Object.entries(SYMBOLS).map(([op, symbol]) => [symbol, op])) as Record<string, Op>;

/** How many operands an operator takes (in: at least one). */
export function operandCount(op: Op): number {
  if (op === 'empty' || op === 'notEmpty') return 0;
  return op === 'between' ? 2 : 1;
}

export function emptyGroup(join: Join = 'all'): RuleGroup {
  return { kind: 'group', join, items: [] };
}

// ---------------------------------------------------------------------------------------------------------
// Tree → expression

/** The expression of a tree; rows not filled in yet (no field, a missing value) are left out. */
export function toExpression(group: RuleGroup): string {
  return groupText(group, false);
}

function groupText(group: RuleGroup, nested: boolean): string {
  const parts = group.items.map((item) => itemText(item)).filter((text) => text !== '');
  if (parts.length === 0) return '';
  const joined = parts.join(group.join === 'all' ? ' AND ' : ' OR ');
  return nested && parts.length > 1 ? `(${joined})` : joined;
}

function itemText(item: RuleItem): string {
  if (item.kind === 'group') return groupText(item, true);
  if (item.kind === 'formula') return formulaText(item.source);
  return rowText(item) ?? '';
}

/** A formula row's text inside a group: parenthesised when it is itself an AND/OR. */
function formulaText(source: string): string {
  const text = source.trim();
  if (text === '') return '';
  const parsed = parseFormula(text);
  const loose = parsed.expr?.kind === 'binary' && (parsed.expr.op === 'AND' || parsed.expr.op === 'OR');
  return loose ? `(${text})` : text;
}

/** A row's expression, or undefined while it is incomplete. */
export function rowText(row: CompareRow): string | undefined {
  const f = row.field;
  if (!f) return undefined;
  const values = row.operands.map(operandText);
  if (values.some((v) => v === undefined)) return undefined;
  const [a, b] = values as string[];
  const symbol = SYMBOLS[row.op];
  if (symbol) return a === undefined ? undefined : `${f} ${symbol} ${a}`;
  switch (row.op) {
    case 'empty':
      return `ISBLANK(${f})`;
    case 'notEmpty':
      return `NOT(ISBLANK(${f}))`;
    case 'contains':
      return a === undefined ? undefined : `FIND(${a}, ${f}) > 0`;
    case 'between':
      return a === undefined || b === undefined ? undefined : `AND(${f} >= ${a}, ${f} <= ${b})`;
    case 'withinNext':
      return a === undefined ? undefined : `AND(${f} >= TODAY(), ${f} <= TODAY() + ${a})`;
    case 'withinPast':
      return a === undefined ? undefined : `AND(${f} >= TODAY() - ${a}, ${f} <= TODAY())`;
    case 'in':
      return values.length ? `OR(${(values as string[]).map((v) => `${f} = ${v}`).join(', ')})` : undefined;
    default:
      return undefined;
  }
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An operand as formula text; undefined when it is not filled in (or not a valid value of its kind). */
export function operandText(operand: Operand): string | undefined {
  switch (operand.kind) {
    case 'field':
      return operand.path || undefined;
    case 'text':
      return `"${operand.value.replace(/"/g, '""')}"`;
    case 'number':
      return NUMBER.test(operand.value.trim()) ? operand.value.trim() : undefined;
    case 'boolean':
      return operand.value ? 'TRUE' : 'FALSE';
    case 'date': {
      const match = DATE.exec(operand.value);
      return match ? `DATE(${Number(match[1])}, ${Number(match[2])}, ${Number(match[3])})` : undefined;
    }
    case 'today':
      return 'TODAY()';
    case 'me':
      return 'ME()';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Expression → tree

/**
 * The tree of an expression. `exact` is false when the builder cannot say it: the tree is then one formula row
 * holding the whole text (formula mode). An empty expression is an empty group.
 */
export function fromExpression(source: string): { tree: RuleGroup; exact: boolean } {
  if (source.trim() === '') return { tree: emptyGroup(), exact: true };
  const whole = {
    tree: { kind: 'group', join: 'all', items: [{ kind: 'formula', source }] } as RuleGroup,
    exact: false,
  };
  const parsed = parseFormula(source);
  if (!parsed.expr) return whole;
  const tree = toGroup(parsed.expr, source, 0);
  // Exact means: printed back, the tree parses to the very formula it came from.
  const again = parseFormula(toExpression(tree));
  if (!again.expr || !sameExpr(again.expr, parsed.expr)) return whole;
  if (tree.items.every((item) => item.kind === 'formula')) return { tree, exact: tree.items.length > 1 };
  return { tree, exact: true };
}

function isJoin(expr: Expr): expr is Extract<Expr, { kind: 'binary' }> & { op: 'AND' | 'OR' } {
  return expr.kind === 'binary' && (expr.op === 'AND' || expr.op === 'OR');
}

function toGroup(expr: Expr, source: string, depth: number): RuleGroup {
  if (!isJoin(expr)) return { kind: 'group', join: 'all', items: [toItem(expr, source, depth)] };
  const op = expr.op;
  // a AND b AND c parses left-nested: its left spine is one list. A right operand of the same op was in parentheses.
  const operands: Expr[] = [];
  let node: Expr = expr;
  while (isJoin(node) && node.op === op) {
    operands.unshift(node.right);
    node = node.left;
  }
  operands.unshift(node);
  return { kind: 'group', join: op === 'AND' ? 'all' : 'any', items: operands.map((e) => toItem(e, source, depth)) };
}

function toItem(expr: Expr, source: string, depth: number): RuleItem {
  if (isJoin(expr) && depth < MAX_GROUP_DEPTH) return toGroup(expr, source, depth + 1);
  return toRow(expr) ?? { kind: 'formula', source: source.slice(expr.offset, expr.offset + expr.length) };
}

function fieldPath(expr: Expr | undefined): string | undefined {
  return expr?.kind === 'field' ? expr.path.join('.') : undefined;
}

type Call = Extract<Expr, { kind: 'call' }>;

/** The call of `name` with `count` arguments, or undefined (not a type guard: a false answer says nothing of kind). */
function callOf(expr: Expr | undefined, name: string, count: number): Call | undefined {
  return expr?.kind === 'call' && expr.name === name && expr.args.length === count ? expr : undefined;
}

function toOperand(expr: Expr): Operand | undefined {
  switch (expr.kind) {
    case 'field':
      return { kind: 'field', path: expr.path.join('.') };
    case 'text':
      return { kind: 'text', value: expr.value };
    case 'number':
      return { kind: 'number', value: expr.value };
    case 'boolean':
      return { kind: 'boolean', value: expr.value };
    case 'unary':
      return expr.op === '-' && expr.arg.kind === 'number'
        ? { kind: 'number', value: `-${expr.arg.value}` }
        : undefined;
    case 'call': {
      if (callOf(expr, 'TODAY', 0)) return { kind: 'today' };
      if (callOf(expr, 'ME', 0)) return { kind: 'me' };
      const date = callOf(expr, 'DATE', 3);
      if (!date || !date.args.every((arg) => arg.kind === 'number')) return undefined;
      const [y, m, d] = date.args.map((arg) => (arg as { value: string }).value);
      return { kind: 'date', value: `${y!.padStart(4, '0')}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}` };
    }
    default:
      return undefined;
  }
}

function compare(expr: Expr | undefined): { field: string; symbol: string; right: Expr } | undefined {
  if (expr?.kind !== 'binary' || !(expr.op in BY_SYMBOL)) return undefined;
  const field = fieldPath(expr.left);
  return field ? { field, symbol: expr.op, right: expr.right } : undefined;
}

/** The row an expression is, when it has one of the shapes rowText writes. */
function toRow(expr: Expr): CompareRow | undefined {
  const row = (field: string, op: Op, operands: (Operand | undefined)[]): CompareRow | undefined =>
    operands.every(Boolean) ? { kind: 'compare', field, op, operands: operands as Operand[] } : undefined;
  const blank = fieldPath(callOf(expr, 'ISBLANK', 1)?.args[0]);
  if (blank) return row(blank, 'empty', []);
  const filled = fieldPath(callOf(callOf(expr, 'NOT', 1)?.args[0], 'ISBLANK', 1)?.args[0]);
  if (filled) return row(filled, 'notEmpty', []);
  const range = callOf(expr, 'AND', 2);
  if (range) return rangeRow(range.args[0]!, range.args[1]!);
  if (expr.kind === 'call' && expr.name === 'OR' && expr.args.length > 0) {
    const parts = expr.args.map(compare);
    const field = parts[0]?.field;
    if (!field || !parts.every((p) => p?.field === field && p.symbol === '=')) return undefined;
    return row(
      field,
      'in',
      parts.map((p) => literal(p!.right)),
    );
  }
  const found = compare(expr);
  if (found) return row(found.field, BY_SYMBOL[found.symbol]!, [toOperand(found.right)]);
  // FIND(text, field) > 0
  if (expr.kind === 'binary' && expr.op === '>' && expr.right.kind === 'number' && expr.right.value === '0') {
    const find = callOf(expr.left, 'FIND', 2);
    if (find && find.args[0]!.kind === 'text' && fieldPath(find.args[1]))
      return row(fieldPath(find.args[1])!, 'contains', [toOperand(find.args[0]!)]);
  }
  return undefined;
}

function literal(expr: Expr): Operand | undefined {
  const operand = toOperand(expr);
  return operand && operand.kind !== 'field' && operand.kind !== 'me' ? operand : undefined;
}

/** AND(f >= a, f <= b): between, or within the next / past n days of today. */
function rangeRow(first: Expr, second: Expr): CompareRow | undefined {
  const low = compare(first);
  const high = compare(second);
  if (!low || !high || low.field !== high.field || low.symbol !== '>=' || high.symbol !== '<=') return undefined;
  const field = low.field;
  const today = (e: Expr) => callOf(e, 'TODAY', 0) !== undefined;
  const shifted = (e: Expr, op: '+' | '-') =>
    e.kind === 'binary' && e.op === op && today(e.left) && e.right.kind === 'number' ? e.right.value : undefined;
  const next = today(low.right) ? shifted(high.right, '+') : undefined;
  if (next !== undefined)
    return { kind: 'compare', field, op: 'withinNext', operands: [{ kind: 'number', value: next }] };
  const past = today(high.right) ? shifted(low.right, '-') : undefined;
  if (past !== undefined)
    return { kind: 'compare', field, op: 'withinPast', operands: [{ kind: 'number', value: past }] };
  const a = toOperand(low.right);
  const b = toOperand(high.right);
  return a && b ? { kind: 'compare', field, op: 'between', operands: [a, b] } : undefined;
}

/** Two parsed formulas are the same, wherever they sit in their sources. */
export function sameExpr(a: Expr, b: Expr): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'number':
    case 'text':
    case 'boolean':
      return a.value === (b as typeof a).value;
    case 'field':
      return a.path.join('.') === (b as typeof a).path.join('.');
    case 'unary':
      return a.op === (b as typeof a).op && sameExpr(a.arg, (b as typeof a).arg);
    case 'binary': {
      const other = b as typeof a;
      return a.op === other.op && sameExpr(a.left, other.left) && sameExpr(a.right, other.right);
    }
    case 'call': {
      const other = b as typeof a;
      return (
        a.name === other.name &&
        a.args.length === other.args.length &&
        a.args.every((arg, i) => sameExpr(arg, other.args[i]!))
      );
    }
  }
}
