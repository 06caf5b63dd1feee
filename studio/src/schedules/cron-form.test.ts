import { describe, expect, it } from 'vitest';
import { cronForm, cronOf, timeOf } from './cron-form';

describe('a schedule cron as a form', () => {
  it('reads the simple shapes and writes them back as they were', () => {
    for (const cron of ['15 * * * *', '0 2 * * *', '30 8 * * 1', '0 9 1 * *'])
      expect(cronOf(cronForm(cron))).toBe(cron);
    expect(cronForm('0 2 * * *')).toMatchObject({ every: 'day', hour: 2, minute: 0 });
    expect(cronForm('30 8 * * 1')).toMatchObject({ every: 'week', hour: 8, minute: 30, weekday: 1 });
    expect(cronForm('30 8 * * 7')).toMatchObject({ every: 'week', weekday: 0 });
    expect(cronForm('0 9 15 * *')).toMatchObject({ every: 'month', monthday: 15 });
    expect(timeOf(cronForm('5 7 * * *'))).toBe('07:05');
  });

  it('keeps anything else as written, custom', () => {
    for (const cron of ['*/5 * * * *', '0 8 * * 1-5', '99 1 * * *', '0 2 1 1 *', 'nonsense'])
      expect(cronForm(cron)).toMatchObject({ every: 'custom', cron });
  });

  it('changes the frequency without losing the time', () => {
    const daily = cronForm('30 6 * * *');
    expect(cronOf({ ...daily, every: 'week', weekday: 5 })).toBe('30 6 * * 5');
    expect(cronOf({ ...daily, every: 'month', monthday: 28 })).toBe('30 6 28 * *');
    expect(cronOf({ ...daily, every: 'hour' })).toBe('30 * * * *');
  });
});
