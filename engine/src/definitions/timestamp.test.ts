import { describe, expect, it } from 'vitest';
import { isStorableDate, isStorableDateTime, isStorableTimestamp } from './timestamp.js';

describe('isStorableTimestamp (what PostgreSQL accepts)', () => {
  it('accepts offsets up to ±15:59 and refuses +16:00', () => {
    expect(isStorableDateTime('2026-01-01T00:00:00+15:59')).toBe(true);
    expect(isStorableDateTime('2026-01-01T00:00:00-15:59')).toBe(true);
    expect(isStorableDateTime('2026-01-01T00:00:00+16:00')).toBe(false);
    expect(isStorableDateTime('2026-01-01T00:00:00-1600')).toBe(false);
    expect(isStorableDateTime('2026-01-01T00:00:00+08:60')).toBe(false);
  });

  it('refuses year 0, impossible days and hours, and accepts 9999-12-31', () => {
    expect(isStorableDate('0000-01-01')).toBe(false);
    expect(isStorableDate('2025-02-29')).toBe(false);
    expect(isStorableDate('2024-02-29')).toBe(true);
    expect(isStorableDate('9999-12-31')).toBe(true);
    expect(isStorableDateTime('2026-01-01T24:00:00Z')).toBe(false);
  });

  it('needs time and zone only where asked', () => {
    expect(isStorableDateTime('2026-01-01')).toBe(false);
    expect(isStorableDateTime('2026-01-01T10:00:00')).toBe(false);
    expect(isStorableTimestamp('2026-01-01')).toBe(true);
    expect(isStorableTimestamp('2026-01-01 10:00')).toBe(true);
    expect(isStorableTimestamp('2026-01-01T10:00:00.123456+08')).toBe(true);
  });
});
