import { formatDateTime } from '@lodestar/core';
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

/** A moment as every screen shows one (core's formatDateTime): '' for none. */
export function dateTimeText(iso: unknown, lang: Lang): string {
  return typeof iso === 'string' && iso ? formatDateTime(iso, lang) : '';
}
