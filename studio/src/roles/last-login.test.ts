import { describe, expect, it } from 'vitest';
import { lastLoginText } from './last-login';

const now = new Date('2026-12-07T12:00:00Z');
const zh = { never: '从未登录', justNow: '刚刚' };
const en = { never: 'never', justNow: 'just now' };
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('a last sign-in', () => {
  it('is "never" when there is none', () => {
    expect(lastLoginText(null, now, 'zh', zh)).toBe('从未登录');
    expect(lastLoginText(undefined, now, 'en', en)).toBe('never');
    expect(lastLoginText('not a time', now, 'en', en)).toBe('never');
  });

  it('is "just now" within a minute, also for a clock a little ahead', () => {
    expect(lastLoginText(ago(20), now, 'zh', zh)).toBe('刚刚');
    expect(lastLoginText(ago(-5), now, 'en', en)).toBe('just now');
  });

  it('counts the largest whole unit, in the language', () => {
    expect(lastLoginText(ago(3 * 86_400 + 500), now, 'zh', zh)).toMatch(/^3\s?天前$/);
    expect(lastLoginText(ago(3 * 86_400 + 500), now, 'en', en)).toBe('3 days ago');
    expect(lastLoginText(ago(2 * 3600), now, 'en', en)).toBe('2 hours ago');
    expect(lastLoginText(ago(5 * 60), now, 'zh', zh)).toMatch(/^5\s?分钟前$/);
    expect(lastLoginText(ago(400 * 86_400), now, 'en', en)).toBe('1 year ago');
  });
});
