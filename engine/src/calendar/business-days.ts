import { formulaCalendar } from '@lodestar/core';

/**
 * A business calendar as data: weekends are Saturday and Sunday, `holidays` are days off that would be
 * workdays (statutory holidays), `workdays` are weekend days worked instead (调休). Days are `YYYY-MM-DD`.
 */
export interface BusinessCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  /** The working periods of a business day ("N business hours" counts only these); the default when absent. */
  hours?: readonly WorkingPeriod[];
}

/** One stretch of a working day on the company's wall clock, in minutes after midnight (`to` after `from`). */
export interface WorkingPeriod {
  from: number;
  to: number;
}

/** Weekends only: what business days mean before any calendar is loaded. */
export const WEEKENDS_ONLY: BusinessCalendar = { holidays: new Set(), workdays: new Set() };

/** Day 0 (1970-01-01) was a Thursday; 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Whether a day (days since 1970-01-01) is worked: a 调休 day is, a holiday is not, else Monday to Friday. */
export function isBusinessDay(calendar: BusinessCalendar, day: number): boolean {
  const date = formulaCalendar.formatDate(day);
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6;
}

/** Calendar years of searching before giving up: a calendar with no business day at all is a broken one. */
const MAX_STEPS = 3660;

/**
 * The day `count` business days after `day` (before it when negative): each step moves to the next
 * business day, so from a Friday or a Saturday one business day is the Monday (unless it is a holiday).
 * Zero is the day itself.
 */
export function addBusinessDays(calendar: BusinessCalendar, day: number, count: number): number {
  const step = count < 0 ? -1 : 1;
  let left = Math.abs(count);
  let current = day;
  for (let guard = 0; left > 0; guard++) {
    if (guard > MAX_STEPS * (Math.abs(count) + 1)) throw new Error('the business calendar has no business days');
    current += step;
    if (isBusinessDay(calendar, current)) left--;
  }
  return current;
}
