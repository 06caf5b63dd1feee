import { formulaCalendar, isDuration, toMilliseconds } from '@lodestar/core';
import { addBusinessDays, WEEKENDS_ONLY, type BusinessCalendar } from '../calendar/business-days.js';
import { addBusinessHours, businessHoursBetween } from '../calendar/business-hours.js';
import { fromWallTime, toWallTime } from '../calendar/wall-time.js';

/**
 * Timer keys beyond `sla` and an ISO-8601 duration, written where XState reads them (a state's `after`):
 *
 *   "at dueDate"                           the field's own instant
 *   "after dueDate P1D"                    an ISO-8601 duration after it
 *   "before expectedCloseDate P3D 09:00"   before it, then at 09:00 of the day reached
 *   "after dueDate 2 business days"        business days (weekends and the calendar's holidays skipped)
 *   "3 business days"                      business days after entering the state (also in meta.sla)
 *   "4 business hours"                     the calendar's working hours of business days (also in meta.sla)
 *
 * A date field's value is midnight of that day on the company's wall clock; a time `HH:MM` moves the
 * instant reached to that time of its day. "N business day(s)" is not ISO-8601 on purpose: nothing can
 * read it as a calendar duration.
 */
export type TimerDuration =
  | { kind: 'iso'; text: string; days: number; ms: number }
  | { kind: 'business'; text: string; days: number }
  | { kind: 'businessHours'; text: string; hours: number };

export interface DateTimerKey {
  direction: 'at' | 'after' | 'before';
  field: string;
  duration?: TimerDuration;
  /** Milliseconds after midnight of the day reached, when the key names a time of day. */
  time?: number;
}

/** What a timer's due time is computed with: the company's time zone and its business calendar. */
export interface TimerClock {
  timeZone: string;
  calendar?: BusinessCalendar;
}

const DAY_MS = 86_400_000;
const BUSINESS = /^(\d{1,4}) business days?$/;
const BUSINESS_HOURS = /^(\d{1,4}) business hours?$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const FIELD = /^[a-z][a-zA-Z0-9]*$/;

/** An ISO-8601 duration, "N business day(s)" or "N business hour(s)"; undefined when the text is none of them. */
export function parseTimerDuration(text: string): TimerDuration | undefined {
  const business = BUSINESS.exec(text);
  if (business) return { kind: 'business', text, days: Number(business[1]) };
  const hours = BUSINESS_HOURS.exec(text);
  if (hours) return { kind: 'businessHours', text, hours: Number(hours[1]) };
  if (!isDuration(text)) return undefined;
  // Whole days are counted on the calendar (a day is a wall-clock day); what remains is elapsed time.
  const total = toMilliseconds(text)!;
  const dayPart = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?/.exec(text)!;
  const days = [365, 30, 7, 1].reduce((sum, unit, i) => sum + Number(dayPart[i + 1] ?? 0) * unit, 0);
  return { kind: 'iso', text, days, ms: total - days * DAY_MS };
}

/** Whether an `after` key or meta.sla is written in business days or business hours (it needs the calendar). */
export function isBusinessDuration(text: unknown): boolean {
  return typeof text === 'string' && (BUSINESS.test(text) || BUSINESS_HOURS.test(text));
}

/** The parts of a date-relative key; undefined when the key is not one (check its words with dateKeyProblem). */
export function parseDateKey(key: string): DateTimerKey | undefined {
  const words = key.split(' ');
  const [direction, field] = words;
  if (!looksLikeDateKey(key) || !field || !FIELD.test(field)) return undefined;
  const timeText = words.length > 2 && TIME.test(words[words.length - 1]!) ? words.pop() : undefined;
  const durationText = words.slice(2).join(' ');
  const duration = durationText ? parseTimerDuration(durationText) : undefined;
  if ((durationText && !duration) || (direction === 'at') !== (duration === undefined)) return undefined;
  const parsed: DateTimerKey = { direction: direction as DateTimerKey['direction'], field };
  if (duration) parsed.duration = duration;
  if (timeText) {
    const [, hour, minute] = TIME.exec(timeText)!;
    parsed.time = (Number(hour) * 60 + Number(minute)) * 60_000;
  }
  return parsed;
}

/** Whether the key starts like a date-relative one (`at `, `after `, `before `), valid or not. */
export function looksLikeDateKey(key: string): boolean {
  return /^(at|after|before) /.test(key);
}

/** Whether the key's due time is computed here rather than counted by XState from entering the state. */
export function isComputedKey(key: string, slaText?: unknown): boolean {
  if (key === 'sla') return isBusinessDuration(slaText);
  return looksLikeDateKey(key) || isBusinessDuration(key);
}

/** A date or date-time value as an instant (a date at midnight of the zone's wall clock); null when blank. */
export function instantOfValue(value: unknown, timeZone: string): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== 'string') return null;
  const day = formulaCalendar.parseDate(value);
  if (day !== undefined) return fromWallTime(day, 0, timeZone);
  const instant = formulaCalendar.parseDateTime(value);
  return instant ?? null;
}

/** `base` moved by a duration (backwards for `sign` −1): whole days on the wall clock, then elapsed time. */
export function shiftBy(base: number, duration: TimerDuration, sign: 1 | -1, clock: TimerClock): number {
  if (duration.kind === 'businessHours')
    return addBusinessHours(clock.calendar ?? WEEKENDS_ONLY, base, sign * duration.hours, clock.timeZone);
  const wall = toWallTime(base, clock.timeZone);
  const day =
    duration.kind === 'business'
      ? addBusinessDays(clock.calendar ?? WEEKENDS_ONLY, wall.day, sign * duration.days)
      : wall.day + sign * duration.days;
  const moved = day === wall.day ? base : fromWallTime(day, wall.msOfDay, clock.timeZone);
  return duration.kind === 'iso' ? moved + sign * duration.ms : moved;
}

/** When a date-relative key comes due for a record; null when its field is blank (no timer). */
export function dateKeyDueAt(key: DateTimerKey, record: Record<string, unknown>, clock: TimerClock): Date | null {
  const base = instantOfValue(record[key.field], clock.timeZone);
  if (base === null) return null;
  let due = key.duration ? shiftBy(base, key.duration, key.direction === 'before' ? -1 : 1, clock) : base;
  if (key.time !== undefined) due = fromWallTime(toWallTime(due, clock.timeZone).day, key.time, clock.timeZone);
  return new Date(due);
}

/**
 * When a timer key comes due: `at`/`after`/`before` a field of the record, business days after `now`,
 * or (anything else XState counts) `now` plus the given delay. Null means no timer (a blank date).
 */
export function timerDueAt(
  key: string,
  input: { now: Date; delayMs: number; record?: Record<string, unknown>; slaText?: unknown },
  clock: TimerClock,
): Date | null {
  const date = parseDateKey(key);
  if (date) return dateKeyDueAt(date, input.record ?? {}, clock);
  const text = key === 'sla' ? input.slaText : key;
  const business = typeof text === 'string' && isBusinessDuration(text) ? parseTimerDuration(text) : undefined;
  if (business) return new Date(shiftBy(input.now.getTime(), business, 1, clock));
  return new Date(input.now.getTime() + input.delayMs);
}

/** The fields date-relative keys of a state read (a change to one of them moves the state's timers). */
export function dateKeysOf(after: Record<string, unknown> | undefined): { key: string; parsed: DateTimerKey }[] {
  return Object.keys(after ?? {}).flatMap((key) => {
    const parsed = parseDateKey(key);
    return parsed ? [{ key, parsed }] : [];
  });
}

/** The XState event a state's `after` key sends (`xstate.after.<delay>.<workflow>.<state>`; date keys keep their text). */
export function dateTimerEvent(workflow: string, state: string, key: string): string {
  return `xstate.after.${key}.${workflow}.${state}`;
}

/** The share of an SLA after which the record's owner is warned, unless the state's meta.slaWarnAt says otherwise. */
export const SLA_WARN_SHARE = 0.8;

/** An SLA shorter than this gets no warning by default: 80 % of it would come moments before the breach. */
export const SLA_WARN_MIN_MS = 10 * 60_000;

/**
 * When the owner is warned that the SLA entered at `enteredAt` and due at `dueAt` is about to break:
 * `warnText` (meta.slaWarnAt, same grammar as meta.sla) before the due time, or else after 80 % of the SLA,
 * counted in working hours for a business-day or business-hour SLA (so the warning never comes at night or
 * on a Sunday) and in elapsed time otherwise. Null when that would not be after entering the state, and by
 * default for an SLA under ten minutes (no warning worth sending).
 */
export function slaWarnAt(
  input: { enteredAt: Date; dueAt: Date; slaText: unknown; warnText?: unknown },
  clock: TimerClock,
): Date | null {
  const entered = input.enteredAt.getTime();
  const due = input.dueAt.getTime();
  const warn = typeof input.warnText === 'string' ? parseTimerDuration(input.warnText) : undefined;
  const sla = typeof input.slaText === 'string' ? parseTimerDuration(input.slaText) : undefined;
  let at: number;
  const calendar = clock.calendar ?? WEEKENDS_ONLY;
  if (warn) at = shiftBy(due, warn, -1, clock);
  else if (due - entered < SLA_WARN_MIN_MS) return null;
  else if (sla && sla.kind !== 'iso') {
    const hours = businessHoursBetween(calendar, entered, due, clock.timeZone) * SLA_WARN_SHARE;
    at = addBusinessHours(calendar, entered, hours, clock.timeZone);
  } else at = entered + Math.round((due - entered) * SLA_WARN_SHARE);
  return at > entered && at < due ? new Date(at) : null;
}
