import type { ApprovalInboxItem } from './approval-answers.js';
import type { RecordJson } from './record-answers.js';

/*
 * `GET /my-day`: what the caller owns that needs them today. Engine agenda/read-my-day.ts builds it, the runtime
 * UI's My day page shows it.
 */

/** The lists of a day, in the order the page shows them. */
export type MyDayList = 'due' | 'overdue' | 'reminders' | 'slaBreached' | 'stuck';

/** One entry: a record, and the moment that puts it in its list. */
export interface MyDayItem {
  entity: string;
  /** @format uuid */
  id: string;
  /** The record's title field. */
  title: unknown;
  /** Due time, reminder time, breach time or time the state was entered (a date for date fields). */
  at: string | null;
  /** The record's stage, on entities a workflow binds. */
  state?: string | null;
  workflow?: string;
  /** The record as the records API answers it (hidden fields absent). */
  record: RecordJson;
}

/** Each list ordered by `at`, at most 50 items. */
export interface MyDay {
  /**
   * The caller's day in their time zone.
   * @format date
   */
  today: string;
  /** @maxItems 50 */
  due: MyDayItem[];
  /** @maxItems 50 */
  overdue: MyDayItem[];
  /** @maxItems 50 */
  reminders: MyDayItem[];
  /** @maxItems 50 */
  slaBreached: MyDayItem[];
  /** @maxItems 50 */
  stuck: MyDayItem[];
  /**
   * Approvals the caller may decide now (directly or as a delegate), oldest first.
   * @maxItems 50
   */
  approvals: ApprovalInboxItem[];
}
