import { describe, expect, it } from 'vitest';
import { WEEKENDS_ONLY, type BusinessCalendar } from './business-days.js';
import { addBusinessHours, businessHoursBetween, minutesOf, timeText } from './business-hours.js';
import { chinaDefaultDays } from './calendar-tables.js';

const china: BusinessCalendar = (() => {
  const days = chinaDefaultDays();
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
})();

const SH = 'Asia/Shanghai';
/** A Shanghai wall-clock time (UTC+8 all year) as an instant. */
const sh = (text: string) => Date.parse(`${text}:00+08:00`);
const iso = (instant: number) => new Date(instant).toISOString();
const plus = (start: string, hours: number, calendar: BusinessCalendar = china) =>
  iso(addBusinessHours(calendar, sh(start), hours, SH));

describe('business hours (default 09:00–12:00 and 13:30–18:00)', () => {
  it('skips the evening and the weekend: Friday 17:00 plus 4 hours is Monday 12:00', () => {
    expect(plus('2026-12-04T17:00', 4)).toBe(iso(sh('2026-12-07T12:00')));
    // From later on Friday evening the count starts on Monday morning and crosses the lunch break.
    expect(plus('2026-12-04T19:00', 4)).toBe(iso(sh('2026-12-07T14:30')));
    // From Saturday as from Sunday night.
    expect(plus('2026-12-05T10:00', 1)).toBe(iso(sh('2026-12-07T10:00')));
  });

  it('starts outside hours at the next period', () => {
    expect(plus('2026-12-08T07:00', 4)).toBe(iso(sh('2026-12-08T14:30')));
    expect(plus('2026-12-08T18:30', 0.5)).toBe(iso(sh('2026-12-09T09:30')));
  });

  it('does not count the lunch break', () => {
    expect(plus('2026-12-08T12:30', 1)).toBe(iso(sh('2026-12-08T14:30')));
    expect(plus('2026-12-08T11:00', 2)).toBe(iso(sh('2026-12-08T14:30')));
    // A count that ends with the morning ends at 12:00, not when the afternoon starts.
    expect(plus('2026-12-08T09:00', 3)).toBe(iso(sh('2026-12-08T12:00')));
    // A whole working day is 7.5 hours.
    expect(plus('2026-12-08T09:00', 7.5)).toBe(iso(sh('2026-12-08T18:00')));
    expect(plus('2026-12-08T09:00', 8)).toBe(iso(sh('2026-12-09T09:30')));
  });

  it('skips a statutory holiday week', () => {
    // Wednesday 30 September 17:00: one hour that day, then National Day (1–7 October) off, then Thursday 8.
    expect(plus('2026-09-30T17:00', 2)).toBe(iso(sh('2026-10-08T10:00')));
    // Without the calendar the same count lands on the holiday.
    expect(plus('2026-09-30T17:00', 2, WEEKENDS_ONLY)).toBe(iso(sh('2026-10-01T10:00')));
  });

  it('works the make-up Saturday (调休)', () => {
    // Friday 9 October 17:00, then Saturday 10 October is worked.
    expect(plus('2026-10-09T17:00', 2)).toBe(iso(sh('2026-10-10T10:00')));
    expect(plus('2026-10-09T17:00', 2, WEEKENDS_ONLY)).toBe(iso(sh('2026-10-12T10:00')));
  });

  it('counts backwards for a warning before the due time', () => {
    expect(plus('2026-12-07T12:00', -4)).toBe(iso(sh('2026-12-04T17:00')));
    expect(plus('2026-12-08T14:00', -1)).toBe(iso(sh('2026-12-08T11:30')));
    expect(plus('2026-12-08T14:30', -1)).toBe(iso(sh('2026-12-08T13:30')));
    expect(plus('2026-12-08T09:00', -0.5)).toBe(iso(sh('2026-12-07T17:30')));
    expect(plus('2026-10-08T10:00', -2)).toBe(iso(sh('2026-09-30T17:00')));
  });

  it('measures the working hours between two instants', () => {
    expect(businessHoursBetween(china, sh('2026-12-04T17:00'), sh('2026-12-07T12:00'), SH)).toBe(4);
    expect(businessHoursBetween(china, sh('2026-12-08T11:00'), sh('2026-12-08T14:30'), SH)).toBe(2);
    expect(businessHoursBetween(china, sh('2026-09-30T09:00'), sh('2026-10-08T09:00'), SH)).toBe(7.5);
  });

  it('counts the calendar’s own working hours', () => {
    const early: BusinessCalendar = { ...china, hours: [{ from: 8 * 60, to: 17 * 60 }] };
    expect(plus('2026-12-04T16:00', 4, early)).toBe(iso(sh('2026-12-07T11:00')));
  });

  it('follows daylight saving time (America/New_York)', () => {
    // Friday 6 March 2026 17:00 EST (UTC−5); the clocks go forward on Sunday 8 March; Monday is EDT (UTC−4).
    const friday = Date.parse('2026-03-06T22:00:00Z');
    expect(iso(addBusinessHours(WEEKENDS_ONLY, friday, 4, 'America/New_York'))).toBe('2026-03-09T16:00:00.000Z');
    expect(iso(addBusinessHours(WEEKENDS_ONLY, Date.parse('2026-03-09T16:00:00Z'), -4, 'America/New_York'))).toBe(
      '2026-03-06T22:00:00.000Z',
    );
  });

  it('refuses a calendar without any business day instead of looping', () => {
    const closed: BusinessCalendar = { holidays: new Set(), workdays: new Set(), hours: [{ from: 0, to: 0 }] };
    expect(() => addBusinessHours(closed, sh('2026-12-08T09:00'), 1, SH)).toThrow(/no business hours/);
  });

  it('reads and writes times of day', () => {
    expect(minutesOf('13:30')).toBe(810);
    expect(minutesOf('24:00')).toBe(1440);
    expect(minutesOf('24:30')).toBeUndefined();
    expect(minutesOf('9:00')).toBeUndefined();
    expect(timeText(810)).toBe('13:30');
  });
});
