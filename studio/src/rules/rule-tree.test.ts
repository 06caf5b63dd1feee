import { describe, expect, it } from 'vitest';
import { checkFormula, parseFormula, type FormulaType } from '@lodestar/core';
import { fromExpression, sameExpr, toExpression, type CompareRow, type RuleGroup } from './rule-tree';

const row = (field: string, op: CompareRow['op'], ...operands: CompareRow['operands']): CompareRow => ({
  kind: 'compare',
  field,
  op,
  operands,
});

const TYPES: Record<string, FormulaType> = {
  amount: 'number',
  discount: 'number',
  level: 'text',
  name: 'text',
  closeDate: 'date',
  signedOn: 'date',
  vip: 'boolean',
  'customer.level': 'text',
};

/** The engine's own checker (core): every expression the builder writes must check as yes/no. */
function checked(source: string) {
  const parsed = parseFormula(source);
  expect(parsed.issues).toEqual([]);
  const result = checkFormula(parsed.expr!, { typeOf: (path) => TYPES[path.join('.')] });
  expect(result.issues).toEqual([]);
  return result.type;
}

describe('tree → expression → tree', () => {
  it('writes the brief’s condition and reads it back as the same tree', () => {
    const tree: RuleGroup = {
      kind: 'group',
      join: 'all',
      items: [
        row('amount', 'gt', { kind: 'number', value: '100000' }),
        {
          kind: 'group',
          join: 'any',
          items: [
            row('customer.level', 'eq', { kind: 'text', value: 'key' }),
            row('discount', 'gte', { kind: 'number', value: '0.2' }),
          ],
        },
      ],
    };
    const source = toExpression(tree);
    expect(source).toBe('amount > 100000 AND (customer.level = "key" OR discount >= 0.2)');
    expect(checked(source)).toBe('boolean');
    expect(fromExpression(source)).toEqual({ tree, exact: true });
  });

  const rows: [string, CompareRow][] = [
    ['level <> "a ""b"""', row('level', 'ne', { kind: 'text', value: 'a "b"' })],
    ['amount <= -5', row('amount', 'lte', { kind: 'number', value: '-5' })],
    ['amount < discount', row('amount', 'lt', { kind: 'field', path: 'discount' })],
    [
      'AND(amount >= 10, amount <= 20)',
      row('amount', 'between', { kind: 'number', value: '10' }, { kind: 'number', value: '20' }),
    ],
    ['FIND("华", name) > 0', row('name', 'contains', { kind: 'text', value: '华' })],
    ['ISBLANK(name)', row('name', 'empty')],
    ['NOT(ISBLANK(closeDate))', row('closeDate', 'notEmpty')],
    ['OR(level = "a", level = "b")', row('level', 'in', { kind: 'text', value: 'a' }, { kind: 'text', value: 'b' })],
    ['closeDate < DATE(2026, 1, 31)', row('closeDate', 'lt', { kind: 'date', value: '2026-01-31' })],
    ['closeDate > TODAY()', row('closeDate', 'gt', { kind: 'today' })],
    ['closeDate > signedOn', row('closeDate', 'gt', { kind: 'field', path: 'signedOn' })],
    [
      'AND(closeDate >= TODAY(), closeDate <= TODAY() + 30)',
      row('closeDate', 'withinNext', { kind: 'number', value: '30' }),
    ],
    [
      'AND(closeDate >= TODAY() - 7, closeDate <= TODAY())',
      row('closeDate', 'withinPast', { kind: 'number', value: '7' }),
    ],
    ['vip = TRUE', row('vip', 'eq', { kind: 'boolean', value: true })],
  ];
  it.each(rows)('%s is one row of its kind, written back as it was', (source, expected) => {
    expect(fromExpression(source)).toEqual({ tree: { kind: 'group', join: 'all', items: [expected] }, exact: true });
    expect(toExpression({ kind: 'group', join: 'all', items: [expected] })).toBe(source);
    expect(checked(source)).toBe('boolean');
  });

  it('leaves out rows not filled in yet, so a half-built condition never writes broken text', () => {
    const tree: RuleGroup = {
      kind: 'group',
      join: 'any',
      items: [
        row('amount', 'gt', { kind: 'number', value: '' }),
        row('', 'eq', { kind: 'text', value: 'x' }),
        row('level', 'eq', { kind: 'text', value: 'x' }),
        row('closeDate', 'lt', { kind: 'date', value: '2026-13' }),
      ],
    };
    expect(toExpression(tree)).toBe('level = "x"');
  });
});

describe('expressions the rows cannot say', () => {
  it('keeps a part it cannot say as a formula row with the text as written', () => {
    const source = 'amount > 100 AND  LEN(name)>3 OR vip';
    const { tree, exact } = fromExpression(source);
    expect(exact).toBe(true);
    expect(tree).toEqual({
      kind: 'group',
      join: 'any',
      items: [
        {
          kind: 'group',
          join: 'all',
          items: [row('amount', 'gt', { kind: 'number', value: '100' }), { kind: 'formula', source: 'LEN(name)>3' }],
        },
        { kind: 'formula', source: 'vip' },
      ],
    });
    expect(sameExpr(parseFormula(toExpression(tree)).expr!, parseFormula(source).expr!)).toBe(true);
  });

  it('opens a formula with no row in it, or one that does not parse, in formula mode, never changing it', () => {
    for (const source of ['IF(vip, amount > 1, FALSE)', 'amount >', 'NOT vip', 'DATE(2026, 01, 5) < closeDate'])
      expect(fromExpression(source)).toEqual({
        tree: { kind: 'group', join: 'all', items: [{ kind: 'formula', source }] },
        exact: false,
      });
  });

  it('reads a padded date, which it would write differently, as formula text', () => {
    const source = 'closeDate < DATE(2026, 01, 31)';
    const { tree } = fromExpression(source);
    expect(sameExpr(parseFormula(toExpression(tree)).expr!, parseFormula(source).expr!)).toBe(true);
    expect(toExpression(tree)).toBe(source);
  });

  it('nests groups two levels deep and keeps a third level as a parenthesised formula row', () => {
    const source = 'vip OR (amount > 1 AND (level = "a" OR (name = "x" AND discount > 0)))';
    const { tree, exact } = fromExpression(source);
    expect(exact).toBe(true);
    const inner = (tree.items[1] as RuleGroup).items[1] as RuleGroup;
    expect(inner.join).toBe('any');
    expect(inner.items[1]).toEqual({ kind: 'formula', source: 'name = "x" AND discount > 0' });
    expect(toExpression(tree)).toBe(source);
  });

  it('reads a lower-case and / or the same as upper case, and an empty condition as an empty group', () => {
    const { tree } = fromExpression('amount > 1 and vip = TRUE');
    expect(tree.join).toBe('all');
    expect(tree.items).toHaveLength(2);
    expect(fromExpression('  ')).toEqual({ tree: { kind: 'group', join: 'all', items: [] }, exact: true });
  });
});

describe('"是我": the user sending the event', () => {
  it('writes ME() and reads it back as the "me" operand; the engine checks it only where a user acts', () => {
    const tree: RuleGroup = {
      kind: 'group',
      join: 'all',
      items: [row('owner_id', 'eq', { kind: 'me' }), row('assignee', 'ne', { kind: 'me' })],
    };
    const text = toExpression(tree);
    expect(text).toBe('owner_id = ME() AND assignee <> ME()');
    expect(fromExpression(text)).toEqual({ tree, exact: true });
    const parsed = parseFormula(text);
    const scope = { typeOf: (path: readonly string[]) => (path.length === 1 ? ('text' as const) : undefined) };
    expect(checkFormula(parsed.expr!, { ...scope, actor: true }).issues).toEqual([]);
    expect(checkFormula(parsed.expr!, scope).issues).toHaveLength(2);
  });

  it('keeps ME() out of "in" lists, which compare with values only', () => {
    expect(fromExpression('OR(owner_id = ME(), owner_id = "x")').exact).toBe(false);
  });
});
