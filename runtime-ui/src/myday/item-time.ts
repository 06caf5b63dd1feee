import type { Lang } from '@lodestar/ui-shared';
import type { MyDayMessages } from './messages';
import type { SectionKey } from './my-day-types';
import { localeOf } from '@lodestar/core';

const DAY = 86_400_000;
const isDateOnly = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Local calendar days from `at` to `today` (YYYY-MM-DD in the user's time zone, as the engine answered). */
export function daysBetween(at: string, today: string): number {
  const day = isDateOnly(at) ? at : localDate(new Date(at));
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY);
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function timeOfDay(at: string, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit' }).format(new Date(at));
}

/** The item's moment, worded for its section ("2 days overdue", "in stage for 23 days"). */
export function itemTime(section: SectionKey, at: string | null, today: string, lang: Lang, t: MyDayMessages): string {
  if (!at) return '';
  switch (section) {
    case 'due':
      return isDateOnly(at) ? t.dueToday : t.dueAt(timeOfDay(at, lang));
    case 'overdue':
      return t.overdueBy(daysBetween(at, today));
    case 'reminders':
      return isDateOnly(at) ? t.dueToday : t.remindAt(timeOfDay(at, lang));
    case 'slaBreached':
      return t.slaSince(daysBetween(at, today));
    case 'stuck':
      return t.inStageFor(Math.max(0, daysBetween(at, today)));
  }
}
