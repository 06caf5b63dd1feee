import { describe, expect, it } from 'vitest';
import type { SqlType } from '../schema/table-spec.js';
import { classifyStep } from './classify.js';
import { isWidening } from './is-widening.js';
import type { Safety, StepDraft } from './plan.js';

const T = (base: SqlType['base'], more: Partial<SqlType> = {}): SqlType => ({ base, ...more });
const at = { table: 'contact', column: 'age' };
const retype = (from: SqlType, to: SqlType, rows?: number, nullable = true): StepDraft => ({
  kind: 'alterType',
  ...at,
  from,
  to,
  nullable,
  ...(rows !== undefined && { rows }),
});
const unenum = (rows: number | undefined, more: { array?: boolean; nullable?: boolean } = {}): StepDraft => ({
  kind: 'removeEnumValues',
  ...at,
  values: ['old'],
  array: more.array ?? false,
  nullable: more.nullable ?? true,
  ...(rows !== undefined && { rows }),
});

describe('classifyStep', () => {
  it.each<[string, StepDraft, Safety, string]>([
    [
      'drop table',
      { kind: 'dropTable', table: 'contact', rows: 5 },
      'destructive',
      'drops table contact and its 5 rows',
    ],
    ['drop empty table', { kind: 'dropTable', table: 'contact', rows: 0 }, 'destructive', '0 rows'],
    ['drop column', { kind: 'dropColumn', ...at, rows: 1 }, 'destructive', 'its 1 stored value'],
    [
      'drop uncounted column',
      { kind: 'dropColumn', ...at },
      'destructive',
      'drops column contact.age and its stored values',
    ],
    [
      'drop links',
      { kind: 'dropJunction', junction: { name: 'a__b', field: 'b', source: 'a', target: 'c' }, rows: 3 },
      'destructive',
      '3 links',
    ],
    [
      'widen varchar',
      retype(T('varchar', { length: 100 }), T('varchar', { length: 200 }), 0),
      'safe',
      'widens varchar(100) → varchar(200)',
    ],
    ['widen to text', retype(T('uuid'), T('text'), 0), 'safe', 'widens'],
    ['widen integer', retype(T('integer'), T('bigint'), 0), 'safe', 'widens'],
    [
      'text to integer with bad values',
      retype(T('text'), T('integer'), 3),
      'destructive',
      '3 values cannot convert to integer and become empty',
    ],
    ['text to integer, all convert', retype(T('text'), T('integer'), 0), 'destructive', 'narrows text → integer'],
    [
      'shrink varchar, uncounted',
      retype(T('varchar', { length: 9 }), T('varchar', { length: 3 })),
      'destructive',
      'not counted yet',
    ],
    ['bad values in a required field', retype(T('text'), T('integer'), 1, false), 'blocked', 'the field is required'],
    ['not null, no empty rows', { kind: 'setNotNull', ...at, rows: 0 }, 'safe', 'no row is empty'],
    [
      'not null, empty rows, no default',
      { kind: 'setNotNull', ...at, rows: 2 },
      'blocked',
      '2 rows have no value and there is no default',
    ],
    [
      'not null, empty rows, default',
      { kind: 'setNotNull', ...at, rows: 2, backfill: 'n' },
      'safe',
      '2 empty rows get the default "n"',
    ],
    ['enum value unused', unenum(0), 'safe', 'no row uses "old"'],
    ['enum value used', unenum(2), 'destructive', '2 rows using "old" become empty'],
    ['enum value used in lists', unenum(2, { array: true }), 'destructive', 'taken out of the lists of 2 rows'],
    ['enum value used by a required field', unenum(1, { nullable: false }), 'blocked', 'the field is required'],
    ['enum value uncounted', unenum(undefined), 'destructive', 'not counted yet'],
    ['enum value added', { kind: 'addEnumValues', ...at, values: ['new'] }, 'safe', 'the column does not change'],
    ['rename', { kind: 'renameColumn', table: 'contact', from: 'a', to: 'b' }, 'safe', 'keeps every value'],
  ])('%s', (_name, draft, safety, reason) => {
    const step = classifyStep(draft);
    expect(step.safety).toBe(safety);
    expect(step.reason).toContain(reason);
  });
});

describe('isWidening', () => {
  it.each<[SqlType, SqlType, boolean]>([
    [T('varchar', { length: 100 }), T('varchar', { length: 200 }), true],
    [T('varchar', { length: 200 }), T('varchar', { length: 100 }), false],
    [T('text'), T('varchar', { length: 100 }), false],
    [T('varchar', { length: 100 }), T('text'), true],
    [T('jsonb'), T('text'), true],
    [T('integer'), T('bigint'), true],
    [T('integer'), T('double precision'), true],
    [T('integer'), T('numeric', { precision: 18, scale: 2 }), true],
    [T('integer'), T('numeric', { precision: 5, scale: 2 }), false],
    [T('bigint'), T('integer'), false],
    [T('numeric', { precision: 18, scale: 2 }), T('numeric', { precision: 20, scale: 4 }), true],
    [T('numeric', { precision: 18, scale: 4 }), T('numeric', { precision: 18, scale: 2 }), false],
    [T('double precision'), T('integer'), false],
    [T('date'), T('timestamptz'), true],
    [T('timestamptz'), T('date'), false],
    [T('text'), T('text', { array: true }), true],
    [T('text', { array: true }), T('integer'), false],
    [T('boolean'), T('jsonb'), true],
  ])('%o → %o: %s', (from, to, widening) => {
    expect(isWidening(from, to)).toBe(widening);
  });
});
