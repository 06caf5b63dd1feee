import { isBusinessDay, type BusinessCalendar, type WorkingPeriod } from './business-days.js';
import { fromWallTime, toWallTime } from './wall-time.js';

export type { WorkingPeriod };

/** 09:00–12:00 and 13:30–18:00: a Chinese office day of 7.5 working hours with a lunch break. */
export const DEFAULT_WORKING_HOURS: readonly WorkingPeriod[] = [
  { from: 9 * 60, to: 12 * 60 },
  { from: 13 * 60 + 30, to: 18 * 60 },
];

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** Days of searching per business hour before giving up (a calendar with no business day is a broken one). */
const MAX_DAYS = 3660;

/** `HH:MM` → minutes after midnight ("24:00" is the end of the day); undefined when it is not a time. */
export function minutesOf(text: string): number | undefined {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

/** Minutes after midnight → `HH:MM`. */
export function timeText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The working periods a calendar counts on: its own, or the default when it has none. */
export function workingHoursOf(calendar: BusinessCalendar): readonly WorkingPeriod[] {
  return calendar.hours?.length ? calendar.hours : DEFAULT_WORKING_HOURS;
}

/**
 * The instant `hours` working hours after `instant` (before it when negative), counting only the calendar's
 * working periods of its business days on the wall clock of `timeZone`. Time outside working hours does not
 * count: from Friday 17:00 with 09:00–12:00 and 13:30–18:00, four working hours end on Monday at 12:00. A
 * count that ends exactly at the end of a period ends there (12:00, not 13:30). Zero is the instant itself.
 */
export function addBusinessHours(calendar: BusinessCalendar, instant: number, hours: number, timeZone: string): number {
  if (hours === 0) return instant;
  const periods = [...workingHoursOf(calendar)].sort((a, b) => a.from - b.from);
  const forward = hours > 0;
  let left = Math.abs(hours) * HOUR_MS;
  const start = toWallTime(instant, timeZone);
  let day = start.day;
  let msOfDay = start.msOfDay;
  for (let guard = 0; ; guard++) {
    if (guard > MAX_DAYS * (Math.ceil(Math.abs(hours)) + 1))
      throw new Error('the business calendar has no business hours');
    if (isBusinessDay(calendar, day)) {
      for (const period of forward ? periods : [...periods].reverse()) {
        const from = period.from * MINUTE_MS;
        const to = period.to * MINUTE_MS;
        if (forward ? to <= msOfDay : from >= msOfDay) continue;
        const begin = forward ? Math.max(from, msOfDay) : Math.min(to, msOfDay);
        const available = forward ? to - begin : begin - from;
        if (left <= available) return fromWallTime(day, forward ? begin + left : begin - left, timeZone);
        left -= available;
      }
    }
    day += forward ? 1 : -1;
    msOfDay = forward ? 0 : 24 * HOUR_MS;
  }
}

/** Working hours between two instants (`from` before `to`), counted as addBusinessHours counts them. */
export function businessHoursBetween(calendar: BusinessCalendar, from: number, to: number, timeZone: string): number {
  if (to <= from) return 0;
  const periods = workingHoursOf(calendar);
  const first = toWallTime(from, timeZone);
  const last = toWallTime(to, timeZone);
  let total = 0;
  for (let day = first.day; day <= last.day; day++) {
    if (!isBusinessDay(calendar, day)) continue;
    const lower = day === first.day ? first.msOfDay : 0;
    const upper = day === last.day ? last.msOfDay : 24 * HOUR_MS;
    for (const period of periods)
      total += Math.max(0, Math.min(upper, period.to * MINUTE_MS) - Math.max(lower, period.from * MINUTE_MS));
  }
  return total / HOUR_MS;
}
