import type { MyDayList } from '@lodestar/core';

/** `GET /api/v1/my-day` and one entry of it: core's types, which the engine builds the answer with. */
export type { MyDay, MyDayItem } from '@lodestar/core';

/** The sections in the order the page shows them. */
export const SECTIONS = ['due', 'overdue', 'reminders', 'slaBreached', 'stuck'] as const satisfies readonly MyDayList[];
export type SectionKey = MyDayList;
