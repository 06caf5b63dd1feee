import type { NotificationItem, NotificationPage, NotificationsMarked } from '@lodestar/core';
import type { Knex } from 'knex';
import { BadRequestError, NotFoundError } from '../errors.js';
import { countUnread, markRead, notificationRows, type PageAfter } from './notifications-repo.js';

export type NotificationOrder = 'unread' | 'newest';

/**
 * A page of the user's notifications: `newest` first, or `unread` first (unread ones newest first, then
 * read ones newest first), with the unread count. Keyset paging on ids, so page 100 costs what page 1 does.
 */
export async function readNotifications(
  db: Knex,
  userId: string,
  options: { order: NotificationOrder; limit: number; cursor?: string | undefined },
): Promise<NotificationPage> {
  const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
  const take = options.limit + 1;
  let rows: NotificationItem[];
  if (options.order === 'newest') {
    rows = await notificationRows(db, userId, { which: 'all', beforeId: after?.id, limit: take });
  } else {
    rows = [];
    if (!after || after.unread)
      rows = await notificationRows(db, userId, { which: 'unread', beforeId: after?.id, limit: take });
    if (rows.length < take) {
      const readBefore = after && !after.unread ? after.id : undefined;
      rows.push(
        ...(await notificationRows(db, userId, { which: 'read', beforeId: readBefore, limit: take - rows.length })),
      );
    }
  }
  const data = rows.slice(0, options.limit);
  const last = data[data.length - 1];
  const next =
    rows.length > options.limit && last
      ? encodeCursor({ unread: options.order === 'unread' && last.readAt === null, id: last.id })
      : null;
  return { data, unread: await countUnread(db, userId), next };
}

/** Marks one notification of the user's read (404 when they have none with that id) or all of them. */
export async function markNotificationsRead(db: Knex, userId: string, id?: number): Promise<NotificationsMarked> {
  const marked = await markRead(db, userId, id);
  if (marked === undefined) throw new NotFoundError({ en: 'you have no such notification', zh: '您没有这条通知' });
  return { marked, unread: await countUnread(db, userId) };
}

function encodeCursor(after: PageAfter): string {
  return Buffer.from(JSON.stringify([after.unread ? 1 : 0, after.id])).toString('base64url');
}

function decodeCursor(cursor: string): PageAfter {
  try {
    const [unread, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if ((unread === 0 || unread === 1) && Number.isSafeInteger(id) && (id as number) > 0)
      return { unread: unread === 1, id: id as number };
  } catch {
    // fall through: not one of ours
  }
  throw new BadRequestError({ en: 'the cursor is not valid', zh: '分页游标无效' });
}
