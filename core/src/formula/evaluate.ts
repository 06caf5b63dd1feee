import type { Expr, FieldPath, FormulaType } from './ast.js';
import * as cal from './calendar.js';
import * as dec from './decimal.js';
import type { Decimal } from './decimal.js';
import { checkedTypes } from './check.js';
import { digitsOf, type TypeMap, typeFormula } from './typing.js';

/** What a formula reads besides the record: the clock and the company time zone (e.g. `Asia/Shanghai`). */
export interface EvalContext {
  now: Date;
  timeZone: string;
  /** The id of the user acting (ME()); blank when none. */
  actorId?: string | null;
  /** Field types; without it the evaluator uses those checkFormula saw, else it reads them off the values. */
  scope?: { typeOf(path: FieldPath): FormulaType | undefined };
}

/** A value while evaluating: a Decimal, text, boolean, day number (date) or milliseconds (dateTime); null is blank. */
type Value = Decimal | string | boolean | number | null;

/** The largest count LEFT/RIGHT take (PostgreSQL's int). */
const MAX_COUNT = 2_147_483_647;
/** MID's start and count are clamped to this, so their sum stays a PostgreSQL int. */
const MAX_POSITION = 1_000_000_000;
/** Day offsets beyond this cannot land within the years 1–9999 from any date in them. */
const MAX_DAY_OFFSET = 4_000_000;
const MAX_MONTH_OFFSET = 200_000;
const FIRST_MONTH = 12; // 0001-01
const LAST_MONTH = 9999 * 12 + 11; // 9999-12

/**
 * Evaluates a formula over one record in JavaScript (no eval: the CSP forbids it), with the same result
 * formulaToSql computes in PostgreSQL: numbers come back as JavaScript numbers, text as strings, dates as
 * `YYYY-MM-DD`, date-times as ISO strings (UTC), blank as null. A formula that does not type-check gives null.
 */
export function evaluateFormula(expr: Expr, value: (path: FieldPath) => unknown, ctx: EvalContext): unknown {
  const types = typesFor(expr, value, ctx);
  if (!types) return null;
  const result = new Evaluator(types, value, ctx).run(expr);
  return output(types.get(expr), result);
}

function typesFor(expr: Expr, value: (path: FieldPath) => unknown, ctx: EvalContext): TypeMap | undefined {
  if (ctx.scope) {
    const typing = typeFormula(expr, (path) => ctx.scope?.typeOf(path));
    return typing.issues.length === 0 ? typing.types : undefined;
  }
  const checked = checkedTypes(expr);
  if (checked) return checked;
  // No scope: read each field's type off its value; blank fields take the first type that checks.
  for (const blank of ['number', 'text', 'date', 'dateTime', 'boolean'] as const) {
    const typing = typeFormula(expr, (path) => shapeOf(value(path)) ?? blank);
    if (typing.issues.length === 0) return typing.types;
  }
  return undefined;
}

function shapeOf(raw: unknown): FormulaType | undefined {
  if (typeof raw === 'number') return 'number';
  if (typeof raw === 'boolean') return 'boolean';
  if (raw instanceof Date) return 'dateTime';
  if (typeof raw !== 'string') return undefined;
  if (cal.parseDate(raw) !== undefined) return 'date';
  if (cal.parseDateTime(raw) !== undefined) return 'dateTime';
  return 'text';
}

function output(type: FormulaType | undefined, result: Value): unknown {
  if (result === null || type === undefined) return null;
  switch (type) {
    case 'number':
      return dec.toNumber(result as Decimal);
    case 'date':
      return cal.formatDate(result as number);
    case 'dateTime':
      return new Date(result as number).toISOString();
    default:
      return result;
  }
}

/** A field's raw value (as the API or the form holds it) in the evaluator's representation. */
function readField(type: FormulaType, raw: unknown): Value {
  if (raw === null || raw === undefined) return null;
  switch (type) {
    case 'number':
      if (typeof raw === 'number') return dec.fromNumber(raw) ?? null;
      return typeof raw === 'string' ? (dec.parseDecimal(raw) ?? null) : null;
    case 'text':
      return typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : null;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : null;
    case 'date':
      if (raw instanceof Date) return Math.floor(raw.getTime() / 86_400_000);
      return typeof raw === 'string' ? (cal.parseDate(raw.slice(0, 10)) ?? null) : null;
    case 'dateTime':
      if (raw instanceof Date) return raw.getTime();
      return typeof raw === 'string' ? (cal.parseDateTime(raw) ?? null) : null;
  }
}

/** Compares two non-blank values of one type: text by Unicode code points (PostgreSQL's COLLATE "C"). */
function compareValues(type: FormulaType, a: Value, b: Value): number {
  if (type === 'number') return dec.compare(a as Decimal, b as Decimal);
  if (type === 'text') return compareCodePoints(a as string, b as string);
  const [x, y] = type === 'boolean' ? [Number(a), Number(b)] : [a as number, b as number];
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareCodePoints(a: string, b: string): number {
  const [x, y] = [Array.from(a), Array.from(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const diff = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return Math.sign(x.length - y.length);
}

/** Text of a value, as TEXT() and & write it. */
export function textOf(type: FormulaType, value: Value, timeZone: string): string | null {
  if (value === null) return null;
  switch (type) {
    case 'number':
      return dec.toText(value as Decimal);
    case 'text':
      return value as string;
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'date':
      return cal.formatDate(value as number);
    case 'dateTime':
      return cal.formatDateTime(value as number, timeZone);
  }
}

const TRIMMED = /^[ \t\n\r\u3000]+|[ \t\n\r\u3000]+$/g;

/** Case mapping one character to one, as PostgreSQL does (so "ß" stays "ß", where JavaScript writes "SS"). */
function mapCase(text: string, upper: boolean): string {
  return Array.from(text)
    .map((char) => {
      const mapped = upper ? char.toUpperCase() : char.toLowerCase();
      return Array.from(mapped).length === 1 ? mapped : char;
    })
    .join('');
}

class Evaluator {
  constructor(
    private readonly types: TypeMap,
    private readonly value: (path: FieldPath) => unknown,
    private readonly ctx: EvalContext,
  ) {}

  private typeOf(node: Expr): FormulaType {
    return this.types.get(node) as FormulaType;
  }

  run(node: Expr): Value {
    switch (node.kind) {
      case 'number':
        return dec.parseDecimal(node.value) ?? null;
      case 'text':
      case 'boolean':
        return node.value;
      case 'field':
        return readField(this.typeOf(node), this.value(node.path));
      case 'unary': {
        const arg = this.run(node.arg);
        if (arg === null) return null;
        return node.op === '-' ? dec.negate(arg as Decimal) : !arg;
      }
      case 'binary':
        return this.binary(node);
      case 'call':
        return this.call(node);
    }
  }

  private text(node: Expr): string | null {
    return textOf(this.typeOf(node), this.run(node), this.ctx.timeZone);
  }

  /** A date or date-time argument as a day number in the company time zone. */
  private day(node: Expr): number | null {
    const value = this.run(node) as number | null;
    if (value === null) return null;
    return this.typeOf(node) === 'dateTime' ? cal.dayOf(value, this.ctx.timeZone) : value;
  }

  private binary(node: Extract<Expr, { kind: 'binary' }>): Value {
    if (node.op === '&') return (this.text(node.left) ?? '') + (this.text(node.right) ?? '');
    const left = this.run(node.left);
    const right = this.run(node.right);
    if (node.op === 'AND') return and([left as boolean | null, right as boolean | null]);
    if (node.op === 'OR') return or([left as boolean | null, right as boolean | null]);
    if (left === null || right === null) return null;
    const [lt, rt] = [this.typeOf(node.left), this.typeOf(node.right)];
    switch (node.op) {
      case '+':
        if (lt === 'date') return addDays(left as number, right as Decimal);
        if (rt === 'date') return addDays(right as number, left as Decimal);
        return dec.add(left as Decimal, right as Decimal);
      case '-':
        if (lt === 'date' && rt === 'date') return dec.fromInteger((left as number) - (right as number));
        if (lt === 'date') return addDays(left as number, dec.negate(right as Decimal));
        return dec.subtract(left as Decimal, right as Decimal);
      case '*':
        return dec.multiply(left as Decimal, right as Decimal);
      case '/':
        return dec.divide(left as Decimal, right as Decimal) ?? null;
      default: {
        const order = compareValues(lt, left, right);
        switch (node.op) {
          case '=':
            return order === 0;
          case '<>':
            return order !== 0;
          case '<':
            return order < 0;
          case '<=':
            return order <= 0;
          case '>':
            return order > 0;
          case '>=':
            return order >= 0;
        }
      }
    }
  }

  private call(node: Extract<Expr, { kind: 'call' }>): Value {
    const args = node.args;
    const arg = (i: number): Value => this.run(args[i] as Expr);
    const num = (i: number): Decimal | null => arg(i) as Decimal | null;
    const str = (i: number): string | null => arg(i) as string | null;
    switch (node.name) {
      case 'IF':
        return arg(0) === true ? arg(1) : args.length > 2 ? arg(2) : null;
      case 'IFS':
        for (let i = 0; i < args.length; i += 2) if (arg(i) === true) return arg(i + 1);
        return null;
      case 'SWITCH': {
        const subject = arg(0);
        const type = this.typeOf(args[0] as Expr);
        const pairs = args.length - 1 - ((args.length - 1) % 2);
        if (subject !== null)
          for (let i = 1; i < pairs; i += 2) {
            const match = arg(i);
            if (match !== null && compareValues(type, subject, match) === 0) return arg(i + 1);
          }
        return args.length % 2 === 0 ? arg(args.length - 1) : null;
      }
      case 'COALESCE':
        for (let i = 0; i < args.length; i += 1) {
          const value = arg(i);
          if (value !== null) return value;
        }
        return null;
      case 'ISBLANK': {
        const value = arg(0);
        return value === null || value === '';
      }
      case 'AND':
        return and(args.map((_, i) => arg(i) as boolean | null));
      case 'OR':
        return or(args.map((_, i) => arg(i) as boolean | null));
      case 'NOT': {
        const value = arg(0);
        return value === null ? null : !value;
      }
      case 'ROUND':
      case 'ROUNDUP':
      case 'ROUNDDOWN': {
        const value = num(0);
        if (value === null) return null;
        const digits = args[1] ? (digitsOf(args[1]) ?? 0) : 0;
        const mode =
          node.name === 'ROUND' ? 'halfAwayFromZero' : node.name === 'ROUNDUP' ? 'awayFromZero' : 'towardZero';
        return dec.round(value, digits, mode);
      }
      case 'ABS': {
        const value = num(0);
        return value === null ? null : dec.abs(value);
      }
      case 'MOD': {
        const [a, b] = [num(0), num(1)];
        return a === null || b === null ? null : (dec.modulo(a, b) ?? null);
      }
      case 'MIN':
      case 'MAX': {
        const type = this.typeOf(node);
        let best: Value = null;
        for (let i = 0; i < args.length; i += 1) {
          const value = arg(i);
          if (value === null) continue;
          const order = best === null ? 0 : compareValues(type, value, best);
          if (best === null || (node.name === 'MIN' ? order < 0 : order > 0)) best = value;
        }
        return best;
      }
      case 'LEN': {
        const value = str(0);
        return value === null ? null : dec.fromInteger(Array.from(value).length);
      }
      case 'LEFT':
      case 'RIGHT': {
        const value = str(0);
        const count = args.length > 1 ? num(1) : dec.fromInteger(1);
        if (value === null || count === null) return null;
        const n = Math.max(0, dec.toClampedInteger(count, MAX_COUNT));
        const chars = Array.from(value);
        return (node.name === 'LEFT' ? chars.slice(0, n) : chars.slice(Math.max(0, chars.length - n))).join('');
      }
      case 'MID': {
        const [value, start, count] = [str(0), num(1), num(2)];
        if (value === null || start === null || count === null) return null;
        const from = Math.max(1, dec.toClampedInteger(start, MAX_POSITION)) - 1;
        const length = Math.max(0, dec.toClampedInteger(count, MAX_POSITION));
        return Array.from(value)
          .slice(from, from + length)
          .join('');
      }
      case 'FIND': {
        const [part, value] = [str(0), str(1)];
        if (part === null || value === null) return null;
        const at = value.indexOf(part);
        return dec.fromInteger(at < 0 ? 0 : Array.from(value.slice(0, at)).length + 1);
      }
      case 'UPPER':
      case 'LOWER': {
        const value = str(0);
        return value === null ? null : mapCase(value, node.name === 'UPPER');
      }
      case 'TRIM': {
        const value = str(0);
        return value === null ? null : value.replace(TRIMMED, '');
      }
      case 'CONCAT':
        return args.map((a) => this.text(a) ?? '').join('');
      case 'TEXT':
        return this.text(args[0] as Expr);
      case 'TODAY':
        return cal.dayOf(this.ctx.now.getTime(), this.ctx.timeZone);
      case 'NOW':
        return this.ctx.now.getTime();
      case 'ME':
        return this.ctx.actorId || null;
      case 'DATE': {
        const [y, m, d] = [num(0), num(1), num(2)];
        if (y === null || m === null || d === null) return null;
        const month = dec.toClampedInteger(y, 100_000) * 12 + dec.toClampedInteger(m, 10_000_000) - 1;
        const day = dec.toClampedInteger(d, MAX_DAY_OFFSET + 1);
        if (month < FIRST_MONTH || month > LAST_MONTH || Math.abs(day) > MAX_DAY_OFFSET) return null;
        return cal.inRange(cal.daysFromCivil(Math.floor(month / 12), (month % 12) + 1, 1) + day - 1) ?? null;
      }
      case 'YEAR':
      case 'MONTH':
      case 'DAY': {
        const day = this.day(args[0] as Expr);
        if (day === null) return null;
        const civil = cal.civilFromDays(day);
        return dec.fromInteger(node.name === 'YEAR' ? civil.year : node.name === 'MONTH' ? civil.month : civil.day);
      }
      case 'WEEKDAY': {
        const day = this.day(args[0] as Expr);
        // 1970-01-01 was a Thursday (5 when Sunday is 1).
        return day === null ? null : dec.fromInteger(((((day + 4) % 7) + 7) % 7) + 1);
      }
      case 'DATEDIF': {
        const [start, end] = [this.day(args[0] as Expr), this.day(args[1] as Expr)];
        if (start === null || end === null) return null;
        const unit = (args[2] as Extract<Expr, { kind: 'text' }>).value.toLowerCase();
        if (unit === 'd') return dec.fromInteger(end - start);
        const sign = end < start ? -1 : 1;
        const months = sign < 0 ? wholeMonths(end, start) : wholeMonths(start, end);
        return dec.fromInteger(sign * (unit === 'm' ? months : Math.floor(months / 12)));
      }
      case 'EDATE': {
        const day = this.day(args[0] as Expr);
        const offset = num(1);
        if (day === null || offset === null) return null;
        return addMonths(day, dec.toClampedInteger(offset, MAX_MONTH_OFFSET));
      }
      default:
        return null;
    }
  }
}

function and(values: (boolean | null)[]): boolean | null {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}

function or(values: (boolean | null)[]): boolean | null {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

function addDays(day: number, offset: Decimal): number | null {
  const days = dec.toClampedInteger(offset, MAX_DAY_OFFSET + 1);
  if (Math.abs(days) > MAX_DAY_OFFSET) return null;
  return cal.inRange(day + days) ?? null;
}

/** Whole months from `start` to `end` (start ≤ end): a month counts once its day of the month is reached. */
function wholeMonths(start: number, end: number): number {
  const [a, b] = [cal.civilFromDays(start), cal.civilFromDays(end)];
  return b.year * 12 + b.month - (a.year * 12 + a.month) - (b.day < a.day ? 1 : 0);
}

function addMonths(day: number, offset: number): number | null {
  const civil = cal.civilFromDays(day);
  const month = civil.year * 12 + civil.month - 1 + offset;
  if (month < FIRST_MONTH || month > LAST_MONTH) return null;
  const [year, monthOfYear] = [Math.floor(month / 12), (month % 12) + 1];
  return cal.daysFromCivil(year, monthOfYear, Math.min(civil.day, cal.daysInMonth(year, monthOfYear)));
}
