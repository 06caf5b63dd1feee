import { describe, expect, it } from 'vitest';
import { isDuration, toMilliseconds } from './durations.js';

const H = 3_600_000;

describe('toMilliseconds', () => {
  it.each([
    ['P14D', 14 * 24 * H],
    ['PT4H', 4 * H],
    ['PT30M', 30 * 60_000],
    ['PT1.5S', 1500],
    ['P1DT12H', 36 * H],
    ['P2W', 14 * 24 * H],
    ['P1M', 30 * 24 * H],
    ['P1Y', 365 * 24 * H],
  ])('%s is %i ms', (text, ms) => {
    expect(toMilliseconds(text)).toBe(ms);
    expect(isDuration(text)).toBe(true);
  });

  it.each(['', 'P', 'PT', '14D', 'P1H', 'PT-1H', 'sla', 'p1d'])('%j is not a duration', (text) => {
    expect(toMilliseconds(text)).toBeUndefined();
    expect(isDuration(text)).toBe(false);
  });
});
