import { describe, expect, it } from 'vitest';
import { calendarDateIn, parsePattern, periodOf, renderNumber, type PatternPart } from './sequence-pattern.js';

const parts = (pattern: string): PatternPart[] => {
  const parsed = parsePattern(pattern);
  if ('problem' in parsed) throw new Error(parsed.problem.text.en);
  return parsed.parts;
};

describe('numbering patterns', () => {
  const date = { year: 2026, month: 3, day: 7 };

  it('renders dates, the prefix and the zero-padded counter', () => {
    expect(renderNumber(parts('QT-{YYYY}-{0000}'), date, '', 1)).toBe('QT-2026-0001');
    expect(renderNumber(parts('{PREFIX}{YY}{MM}{DD}-{000}'), date, 'SQ', 42)).toBe('SQ260307-042');
  });

  it('prints a number longer than the counter in full', () => {
    expect(renderNumber(parts('QT-{00}'), date, '', 12345)).toBe('QT-12345');
  });

  it('takes the date in the company time zone', () => {
    const instant = new Date('2025-12-31T16:30:00Z');
    expect(calendarDateIn(instant, 'Asia/Shanghai')).toEqual({ year: 2026, month: 1, day: 1 });
    expect(calendarDateIn(instant, 'UTC')).toEqual({ year: 2025, month: 12, day: 31 });
  });

  it('counts per year, per month or for ever', () => {
    expect(periodOf('yearly', date)).toBe('2026');
    expect(periodOf('monthly', date)).toBe('2026-03');
    expect(periodOf('never', date)).toBe('');
    expect(periodOf(undefined, date)).toBe('');
  });
});
