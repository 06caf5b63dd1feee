import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../calendar/business-days.js';
import {
  dateKeyDueAt,
  isComputedKey,
  parseDateKey,
  parseTimerDuration,
  slaWarnAt,
  timerDueAt,
  type TimerClock,
} from './date-timers.js';

const shanghai: TimerClock = { timeZone: 'Asia/Shanghai' };
const nationalDay: BusinessCalendar = {
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
  workdays: new Set(['2026-09-20', '2026-10-10']),
};
const due = (key: string, record: Record<string, unknown>, clock: TimerClock = shanghai) => {
  const parsed = parseDateKey(key);
  if (!parsed) throw new Error(`not a date key: ${key}`);
  return dateKeyDueAt(parsed, record, clock)?.toISOString() ?? null;
};

describe('timer keys', () => {
  it('reads date-relative keys', () => {
    expect(parseDateKey('at dueDate')).toEqual({ direction: 'at', field: 'dueDate' });
    expect(parseDateKey('at dueDate 09:00')).toEqual({ direction: 'at', field: 'dueDate', time: 9 * 3_600_000 });
    expect(parseDateKey('after dueDate P1D 09:00')).toMatchObject({
      direction: 'after',
      field: 'dueDate',
      duration: { kind: 'iso', days: 1, ms: 0 },
      time: 9 * 3_600_000,
    });
    expect(parseDateKey('before expectedCloseDate 3 business days')).toMatchObject({
      direction: 'before',
      duration: { kind: 'business', days: 3 },
    });
    expect(parseDateKey('after dueDate P1DT2H')).toMatchObject({ duration: { days: 1, ms: 2 * 3_600_000 } });
  });

  it('refuses what is not one', () => {
    for (const key of [
      'after dueDate', // after and before need a duration (P0D for "on the day")
      'at dueDate P1D', // at takes none
      'after dueDate 1D',
      'after dueDate P1D 9:00',
      'after dueDate P1D 24:00',
      'after due_date P1D',
      'whenever dueDate P1D',
      'P3D',
    ])
      expect(parseDateKey(key), key).toBeUndefined();
  });

  it('spells business days so that nothing reads them as ISO-8601', () => {
    expect(parseTimerDuration('3 business days')).toEqual({ kind: 'business', text: '3 business days', days: 3 });
    expect(parseTimerDuration('1 business day')).toMatchObject({ kind: 'business', days: 1 });
    expect(parseTimerDuration('P3BD')).toBeUndefined();
    expect(isComputedKey('3 business days')).toBe(true);
    expect(isComputedKey('P3D')).toBe(false);
    expect(isComputedKey('sla', 'P3D')).toBe(false);
    expect(isComputedKey('sla', '2 business days')).toBe(true);
  });
});

describe('due times', () => {
  it('reads a date as midnight of that day in the company time zone', () => {
    expect(due('at dueDate', { dueDate: '2026-12-06' })).toBe('2026-12-05T16:00:00.000Z');
    expect(due('at dueDate', { dueDate: '2026-12-06' }, { timeZone: 'UTC' })).toBe('2026-12-06T00:00:00.000Z');
  });

  it('makes a payment due yesterday overdue at 09:00 today', () => {
    expect(due('after dueDate P1D 09:00', { dueDate: '2026-12-06' })).toBe('2026-12-07T01:00:00.000Z');
    expect(due('after dueDate P0D 09:00', { dueDate: '2026-12-06' })).toBe('2026-12-06T01:00:00.000Z');
  });

  it('counts before a date, and from a date-time', () => {
    expect(due('before expectedCloseDate P3D', { expectedCloseDate: '2026-12-10' })).toBe('2026-12-06T16:00:00.000Z');
    expect(due('after startsAt PT2H', { startsAt: '2026-12-06T10:00:00.000Z' })).toBe('2026-12-06T12:00:00.000Z');
    expect(due('after startsAt PT2H', { startsAt: new Date('2026-12-06T10:00:00.000Z') })).toBe(
      '2026-12-06T12:00:00.000Z',
    );
    // A time of day moves the instant reached to that time of its day (Shanghai): 18:30 + P1D → next day 09:00.
    expect(due('after startsAt P1D 09:00', { startsAt: '2026-12-06T10:30:00.000Z' })).toBe('2026-12-07T01:00:00.000Z');
  });

  it('counts business days around the National Day week', () => {
    const clock = { timeZone: 'Asia/Shanghai', calendar: nationalDay };
    expect(due('before dueDate 2 business days 09:00', { dueDate: '2026-10-08' }, clock)).toBe(
      '2026-09-29T01:00:00.000Z',
    );
    expect(due('after dueDate 3 business days', { dueDate: '2026-09-30' }, clock)).toBe('2026-10-09T16:00:00.000Z');
  });

  it('starts no timer for a blank date', () => {
    expect(due('after dueDate P1D', { dueDate: null })).toBeNull();
    expect(due('after dueDate P1D', {})).toBeNull();
    expect(due('after dueDate P1D', { dueDate: '' })).toBeNull();
  });

  it('counts business days and ISO delays from now for keys without a date', () => {
    const now = new Date('2026-09-30T02:00:00.000Z'); // Wednesday 10:00 in Shanghai
    const clock = { timeZone: 'Asia/Shanghai', calendar: nationalDay };
    expect(timerDueAt('1 business day', { now, delayMs: 0 }, clock)?.toISOString()).toBe('2026-10-08T02:00:00.000Z');
    expect(timerDueAt('sla', { now, delayMs: 0, slaText: '3 business days' }, clock)?.toISOString()).toBe(
      '2026-10-10T02:00:00.000Z',
    );
    expect(timerDueAt('PT1H', { now, delayMs: 3_600_000 }, clock)?.toISOString()).toBe('2026-09-30T03:00:00.000Z');
  });
});

describe('business hours in timer keys and SLAs', () => {
  const clock: TimerClock = { timeZone: 'Asia/Shanghai', calendar: nationalDay };
  it('reads "N business hours" and counts the working hours of business days', () => {
    expect(parseTimerDuration('4 business hours')).toEqual({
      kind: 'businessHours',
      text: '4 business hours',
      hours: 4,
    });
    expect(parseTimerDuration('1 business hour')).toMatchObject({ kind: 'businessHours', hours: 1 });
    expect(parseTimerDuration('4 working hours')).toBeUndefined();
    expect(isComputedKey('sla', '4 business hours')).toBe(true);
    // Wednesday 30 September 17:00: one hour that day, the holiday week, then Thursday 8 October.
    const now = new Date('2026-09-30T09:00:00Z');
    expect(timerDueAt('sla', { now, delayMs: 0, slaText: '3 business hours' }, clock)?.toISOString()).toBe(
      '2026-10-08T03:00:00.000Z',
    );
    // Before a date: two working hours before 09:00 on Thursday 8 October is 16:00 on Wednesday 30 September.
    expect(due('before dueDate 2 business hours', { dueDate: '2026-10-08T01:00:00Z' }, clock)).toBe(
      '2026-09-30T08:00:00.000Z',
    );
  });

  it('warns after 80 % of the working time, at meta.slaWarnAt before the due time, or not at all', () => {
    const enteredAt = new Date('2026-12-04T09:00:00Z'); // Friday 17:00 in Shanghai
    const dueAt = new Date('2026-12-07T04:00:00Z'); // Monday 12:00
    const warn = (slaText: string, warnText?: string, due = dueAt) =>
      slaWarnAt({ enteredAt, dueAt: due, slaText, warnText }, clock)?.toISOString() ?? null;
    expect(warn('4 business hours')).toBe('2026-12-07T03:12:00.000Z');
    expect(warn('4 business hours', '1 business hour')).toBe('2026-12-07T03:00:00.000Z');
    expect(warn('PT67H')).toBe(new Date(enteredAt.getTime() + 0.8 * 67 * 3_600_000).toISOString());
    // A warning that would come before entering, or an SLA of a few minutes: none.
    expect(warn('4 business hours', '5 business hours')).toBeNull();
    expect(warn('PT5M', undefined, new Date(enteredAt.getTime() + 300_000))).toBeNull();
  });
});
