/**
 * Calendar days for formulas, without the Date object's local time zone: a date is a day number
 * (days since 1970-01-01, proleptic Gregorian), a date-time an instant in milliseconds, and the company
 * time zone decides which calendar day an instant falls on (Intl, as the browser and Node both have it).
 */

/** The first and last dates formulas produce; beyond them a result is blank. */
export const FIRST_DAY = daysFromCivil(1, 1, 1);
export const LAST_DAY = daysFromCivil(9999, 12, 31);

/** Day number of a calendar date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar date of a day number. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  return next - daysFromCivil(year, month, 1);
}

/** A day number within the years 1–9999, else undefined (the formula's blank). */
export function inRange(days: number): number | undefined {
  return Number.isFinite(days) && days >= FIRST_DAY && days <= LAST_DAY ? days : undefined;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` (a date field's value) as a day number; undefined when it is no calendar date. */
export function parseDate(text: string): number | undefined {
  const match = DATE_RE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Months since year 0 (year × 12 + month − 1), the unit EDATE and DATE count in. */
export function monthIndex(days: number): number {
  const { year, month } = civilFromDays(days);
  return year * 12 + month - 1;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time of an instant in a time zone. */
export function wallClock(
  instant: number,
  timeZone: string,
): { days: number; hour: number; minute: number; second: number } {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  const era = parts.era ?? 'AD';
  const yearOfEra = Number(parts.year);
  const year = era.startsWith('B') ? 1 - yearOfEra : yearOfEra;
  return {
    days: daysFromCivil(year, Number(parts.month), Number(parts.day)),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The calendar day an instant falls on in a time zone. */
export function dayOf(instant: number, timeZone: string): number {
  return wallClock(instant, timeZone).days;
}

/** `YYYY-MM-DD HH:MM:SS` of an instant in a time zone. */
export function formatDateTime(instant: number, timeZone: string): string {
  const clock = wallClock(instant, timeZone);
  return `${formatDate(clock.days)} ${pad(clock.hour, 2)}:${pad(clock.minute, 2)}:${pad(clock.second, 2)}`;
}

/** An ISO date-time (a date-time field's value) as milliseconds; undefined when it is none. */
export function parseDateTime(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return undefined;
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? undefined : instant;
}
