import type { Text } from '../text.js';
import type { Expr, FieldPath, FormulaIssue, FormulaType } from './ast.js';
import { FUNCTIONS, type ParamType } from './functions.js';

/** The type of every node of a formula, as the checker, the evaluator and the SQL compiler read it. */
export type TypeMap = Map<Expr, FormulaType>;

export interface Typing {
  types: TypeMap;
  refs: FieldPath[];
  volatile: boolean;
  /** The ME() calls: the formula reads who is acting. */
  actorCalls: Expr[];
  issues: FormulaIssue[];
}

const TYPE_NAMES: Record<FormulaType, Text> = {
  number: { en: 'a number', zh: '数字' },
  text: { en: 'text', zh: '文本' },
  boolean: { en: 'a logical value (TRUE/FALSE)', zh: '逻辑值（TRUE/FALSE）' },
  date: { en: 'a date', zh: '日期' },
  dateTime: { en: 'a date-time', zh: '日期时间' },
};

const PARAM_NAMES: Record<'temporal' | 'any', Text> = {
  temporal: { en: 'a date or date-time', zh: '日期或日期时间' },
  any: { en: 'a value', zh: '值' },
};

export const DATEDIF_UNITS = ['d', 'm', 'y'] as const;

/** Digits ROUND and its siblings accept (a whole number literal). */
export const MAX_DIGITS = 10;

/**
 * Types a formula bottom-up. `typeOf` names each field's type (undefined: no such field). Problems are
 * collected, not thrown; a node whose type cannot be known is left out of the map and its parents
 * do not report again.
 */
export function typeFormula(expr: Expr, typeOf: (path: FieldPath) => FormulaType | undefined): Typing {
  const types: TypeMap = new Map();
  const refs: FieldPath[] = [];
  const issues: FormulaIssue[] = [];
  let volatile = false;
  const actorCalls: Expr[] = [];

  const issue = (node: Expr, en: string, zh: string): undefined => {
    issues.push({ offset: node.offset, length: node.length, message: { en, zh } });
    return undefined;
  };
  const wrong = (node: Expr, expected: Text, actual: FormulaType, where: Text): undefined =>
    issue(
      node,
      `${where.en} needs ${expected.en}, not ${TYPE_NAMES[actual].en}`,
      `${where.zh}需要${expected.zh}，而不是${TYPE_NAMES[actual].zh}`,
    );

  const visit = (node: Expr): FormulaType | undefined => {
    const type = infer(node);
    if (type) types.set(node, type);
    return type;
  };

  const infer = (node: Expr): FormulaType | undefined => {
    switch (node.kind) {
      case 'number':
        return 'number';
      case 'text':
        return 'text';
      case 'boolean':
        return 'boolean';
      case 'field': {
        const type = typeOf(node.path);
        if (!type) {
          const name = node.path.join('.');
          return issue(node, `There is no field “${name}” a formula can use`, `没有可在公式中使用的字段“${name}”`);
        }
        if (!refs.some((ref) => ref.join('.') === node.path.join('.'))) refs.push(node.path);
        return type;
      }
      case 'unary': {
        const arg = visit(node.arg);
        if (!arg) return undefined;
        const want: FormulaType = node.op === '-' ? 'number' : 'boolean';
        const where: Text = node.op === '-' ? { en: '“-”', zh: '“-”' } : { en: 'NOT', zh: 'NOT' };
        return arg === want ? want : wrong(node.arg, TYPE_NAMES[want], arg, where);
      }
      case 'binary':
        return binary(node);
      case 'call':
        return call(node);
    }
  };

  const binary = (node: Extract<Expr, { kind: 'binary' }>): FormulaType | undefined => {
    const left = visit(node.left);
    const right = visit(node.right);
    if (!left || !right) return undefined;
    const where: Text = { en: `“${node.op}”`, zh: `“${node.op}”` };
    switch (node.op) {
      case '&':
        return 'text';
      case 'AND':
      case 'OR':
        if (left !== 'boolean') return wrong(node.left, TYPE_NAMES.boolean, left, where);
        if (right !== 'boolean') return wrong(node.right, TYPE_NAMES.boolean, right, where);
        return 'boolean';
      case '*':
      case '/':
        if (left !== 'number') return wrong(node.left, TYPE_NAMES.number, left, where);
        if (right !== 'number') return wrong(node.right, TYPE_NAMES.number, right, where);
        return 'number';
      case '+':
        if (left === 'number' && right === 'number') return 'number';
        if (left === 'date' && right === 'number') return 'date';
        if (left === 'number' && right === 'date') return 'date';
        return issue(
          node,
          `“+” adds numbers, or days to a date, not ${TYPE_NAMES[left].en} and ${TYPE_NAMES[right].en} (join text with &)`,
          `“+”只能相加数字，或给日期加天数，不能用于${TYPE_NAMES[left].zh}和${TYPE_NAMES[right].zh}（连接文本请用 &）`,
        );
      case '-':
        if (left === 'number' && right === 'number') return 'number';
        if (left === 'date' && right === 'number') return 'date';
        if (left === 'date' && right === 'date') return 'number';
        return issue(
          node,
          `“-” subtracts numbers, days from a date, or two dates, not ${TYPE_NAMES[left].en} and ${TYPE_NAMES[right].en}`,
          `“-”只能相减数字、从日期减去天数或两个日期相减，不能用于${TYPE_NAMES[left].zh}和${TYPE_NAMES[right].zh}`,
        );
      default:
        // Comparisons: both sides of one type.
        if (left !== right)
          return issue(
            node,
            `${where.en} compares values of one type, not ${TYPE_NAMES[left].en} with ${TYPE_NAMES[right].en}`,
            `${where.zh}只能比较同类型的值，不能比较${TYPE_NAMES[left].zh}和${TYPE_NAMES[right].zh}`,
          );
        return 'boolean';
    }
  };

  const call = (node: Extract<Expr, { kind: 'call' }>): FormulaType | undefined => {
    const spec = FUNCTIONS.get(node.name);
    const argTypes = node.args.map((arg) => visit(arg));
    if (!spec) return issue(node, `There is no function ${node.name}`, `没有函数 ${node.name}`);
    if (spec.volatile) volatile = true;
    if (spec.actor) actorCalls.push(node);
    const count = node.args.length;
    const min = spec.params.length - (spec.optional ?? 0);
    const max = spec.repeat ? Infinity : spec.params.length;
    const arityOk =
      count >= min &&
      count <= max &&
      (spec.repeat !== 2 || node.name === 'SWITCH' || (count - spec.params.length) % 2 === 0);
    if (!arityOk)
      return issue(
        node,
        `${node.name} is written ${spec.syntax} (${count} argument${count === 1 ? '' : 's'} given)`,
        `${node.name} 的写法是 ${spec.syntax}（给了 ${count} 个参数）`,
      );
    if (argTypes.some((type) => type === undefined)) return undefined;
    const types = argTypes as FormulaType[];
    const where: Text = { en: node.name, zh: node.name };

    // The shared type T: one type for all T-marked arguments (SWITCH: cases match the expression).
    const tIndexes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const param = paramAt(spec.params, spec.repeat, i, node.name, count);
      if (param === 'T') {
        tIndexes.push(i);
        continue;
      }
      const actual = types[i] as FormulaType;
      if (!accepts(param, actual))
        return wrong(
          node.args[i] as Expr,
          param === 'temporal' || param === 'any' ? PARAM_NAMES[param] : TYPE_NAMES[param],
          actual,
          where,
        );
    }
    let shared: FormulaType | undefined;
    for (const i of tIndexes) {
      const actual = types[i] as FormulaType;
      if (!shared) shared = actual;
      else if (actual !== shared)
        return issue(
          node.args[i] as Expr,
          `${node.name}'s values must be of one type: this is ${TYPE_NAMES[actual].en}, an earlier one ${TYPE_NAMES[shared].en}`,
          `${node.name} 的各个结果值类型必须相同：此处是${TYPE_NAMES[actual].zh}，前面是${TYPE_NAMES[shared].zh}`,
        );
    }
    if ((node.name === 'MIN' || node.name === 'MAX') && shared === 'boolean')
      return wrong(node.args[0] as Expr, { en: 'numbers, dates or text', zh: '数字、日期或文本' }, shared, where);
    if (node.name === 'SWITCH') {
      const subject = types[0] as FormulaType;
      for (let i = 1; i < count - (count % 2 === 0 ? 1 : 0); i += 2) {
        if (types[i] !== subject)
          return issue(
            node.args[i] as Expr,
            `SWITCH compares with values of the expression's type (${TYPE_NAMES[subject].en})`,
            `SWITCH 的匹配值必须与表达式同类型（${TYPE_NAMES[subject].zh}）`,
          );
      }
    }
    if (node.name === 'ROUND' || node.name === 'ROUNDUP' || node.name === 'ROUNDDOWN') {
      const digits = node.args[1];
      if (digits && digitsOf(digits) === undefined)
        return issue(
          digits,
          `${node.name}'s digits must be a whole number from -${MAX_DIGITS} to ${MAX_DIGITS}`,
          `${node.name} 的小数位数必须是 -${MAX_DIGITS} 到 ${MAX_DIGITS} 之间的整数`,
        );
    }
    if (node.name === 'DATEDIF') {
      const unit = node.args[2] as Expr;
      if (unit.kind !== 'text' || !DATEDIF_UNITS.includes(unit.value.toLowerCase() as 'd'))
        return issue(unit, 'DATEDIF counts in "d", "m" or "y"', 'DATEDIF 的单位必须是 "d"、"m" 或 "y"');
    }
    return spec.result === 'T' ? shared : (spec.result as FormulaType);
  };

  visit(expr);
  return { types, refs, volatile, actorCalls, issues };
}

/** ROUND's digits: a whole number literal (possibly negated) within ±MAX_DIGITS. */
export function digitsOf(node: Expr): number | undefined {
  const negative = node.kind === 'unary' && node.op === '-';
  const literal = negative ? node.arg : node;
  if (literal.kind !== 'number' || !/^\d+$/.test(literal.value)) return undefined;
  const value = Number(literal.value) * (negative ? -1 : 1);
  return Math.abs(value) <= MAX_DIGITS ? value : undefined;
}

function paramAt(
  params: readonly ParamType[],
  repeat: 1 | 2 | undefined,
  index: number,
  name: string,
  count: number,
): ParamType {
  if (name === 'SWITCH') {
    if (index === 0) return 'any';
    // A trailing lone argument is the default; otherwise odd positions are cases, even ones values.
    if (count % 2 === 0 && index === count - 1) return 'T';
    return index % 2 === 1 ? 'any' : 'T';
  }
  if (index < params.length) return params[index] as ParamType;
  const width = repeat ?? 1;
  return params[params.length - width + ((index - params.length) % width)] as ParamType;
}

function accepts(param: Exclude<ParamType, 'T'>, actual: FormulaType): boolean {
  if (param === 'any') return true;
  if (param === 'temporal') return actual === 'date' || actual === 'dateTime';
  return param === actual;
}
