import type { Text } from './text.js';

/*
 * `GET /me/notifications` and its read marks: the caller's in-app inbox. Engine notifications/* builds it,
 * the runtime UI's bell shows it.
 */

/** One notification: what a workflow's `notify` told the caller, in both languages, about which record. */
export interface NotificationItem {
  /** @integer */
  id: number;
  /** Rendered when it was sent: the record's fields as they stood then, in both languages. */
  title: Text;
  body: Text;
  /** The record it is about; null when it is about no record. */
  entity: string | null;
  /** @format uuid */
  recordId: string | null;
  /** @format date-time */
  createdAt: string;
  /**
   * When the caller marked it read; null while unread.
   * @format date-time
   */
  readAt: string | null;
}

/** A page of the caller's notifications, and how many are unread in all. */
export interface NotificationPage {
  /** @maxItems 100 */
  data: NotificationItem[];
  /** @integer */
  unread: number;
  /** The cursor of the next page; null on the last. */
  next: string | null;
}

/** What a read mark changed: how many notifications it marked, and how many stay unread. */
export interface NotificationsMarked {
  /** @integer */
  marked: number;
  /** @integer */
  unread: number;
}

/**
 * The data of one `inbox` event of `GET /me/notifications/stream`: the unread count now and what arrived
 * since the event id the reader last had (its `Last-Event-ID`). The event's id is the newest notification's.
 */
export interface NotificationStreamEvent {
  /** @integer */
  unread: number;
  /** Notifications newer than the reader's last event id, newest first (at most 20; older ones by paging). */
  items: NotificationItem[];
  /** The ids among `items` about a record now waiting for the caller's approval (a toast says so). */
  approvals: number[];
}
