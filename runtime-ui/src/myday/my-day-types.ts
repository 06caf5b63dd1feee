import type { RecordJson } from '../model/types';

/** One entry of `GET /api/v1/my-day`: a record of the caller's that needs attention, and the moment that makes it so. */
export interface MyDayItem {
  entity: string;
  id: string;
  title: string;
  /** Due, reminder, SLA-breach or stage-entry moment (date or date-time), depending on the section. */
  at: string | null;
  state?: string | null;
  workflow?: string | null;
  record: RecordJson;
}

export const SECTIONS = ['due', 'overdue', 'reminders', 'slaBreached', 'stuck'] as const;
export type SectionKey = (typeof SECTIONS)[number];

export type MyDay = { today: string } & Record<SectionKey, MyDayItem[]>;
