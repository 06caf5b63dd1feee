import type { Lang } from '@lodestar/ui-shared';
import type { RecordMessages } from './messages';

/** A duration in the largest unit that reads well: "3 天", "5 h", "just now". */
export function durationText(ms: number, t: RecordMessages): string {
  const minutes = Math.floor(ms / 60000);
  if (minutes < 1) return t.justNow;
  if (minutes < 60) return t.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t.hours(hours);
  return t.days(Math.floor(hours / 24));
}

export function dateTimeText(iso: unknown, lang: Lang): string {
  if (typeof iso !== 'string' || !iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
