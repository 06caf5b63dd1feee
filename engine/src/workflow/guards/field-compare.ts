import { isFilled } from '../reference.js';
import type { GuardSpec } from './types.js';

type Op = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'empty' | 'notEmpty';

const WORDS: Record<Op, [string, string]> = {
  eq: ['equal', '等于'],
  ne: ['differ from', '不等于'],
  lt: ['be less than', '小于'],
  lte: ['be at most', '不大于'],
  gt: ['be greater than', '大于'],
  gte: ['be at least', '不小于'],
  in: ['be one of', '属于'],
  empty: ['be empty', '为空'],
  notEmpty: ['be filled in', '不为空'],
};

/** Compares one field of the stored record with a literal value; dates compare as ISO text. */
export const fieldCompare: GuardSpec<{ field: string; op: Op; value?: unknown }> = {
  name: 'fieldCompare',
  params: {
    type: 'object',
    required: ['field', 'op'],
    properties: { field: { type: 'string', minLength: 1 }, op: { enum: Object.keys(WORDS) }, value: {} },
    additionalProperties: false,
    if: { properties: { op: { enum: ['empty', 'notEmpty'] } } },
    else: { properties: { value: {} }, required: ['value'] },
  },
  evaluate(ctx, { field, op, value }) {
    if (compare(ctx.record[field], op, value)) return true;
    const [en, zh] = WORDS[op];
    const shown = op === 'empty' || op === 'notEmpty' ? '' : ` ${JSON.stringify(value)}`;
    const title = ctx.fieldTitle?.(field) ?? { en: field, zh: field };
    return { reason: { en: `${title.en} must ${en}${shown}`, zh: `${title.zh} 必须${zh}${shown}` } };
  },
  fields: ({ field, op, value }) => [{ pointer: '/field', field, values: comparedValues(op, value) }],
};

function comparedValues(op: Op, value: unknown): { pointer: string; value: unknown }[] {
  if (op === 'empty' || op === 'notEmpty') return [];
  if (op === 'in') return Array.isArray(value) ? value.map((item, i) => ({ pointer: `/value/${i}`, value: item })) : [];
  return [{ pointer: '/value', value }];
}

function compare(actual: unknown, op: Op, expected: unknown): boolean {
  switch (op) {
    case 'eq':
      return same(actual, expected);
    case 'ne':
      return !same(actual, expected);
    case 'in':
      return Array.isArray(expected) && expected.some((item) => same(actual, item));
    case 'empty':
      return !isFilled(actual);
    case 'notEmpty':
      return isFilled(actual);
    default:
      return order(actual, op, expected);
  }
}

function order(actual: unknown, op: 'lt' | 'lte' | 'gt' | 'gte', expected: unknown): boolean {
  const comparable =
    (typeof actual === 'number' && typeof expected === 'number') ||
    (typeof actual === 'string' && typeof expected === 'string');
  if (!comparable) return false;
  const a = actual as number | string;
  const b = expected as number | string;
  if (op === 'lt') return a < b;
  if (op === 'lte') return a <= b;
  if (op === 'gt') return a > b;
  return a >= b;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
