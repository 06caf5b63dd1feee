import { describe, expect, it } from 'vitest';
import { formulaCalendar } from '@lodestar/core';
import { addBusinessDays, isBusinessDay, weekdayOf, WEEKENDS_ONLY, type BusinessCalendar } from './business-days.js';
import { chinaDefaultDays } from './calendar-tables.js';
import { fromWallTime, toWallTime } from './wall-time.js';

const day = (text: string) => formulaCalendar.parseDate(text)!;
const date = (n: number) => formulaCalendar.formatDate(n);

/** The default calendar as seeded: China's statutory holidays and make-up workdays from chinese-days. */
const china: BusinessCalendar = (() => {
  const days = chinaDefaultDays();
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
})();

describe('business days', () => {
  it('knows the weekday of a day number', () => {
    expect(weekdayOf(day('1970-01-01'))).toBe(4);
    expect(weekdayOf(day('2026-12-05'))).toBe(6);
    expect(weekdayOf(day('2026-12-06'))).toBe(0);
    expect(weekdayOf(day('1969-12-28'))).toBe(0);
  });

  it('skips weekends', () => {
    expect(isBusinessDay(WEEKENDS_ONLY, day('2026-12-04'))).toBe(true);
    expect(isBusinessDay(WEEKENDS_ONLY, day('2026-12-05'))).toBe(false);
    expect(date(addBusinessDays(WEEKENDS_ONLY, day('2026-12-04'), 1))).toBe('2026-12-07');
    // From a Saturday, one business day is the Monday.
    expect(date(addBusinessDays(WEEKENDS_ONLY, day('2026-12-05'), 1))).toBe('2026-12-07');
    expect(date(addBusinessDays(WEEKENDS_ONLY, day('2026-12-07'), -1))).toBe('2026-12-04');
    expect(date(addBusinessDays(WEEKENDS_ONLY, day('2026-12-05'), 0))).toBe('2026-12-05');
  });

  it('skips statutory holidays and works the make-up Saturday (调休)', () => {
    expect(china.holidays.has('2026-10-01')).toBe(true);
    expect(isBusinessDay(china, day('2026-10-01'))).toBe(false); // National Day, a Thursday
    expect(isBusinessDay(china, day('2026-10-10'))).toBe(true); // a Saturday worked instead
    expect(isBusinessDay(china, day('2026-09-20'))).toBe(true); // a Sunday worked instead
    expect(isBusinessDay(china, day('2026-01-01'))).toBe(false); // New Year's Day, a Thursday
  });

  it('spans the National Day week', () => {
    // Wednesday 30 September, then seven days off, then Thursday 8, Friday 9 and the make-up Saturday 10.
    expect(date(addBusinessDays(china, day('2026-09-30'), 1))).toBe('2026-10-08');
    expect(date(addBusinessDays(china, day('2026-09-30'), 3))).toBe('2026-10-10');
    expect(date(addBusinessDays(china, day('2026-09-30'), 4))).toBe('2026-10-12');
    expect(date(addBusinessDays(china, day('2026-10-08'), -1))).toBe('2026-09-30');
    // Without the calendar the same count lands inside the holiday.
    expect(date(addBusinessDays(WEEKENDS_ONLY, day('2026-09-30'), 1))).toBe('2026-10-01');
  });

  it('reads the day on the wall clock of the time zone (Asia/Shanghai)', () => {
    // 16:30 UTC on Friday 25 September is 00:30 on Saturday 26 in Shanghai.
    const instant = Date.parse('2026-09-25T16:30:00Z');
    const wall = toWallTime(instant, 'Asia/Shanghai');
    expect(date(wall.day)).toBe('2026-09-26');
    expect(wall.msOfDay).toBe(30 * 60_000);
    const next = addBusinessDays(china, wall.day, 1);
    expect(new Date(fromWallTime(next, wall.msOfDay, 'Asia/Shanghai')).toISOString()).toBe('2026-09-27T16:30:00.000Z');
    // The Sunday 27 September is not a make-up workday in 2026 (20 September is), so it is Monday 28 in Shanghai…
    expect(date(next)).toBe('2026-09-28');
    // …while read in UTC the same instant is a Friday, and one business day on is Monday 28 at 16:30 UTC.
    const utc = toWallTime(instant, 'UTC');
    expect(new Date(fromWallTime(addBusinessDays(china, utc.day, 1), utc.msOfDay, 'UTC')).toISOString()).toBe(
      '2026-09-28T16:30:00.000Z',
    );
  });

  it('refuses a calendar without any business day instead of looping', () => {
    const closed: BusinessCalendar = {
      holidays: new Set(Array.from({ length: 40000 }, (_, i) => date(day('2026-01-01') + i))),
      workdays: new Set(),
    };
    expect(() => addBusinessDays(closed, day('2026-01-01'), 1)).toThrow(/no business days/);
  });
});
