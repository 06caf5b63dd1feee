import type { Lang } from '@lodestar/ui-shared';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/**
 * A last sign-in as people say it, in the user's language: "3 天前 / 3 days ago", "刚刚 / just now" within a
 * minute, `never` when there is none (null, or a time that does not parse).
 */
export function lastLoginText(
  at: string | null | undefined,
  now: Date,
  lang: Lang,
  words: { never: string; justNow: string },
): string {
  const time = at ? Date.parse(at) : NaN;
  if (Number.isNaN(time)) return words.never;
  const seconds = Math.max(0, Math.round((now.getTime() - time) / 1000));
  const format = new Intl.RelativeTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { numeric: 'always' });
  for (const [unit, size] of UNITS) if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  return words.justNow;
}
