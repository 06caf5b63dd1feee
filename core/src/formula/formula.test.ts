import { describe, expect, it } from 'vitest';
import { checkFormula, evaluateFormula, MAX_NESTING, parseFormula, type FieldPath, type FormulaType } from './index.js';

const FIELDS: Record<string, FormulaType> = {
  amount: 'number',
  discount: 'number',
  quantity: 'number',
  name: 'text',
  level: 'text',
  signedOn: 'date',
  plannedEnd: 'date',
  plannedStart: 'date',
  startsAt: 'dateTime',
  vip: 'boolean',
  recordType: 'text',
  state: 'text',
  'customer.level': 'text',
  'customer.since': 'date',
};
const scope = { typeOf: (path: FieldPath) => FIELDS[path.join('.')] };
const ctx = { now: new Date('2026-03-31T16:30:00Z'), timeZone: 'Asia/Shanghai' }; // 2026-04-01 00:30 in Shanghai

function run(source: string, record: Record<string, unknown> = {}): unknown {
  const parsed = parseFormula(source);
  if (!parsed.expr) throw new Error(parsed.issues[0]?.message.en);
  const checked = checkFormula(parsed.expr, scope);
  if (checked.issues.length > 0) throw new Error(checked.issues[0]?.message.en);
  return evaluateFormula(parsed.expr, (path) => record[path.join('.')] ?? null, ctx);
}

function issuesOf(source: string): { offset: number; length: number; en: string; zh: string }[] {
  const parsed = parseFormula(source);
  const issues = parsed.expr ? checkFormula(parsed.expr, scope).issues : parsed.issues;
  return issues.map((issue) => ({ offset: issue.offset, length: issue.length, ...issue.message }));
}

describe('formula language', () => {
  it('computes arithmetic exactly, as numeric does', () => {
    expect(run('0.1 + 0.2 = 0.3')).toBe(true);
    expect(run('amount * (1 - discount)', { amount: 19.99, discount: 0.15 })).toBe(16.9915);
    expect(run('1 / 3')).toBe(0.3333333333);
    expect(run('-2 / 3')).toBe(-0.6666666667);
    expect(run('amount / 0', { amount: 5 })).toBeNull();
    expect(run('2 + 3 * 4 - -1')).toBe(15);
    expect(run('amount * 15% + -50%', { amount: 200 })).toBe(29.5);
    expect(run('amount + 1', {})).toBeNull();
  });

  it('rounds halves away from zero', () => {
    expect(run('ROUND(2.5)')).toBe(3);
    expect(run('ROUND(-2.5)')).toBe(-3);
    expect(run('ROUND(1.005, 2)')).toBe(1.01);
    expect(run('ROUND(1234.5, -2)')).toBe(1200);
    expect(run('ROUNDUP(1.201, 2)')).toBe(1.21);
    expect(run('ROUNDUP(-1.201, 2)')).toBe(-1.21);
    expect(run('ROUNDDOWN(-1.299, 1)')).toBe(-1.2);
    expect(run('ABS(-3)')).toBe(3);
    expect(run('MOD(-7, 3)')).toBe(2);
    expect(run('MOD(7, -3)')).toBe(-2);
    expect(run('MOD(7, 0)')).toBeNull();
    expect(run('MIN(3, amount, 1.5)', {})).toBe(1.5);
    expect(run('MAX(3, amount)', { amount: 4 })).toBe(4);
  });

  it('joins text, treating blank as empty', () => {
    expect(run('name & "-" & amount', { name: '杭州', amount: 1.5 })).toBe('杭州-1.5');
    expect(run('name & "x"')).toBe('x');
    expect(run('CONCAT(name, 1.50, TRUE, signedOn)', { signedOn: '2026-01-02' })).toBe('1.5TRUE2026-01-02');
    expect(run('"say ""hi"""')).toBe('say "hi"');
    expect(run('LEN("西湖智能")')).toBe(4);
    expect(run('LEFT("abcdef", 2) & RIGHT("abcdef", 3) & LEFT("ab")')).toBe('abdefa');
    expect(run('LEFT("abc", -1)')).toBe('');
    expect(run('UPPER("abc") & LOWER("DEF")')).toBe('ABCdef');
    expect(run('TRIM("\u3000 a b \t")')).toBe('a b');
    expect(run('TEXT(startsAt)', { startsAt: '2026-01-01T16:05:09Z' })).toBe('2026-01-02 00:05:09');
    expect(run('LEN(name)')).toBeNull();
    expect(run('MID("西湖智能制造", 3, 2) & MID("abc", -5, 2) & MID("abc", 2, 99)')).toBe('智能abbc');
    expect(run('FIND("湖", "西湖") & FIND("x", "abc") & FIND("c", "a😀c")')).toBe('203');
    expect(run('MID(name, 1, 2)')).toBeNull();
  });

  it('decides with three-valued logic', () => {
    expect(run('IF(level = "key", 0.05, 0.03)', { level: 'key' })).toBe(0.05);
    expect(run('IF(level = "key", 0.05, 0.03)', {})).toBe(0.03);
    expect(run('IF(vip, "yes")', { vip: false })).toBeNull();
    expect(run('IFS(amount > 100, "big", amount > 10, "mid")', { amount: 50 })).toBe('mid');
    expect(run('SWITCH(level, "a", 1, "b", 2, 0)', { level: 'b' })).toBe(2);
    expect(run('SWITCH(level, "a", 1, "b", 2, 0)', {})).toBe(0);
    expect(run('SWITCH(level, "a", 1)', { level: 'c' })).toBeNull();
    expect(run('COALESCE(discount, 0)', {})).toBe(0);
    expect(run('ISBLANK(name)', { name: '' })).toBe(true);
    expect(run('ISBLANK(amount)', { amount: 0 })).toBe(false);
    expect(run('FALSE AND amount > 1', {})).toBe(false);
    expect(run('TRUE OR amount > 1', {})).toBe(true);
    expect(run('TRUE AND amount > 1', {})).toBeNull();
    expect(run('NOT amount > 1', {})).toBeNull();
    expect(run('AND(TRUE, NOT(FALSE), OR(FALSE, TRUE))')).toBe(true);
    expect(run('discount <= 0.3 OR recordType = "strategic"', { discount: 0.4, recordType: 'strategic' })).toBe(true);
    expect(run('"a" < "b" AND "Z" < "a"')).toBe(true);
  });

  it('counts calendar days in the company time zone', () => {
    expect(run('TODAY()')).toBe('2026-04-01');
    expect(
      run('WEEKDAY(DATE(2026, 3, 1)) & WEEKDAY(DATE(2026, 3, 7)) & WEEKDAY(startsAt)', {
        startsAt: '2026-03-07T16:00:00Z',
      }),
    ).toBe('171');
    expect(run('NOW()')).toBe('2026-03-31T16:30:00.000Z');
    expect(run('DATE(2026, 13, 1)')).toBe('2027-01-01');
    expect(run('DATE(2026, 3, 0)')).toBe('2026-02-28');
    expect(run('DATE(10000, 1, 1)')).toBeNull();
    expect(run('YEAR(signedOn) & "/" & MONTH(signedOn) & "/" & DAY(signedOn)', { signedOn: '2024-02-29' })).toBe(
      '2024/2/29',
    );
    expect(run('DAY(startsAt)', { startsAt: '2026-01-31T16:00:00Z' })).toBe(1);
    expect(run('DATEDIF(signedOn, TODAY(), "d")', { signedOn: '2026-03-01' })).toBe(31);
    expect(run('DATEDIF(DATE(2024, 1, 31), DATE(2024, 2, 29), "m")')).toBe(0);
    expect(run('DATEDIF(DATE(2024, 1, 31), DATE(2024, 3, 31), "m")')).toBe(2);
    expect(run('DATEDIF(DATE(2026, 3, 1), DATE(2024, 2, 29), "y")')).toBe(-2);
    expect(run('EDATE(DATE(2026, 1, 31), 1)')).toBe('2026-02-28');
    expect(run('EDATE(DATE(2024, 2, 29), -12)')).toBe('2023-02-28');
    expect(run('signedOn + 30', { signedOn: '2026-01-31' })).toBe('2026-03-02');
    expect(run('plannedEnd - plannedStart', { plannedEnd: '2026-03-01', plannedStart: '2026-02-01' })).toBe(28);
    expect(run('plannedEnd >= plannedStart', { plannedEnd: '2026-03-01', plannedStart: '2026-02-01' })).toBe(true);
  });

  it('reads one relation hop and reports what the formula reads', () => {
    const parsed = parseFormula('IF(customer.level = "key", amount * 0.05, 0) + DATEDIF(customer.since, TODAY(), "d")');
    const checked = checkFormula(parsed.expr!, scope);
    expect(checked).toMatchObject({ type: 'number', rowOnly: false, immutable: false, issues: [] });
    expect(checked.refs).toEqual([['customer', 'level'], ['amount'], ['customer', 'since']]);
    expect(checkFormula(parseFormula('amount * 2').expr!, scope)).toMatchObject({ rowOnly: true, immutable: true });
  });

  it('reports problems where they are, in both languages', () => {
    expect(issuesOf('amount * (1 - discont)')).toEqual([
      expect.objectContaining({ offset: 14, length: 7, en: expect.stringContaining('discont') }),
    ]);
    expect(issuesOf('amount / name')[0]).toMatchObject({ offset: 9, length: 4, zh: expect.stringContaining('数字') });
    expect(issuesOf('FOO(1)')[0]).toMatchObject({ offset: 0, en: 'There is no function FOO' });
    expect(issuesOf('IF(amount, 1, 2)')[0]).toMatchObject({ offset: 3, length: 6 });
    expect(issuesOf('IF(vip, 1, "a")')[0]).toMatchObject({ offset: 11 });
    expect(issuesOf('ROUND(1, amount)')[0]).toMatchObject({ offset: 9 });
    expect(issuesOf('DATEDIF(signedOn, TODAY(), "w")')[0]).toMatchObject({ offset: 27, length: 3 });
    expect(issuesOf('ROUND(1,')[0]).toMatchObject({ offset: 8 });
    expect(issuesOf('"open')[0]).toMatchObject({ offset: 0, en: 'The text has no closing "' });
    expect(issuesOf('a.b.c')[0]).toMatchObject({ offset: 3 });
    expect(issuesOf('name + 1')[0]?.zh).toContain('&');
    expect(issuesOf('')[0]?.en).toBe('The formula is empty');
    for (const issue of issuesOf('amount / name + FOO()')) expect(issue.zh).not.toBe(issue.en);
  });

  it('evaluates without a scope by reading types off the values', () => {
    const parsed = parseFormula('COALESCE(discount, 0) + 1');
    expect(evaluateFormula(parsed.expr!, () => null, ctx)).toBe(1);
    const dates = parseFormula('plannedEnd - plannedStart').expr!;
    const values: Record<string, string> = { plannedEnd: '2026-03-01', plannedStart: '2026-02-01' };
    expect(evaluateFormula(dates, (path) => values[path[0]!], ctx)).toBe(28);
  });

  it('refuses formulas too deep for the parser or too large for the database, with an issue', () => {
    const deep = `${'('.repeat(MAX_NESTING + 1)}1${')'.repeat(MAX_NESTING + 1)}`;
    expect(issuesOf(deep)[0]).toMatchObject({ offset: MAX_NESTING, en: expect.stringContaining('nests') });
    expect(issuesOf(`${'-'.repeat(MAX_NESTING + 1)}1`)[0]?.zh).toContain('嵌套');
    expect(issuesOf(`${'('.repeat(MAX_NESTING - 2)}1${')'.repeat(MAX_NESTING - 2)}`)).toEqual([]);
    // DATE repeats its year in SQL: nested, the statement would grow geometrically.
    let nested = 'signedOn';
    for (let i = 0; i < 8; i += 1) nested = `DATE(YEAR(${nested}), 1, 1)`;
    expect(issuesOf(nested)[0]?.en).toContain('too complex');
    expect(issuesOf('EDATE(EDATE(DATE(YEAR(signedOn), MONTH(signedOn) + 1, 1), 1), -1)')).toEqual([]);
    // A long flat sum is fine (left-nested, but not through the parser's recursion).
    const sum = Array.from({ length: 1500 }, () => '1').join(' + ');
    expect(run(sum)).toBe(1500);
  });
});
