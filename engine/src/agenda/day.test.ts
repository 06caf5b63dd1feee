import { describe, expect, it } from 'vitest';
import { dateIn, dayIn, isTimeZone } from './day.js';

describe('isTimeZone', () => {
  it.each(['Asia/Shanghai', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+8'])('accepts %s', (tz) =>
    expect(isTimeZone(tz)).toBe(true),
  );
  it.each(['Mars/Olympus', '+08:00', '', 'Asia/Shanghai; drop', '../etc', 'x'.repeat(65)])('refuses %j', (tz) =>
    expect(isTimeZone(tz)).toBe(false),
  );
});

describe('dayIn', () => {
  it('is the calendar day in the zone, not in UTC', () => {
    // 2026-03-01 20:00 UTC is already 2 March in Shanghai (UTC+8), still 1 March in New York.
    const now = new Date('2026-03-01T20:00:00Z');
    expect(dayIn(now, 'Asia/Shanghai')).toEqual({
      today: '2026-03-02',
      start: '2026-03-01T16:00:00.000Z',
      end: '2026-03-02T16:00:00.000Z',
    });
    expect(dayIn(now, 'America/New_York')).toEqual({
      today: '2026-03-01',
      start: '2026-03-01T05:00:00.000Z',
      end: '2026-03-02T05:00:00.000Z',
    });
    expect(dayIn(now, 'UTC').today).toBe('2026-03-01');
  });

  it('has 23 or 25 hours on days the clocks change', () => {
    const spring = dayIn(new Date('2026-03-08T12:00:00Z'), 'America/New_York');
    expect(spring).toEqual({ today: '2026-03-08', start: '2026-03-08T05:00:00.000Z', end: '2026-03-09T04:00:00.000Z' });
    const autumn = dayIn(new Date('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    expect(Date.parse(autumn.end) - Date.parse(autumn.start)).toBe(25 * 3_600_000);
  });

  it('crosses months and years', () => {
    expect(dayIn(new Date('2026-12-31T18:00:00Z'), 'Asia/Tokyo')).toMatchObject({
      today: '2027-01-01',
      end: '2027-01-01T15:00:00.000Z',
    });
    expect(dateIn(new Date('2026-02-28T23:30:00Z'), 'Asia/Kolkata')).toBe('2026-03-01');
  });
});
