import fc from 'fast-check';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkedTypes,
  checkFormula,
  evaluateFormula,
  parseFormula,
  sqlSizeBound,
  type FieldPath,
  type FormulaType,
} from '@lodestar/core';
import { formulaToSql, textLiteral as sqlText } from '../src/formula/to-sql.js';
import { createPgliteDb, createTestDb, type TestDb } from './support/test-db.js';

/**
 * Issue 14's property: random formulas over random records give the same value in the browser's evaluator
 * (evaluateFormula) and in PostgreSQL (formulaToSql), with nulls, negative numbers, halves, dates around
 * midnight in Asia/Shanghai and month ends.
 */

const TIME_ZONE = 'Asia/Shanghai';

/** The record's columns: name, SQL type, formula type. */
const COLUMNS: [string, string, FormulaType][] = [
  ['amount', 'numeric(18,2)', 'number'],
  ['rate', 'double precision', 'number'],
  ['qty', 'integer', 'number'],
  ['name', 'text', 'text'],
  ['level', 'text', 'text'],
  ['signedOn', 'date', 'date'],
  ['dueOn', 'date', 'date'],
  ['startsAt', 'timestamptz', 'dateTime'],
  ['vip', 'boolean', 'boolean'],
  ['customer.level', 'text', 'text'],
  ['customer.since', 'date', 'date'],
];
const TYPES = new Map(COLUMNS.map(([name, , type]) => [name, type]));
const scope = { typeOf: (path: FieldPath) => TYPES.get(path.join('.')) };
const fieldsOf = (type: FormulaType): string[] => COLUMNS.filter(([, , t]) => t === type).map(([name]) => name);

// ---- random formulas, by result type ----

type Gen = fc.Arbitrary<string>;
const numberLiteral: Gen = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('0.5', '2.5', '1.005', '0.125', '0.1', '0.2', '0.3', '1234.5', '0', '1000000'),
  fc.integer({ min: -99999, max: 99999 }).map((n) => (n / 1000).toString()),
);
const CHARS = ['a', 'B', 'z', ' ', '\u3000', '"', "'", '\\', '杭', '州', 'é', 'ß', '😀', '-', '1', '\t'];
const textValue = fc.array(fc.constantFrom(...CHARS), { maxLength: 6 }).map((chars) => chars.join(''));
const textLiteral: Gen = textValue.map((text) => `"${text.replace(/"/g, '""')}"`);
const ref = (type: FormulaType): Gen => fc.constantFrom(...fieldsOf(type));
const unit = fc.constantFrom('"d"', '"m"', '"y"', '"D"');
const call = (name: string, ...args: Gen[]): Gen => fc.tuple(...args).map((parts) => `${name}(${parts.join(', ')})`);
const infix = (left: Gen, op: string, right: Gen): Gen => fc.tuple(left, right).map(([a, b]) => `(${a} ${op} ${b})`);
const digits = fc.integer({ min: -3, max: 4 }).map(String);

function formula(type: FormulaType, depth: number): Gen {
  const sub = (t: FormulaType): Gen => formula(t, depth - 1);
  const leaves: Record<FormulaType, Gen[]> = {
    number: [numberLiteral, ref('number')],
    text: [textLiteral, ref('text')],
    boolean: [fc.constantFrom('TRUE', 'FALSE'), ref('boolean')],
    date: [ref('date'), fc.constant('TODAY()')],
    dateTime: [ref('dateTime'), fc.constant('NOW()')],
  };
  if (depth <= 0) return fc.oneof(...leaves[type]);
  const any = fc.constantFrom<FormulaType>('number', 'text', 'boolean', 'date', 'dateTime').chain((t) => sub(t));
  const temporal = fc.oneof(sub('date'), sub('dateTime'));
  const shared: Gen[] = [
    call('IF', sub('boolean'), sub(type), sub(type)),
    call('IF', sub('boolean'), sub(type)),
    call('COALESCE', sub(type), sub(type)),
    call('IFS', sub('boolean'), sub(type), sub('boolean'), sub(type)),
    call('SWITCH', sub('text'), textLiteral, sub(type), ref('text'), sub(type), sub(type)),
  ];
  const own: Record<FormulaType, Gen[]> = {
    number: [
      infix(sub('number'), '+', sub('number')),
      infix(sub('number'), '-', sub('number')),
      infix(sub('number'), '*', sub('number')),
      infix(sub('number'), '/', sub('number')),
      sub('number').map((a) => `-${a}`),
      call('ROUND', sub('number'), digits),
      call('ROUND', sub('number')),
      call('ROUNDUP', sub('number'), digits),
      call('ROUNDDOWN', sub('number'), digits),
      call('ABS', sub('number')),
      call('MOD', sub('number'), sub('number')),
      call('MIN', sub('number'), sub('number'), sub('number')),
      call('MAX', sub('number'), sub('number')),
      call('LEN', sub('text')),
      call('FIND', sub('text'), sub('text')),
      call('WEEKDAY', temporal),
      sub('number').map((a) => `${a}%`),
      call('YEAR', temporal),
      call('MONTH', temporal),
      call('DAY', temporal),
      call('DATEDIF', temporal, temporal, unit),
      infix(sub('date'), '-', sub('date')),
    ],
    text: [
      infix(any, '&', any),
      call('LEFT', sub('text'), sub('number')),
      call('RIGHT', sub('text'), sub('number')),
      call('LEFT', sub('text')),
      call('MID', sub('text'), sub('number'), sub('number')),
      call('UPPER', sub('text')),
      call('LOWER', sub('text')),
      call('TRIM', sub('text')),
      call('CONCAT', any, any, any),
      call('TEXT', any),
      call('MIN', sub('text'), sub('text')),
      call('MAX', sub('text'), sub('text')),
    ],
    boolean: [
      fc
        .tuple(
          fc.constantFrom<FormulaType>('number', 'text', 'date', 'dateTime', 'boolean'),
          fc.constantFrom('=', '<>', '<', '<=', '>', '>='),
        )
        .chain(([t, op]) => infix(sub(t), op, sub(t))),
      infix(sub('boolean'), 'AND', sub('boolean')),
      infix(sub('boolean'), 'OR', sub('boolean')),
      sub('boolean').map((a) => `(NOT ${a})`),
      call('AND', sub('boolean'), sub('boolean'), sub('boolean')),
      call('OR', sub('boolean'), sub('boolean')),
      call('NOT', sub('boolean')),
      call('ISBLANK', any),
    ],
    date: [
      call('DATE', sub('number'), sub('number'), sub('number')),
      call(
        'DATE',
        fc.integer({ min: 1990, max: 2040 }).map(String),
        fc.integer({ min: -13, max: 26 }).map(String),
        fc.integer({ min: -31, max: 62 }).map(String),
      ),
      call('EDATE', temporal, sub('number')),
      infix(sub('date'), '+', sub('number')),
      infix(sub('date'), '-', sub('number')),
      call('MIN', sub('date'), sub('date')),
      call('MAX', sub('date'), sub('date')),
    ],
    dateTime: [call('MIN', sub('dateTime'), sub('dateTime')), call('MAX', sub('dateTime'), sub('dateTime'))],
  };
  return fc.oneof(
    { weight: 2, arbitrary: fc.oneof(...leaves[type]) },
    { weight: 5, arbitrary: fc.oneof(...own[type], ...shared) },
  );
}

// ---- random records ----

const day = fc.oneof(
  // Month ends and leap days…
  fc.tuple(fc.integer({ min: 1999, max: 2031 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(1, 28, 29, 30, 31)),
  fc.tuple(fc.integer({ min: 1999, max: 2031 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })),
);
const dateValue = day
  .map(([y, m, d]) => new Date(Date.UTC(y, m - 1, d)))
  .map((date) => date.toISOString().slice(0, 10))
  .chain((text) => fc.constantFrom(text, text, '0001-01-01', '9999-12-31', '2024-02-29'));
// …and instants around midnight in Shanghai (16:00 UTC).
const instant = fc
  .tuple(day, fc.constantFrom('15:59:59.999', '16:00:00.000', '16:00:00.001', '00:00:00.000', '03:30:15.250'))
  .map(([[y, m, d], time]) => {
    const date = new Date(Date.UTC(y, m - 1, Math.min(d, 28)));
    return `${date.toISOString().slice(0, 10)}T${time}Z`;
  });
const orNull = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { freq: 4, nil: null });
const money = fc.oneof(
  fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }).map((cents) => cents / 100),
  fc.constantFrom(0, 0.5, -0.5, 2.5, -2.5, 0.05, -0.05, 1.15, 99.99),
);
const record = fc.record({
  amount: orNull(money),
  rate: orNull(
    fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0.1, 0.2, 2.675, -1.005, 0.5)),
  ),
  qty: orNull(fc.integer({ min: -1000, max: 1000 })),
  name: orNull(textValue),
  level: orNull(fc.constantFrom('key', 'normal', 'Key', '', ' key')),
  signedOn: orNull(dateValue),
  dueOn: orNull(dateValue),
  startsAt: orNull(instant),
  vip: orNull(fc.boolean()),
  'customer.level': orNull(fc.constantFrom('key', 'normal', 'a', '')),
  'customer.since': orNull(dateValue),
});

// ---- comparing ----

let testDb: TestDb;
let pglite: TestDb;
/** The database the comparisons run on: PostgreSQL, and PGlite for the smoke test. */
let knex: Knex;

beforeAll(async () => {
  testDb = await createTestDb('postgres');
  knex = testDb.db.knex;
});
afterAll(async () => {
  await testDb?.drop();
  await pglite?.drop();
});

const alias = (path: FieldPath): string => `r."${path.join('.')}"`;

/** The formula's value in PostgreSQL, as text the test compares (and now(), to give the evaluator the same clock). */
async function inPostgres(
  sql: string,
  type: FormulaType,
  values: Record<string, unknown>,
): Promise<{ value: string | null; now: Date }> {
  const shown =
    type === 'dateTime'
      ? `to_char(v AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : type === 'date'
        ? `to_char(v, 'YYYY-MM-DD')`
        : 'v::text';
  const columns = COLUMNS.map(([name, sqlType]) => `?::${sqlType} AS "${name}"`).join(', ');
  const bindings = COLUMNS.map(([name]) => values[name] ?? null);
  const result = await knex.raw<{ rows: { value: string | null; now: number }[] }>(
    `SELECT ${shown} AS value, floor(extract(epoch from now()) * 1000) AS now FROM (SELECT ${sql} AS v FROM (SELECT ${columns}) r) q`,
    bindings as Knex.RawBinding[],
  );
  const row = result.rows[0]!;
  return { value: row.value, now: new Date(Number(row.now)) };
}

function shownInJs(type: FormulaType, value: unknown): string | null {
  if (value === null) return null;
  if (type === 'number') return String(value);
  if (type === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

async function agree(
  source: string,
  values: Record<string, unknown>,
  actor?: { id: string | null },
): Promise<string | null> {
  const parsed = parseFormula(source);
  expect(parsed.issues, source).toEqual([]);
  const checked = checkFormula(parsed.expr!, { ...scope, actor: actor !== undefined });
  expect(
    checked.issues.map((issue) => issue.message.en),
    source,
  ).toEqual([]);
  const sql = formulaToSql(parsed.expr!, alias, {
    timeZone: TIME_ZONE,
    ...(actor?.id && { actor: sqlText(actor.id) }),
  });
  // The checker's bound on the SQL's size (sql-size.ts) holds, so it can refuse formulas before they grow.
  expect(sql.length, source).toBeLessThanOrEqual(sqlSizeBound(parsed.expr!, checkedTypes(parsed.expr!)!));
  const pg = await inPostgres(sql, checked.type, values);
  const js = evaluateFormula(parsed.expr!, (path) => values[path.join('.')] ?? null, {
    now: pg.now,
    timeZone: TIME_ZONE,
    actorId: actor?.id ?? null,
  });
  const expected = checked.type === 'number' && pg.value !== null ? String(Number(pg.value)) : pg.value;
  expect(shownInJs(checked.type, js), `${source}\n${JSON.stringify(values)}\n${sql}`).toBe(expected);
  return expected;
}

/** Known edges, with the value both sides must give. */
const EDGES: [string, Record<string, unknown>, string | null][] = [
  ['0.1 + 0.2', {}, '0.3'],
  ['rate * 3', { rate: 0.1 }, '0.3'],
  ['ROUND(amount * 1.5, 1)', { amount: 2.5 }, '3.8'],
  ['ROUND(rate, 2)', { rate: 2.675 }, '2.68'],
  ['ROUND(-2.5) & "|" & ROUNDUP(-0.01, 1) & "|" & ROUNDDOWN(-0.09, 1)', {}, '-3|-0.1|0'],
  ['2 / 3 * 3', {}, '2.0000000001'],
  ['qty / 0', { qty: 3 }, null],
  ['TEXT(startsAt)', { startsAt: '2026-01-31T15:59:59.999Z' }, '2026-01-31 23:59:59'],
  ['TEXT(startsAt)', { startsAt: '2026-01-31T16:00:00.000Z' }, '2026-02-01 00:00:00'],
  ['DATEDIF(startsAt, signedOn, "d")', { startsAt: '2026-02-28T16:00:00Z', signedOn: '2026-03-01' }, '0'],
  ['EDATE(signedOn, 1)', { signedOn: '2024-01-31' }, '2024-02-29'],
  ['signedOn - 800000', { signedOn: '1999-01-01' }, null],
  [
    'FIND("", "") & FIND("😀", name) & "|" & MID(name, 0, 3) & "|" & WEEKDAY(signedOn) & "|" & 30%',
    { name: "It's 😀", signedOn: '2026-03-01' },
    "16|It'|1|0.3",
  ],
  ['name & "|" & LEN(name)', { name: "It's 50\\% 杭😀" }, "It's 50\\% 杭😀|12"],
];

describe('formulas agree in JavaScript and PostgreSQL', () => {
  it.each(EDGES)('%s', async (source, values, expected) => {
    expect(await agree(source, values)).toBe(expected);
  });

  for (const type of ['number', 'text', 'boolean', 'date', 'dateTime'] as const) {
    it(`random ${type} formulas over random records`, async () => {
      await fc.assert(
        fc.asyncProperty(formula(type, 3), record, async (source, values) => {
          await agree(source, values);
        }),
        { numRuns: Number(process.env.FORMULA_RUNS ?? 150) },
      );
    });
  }
});

describe('ME(): the acting user, where a user acts', () => {
  const me = '5b0e8f36-2a39-4b6e-9c0e-1f2a3b4c5d6e';
  it.each<[string, Record<string, unknown>, { id: string | null }, string | null]>([
    ['ME()', {}, { id: me }, me],
    ['ME() = name', { name: me }, { id: me }, 'true'],
    ['name = ME()', { name: 'someone else' }, { id: me }, 'false'],
    ['IF(name = ME(), "mine", "theirs")', { name: me }, { id: null }, 'theirs'],
    ['ME()', {}, { id: null }, null],
  ])('%s (%j, actor %j)', async (source, values, actor, expected) => {
    expect(await agree(source, values, actor)).toBe(expected);
  });

  it('is refused where no user acts (formula fields, rules, schedules), at the call, in both languages', () => {
    const parsed = parseFormula('name = ME()');
    const issues = checkFormula(parsed.expr!, scope).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ offset: 7, length: 4 });
    expect(issues[0]!.message.zh).toContain('ME()');
    expect(checkFormula(parsed.expr!, { ...scope, actor: true }).issues).toEqual([]);
  });
});

describe('formulas on PGlite (the embedded database) give the same values', () => {
  beforeAll(async () => {
    pglite = await createPgliteDb();
    knex = pglite.db.knex;
  });
  afterAll(() => {
    knex = testDb.db.knex;
  });

  it.each(EDGES)('%s', async (source, values, expected) => {
    expect(await agree(source, values)).toBe(expected);
  });
});
