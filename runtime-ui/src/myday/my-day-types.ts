import type { ResponseOf } from '@lodestar/ui-shared';

/** `GET /api/v1/my-day`, as the engine's contract types it: per section the caller's records that need attention. */
export type MyDay = ResponseOf<'/my-day', 'get'>;

/** The sections in the order the page shows them. */
export const SECTIONS = [
  'due',
  'overdue',
  'reminders',
  'slaBreached',
  'stuck',
] as const satisfies readonly (keyof MyDay)[];
export type SectionKey = (typeof SECTIONS)[number];

/** One entry: a record, and the due, reminder, SLA-breach or stage-entry moment that puts it in its section. */
export type MyDayItem = MyDay[SectionKey][number];
