import { describe, expect, it } from 'vitest';
import { toIsoTimestamp } from './type-parsers.js';

describe('toIsoTimestamp', () => {
  it.each([
    ['2026-11-23 14:06:23.356103+00', '2026-11-23T14:06:23.356Z'],
    ['2026-11-23 14:06:23.3+00', '2026-11-23T14:06:23.300Z'],
    ['2026-11-23 14:06:23+00', '2026-11-23T14:06:23.000Z'],
    ['2026-11-23 22:06:23.356+08', '2026-11-23T14:06:23.356Z'],
    ['2026-11-23 09:36:23.356-04:30', '2026-11-23T14:06:23.356Z'],
    ['infinity', 'infinity'],
  ])('%s → %s, as Date#toISOString would print it', (text, iso) => {
    expect(toIsoTimestamp(text)).toBe(iso);
  });
});
