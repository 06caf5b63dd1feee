import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, nextAttemptAt, retryDelayMs } from './backoff.js';

const noJitter = () => 0;
const fullJitter = () => 1;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('retry backoff', () => {
  it('grows exponentially from 30 s and is capped at 6 h', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 20].map((attempts) => retryDelayMs(attempts, DEFAULT_BACKOFF, noJitter));
    expect(delays).toEqual([
      30 * SECOND,
      2 * MINUTE,
      8 * MINUTE,
      32 * MINUTE,
      128 * MINUTE,
      6 * HOUR,
      6 * HOUR,
      6 * HOUR,
    ]);
  });

  it('jitter only shortens the delay, by at most the jitter fraction', () => {
    expect(retryDelayMs(1, DEFAULT_BACKOFF, fullJitter)).toBe(24 * SECOND);
    expect(retryDelayMs(20, DEFAULT_BACKOFF, fullJitter)).toBe(4.8 * HOUR);
    for (let i = 0; i < 200; i++) {
      const delay = retryDelayMs(2, DEFAULT_BACKOFF);
      expect(delay).toBeGreaterThanOrEqual(0.8 * 2 * MINUTE);
      expect(delay).toBeLessThanOrEqual(2 * MINUTE);
    }
  });

  it('spreads rows that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('treats attempts below 1 as the first failure', () => {
    expect(retryDelayMs(0, DEFAULT_BACKOFF, noJitter)).toBe(30 * SECOND);
  });

  it('computes the next attempt time from now', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(nextAttemptAt(2, now, DEFAULT_BACKOFF, noJitter)).toEqual(new Date('2026-01-01T00:02:00Z'));
  });

  it('refuses a zero base delay (a failing row would be due again at once)', () => {
    expect(() => retryDelayMs(1, { ...DEFAULT_BACKOFF, baseMs: 0 })).toThrow(RangeError);
  });
});
