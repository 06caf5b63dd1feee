import type { NotificationItem, Text } from '@lodestar/core';
import type { Knex } from 'knex';

/**
 * The one module whose SQL names `lodestar_notifications`: rows are written with a transition (inside its one
 * statement), listed and marked read here (engine/test/table-owners.test.ts).
 */
const NOTIFICATIONS = 'lodestar_notifications';

/** A notification for one person, as a transition leaves it. */
export interface NewNotification {
  userId: string;
  title: Text;
  body: Text;
}

/**
 * The notifications of a transition as the CTE `nt`, caused by the history row of CTE `h`: nothing is
 * inserted when `h` inserted nothing (the record update matched no row), and nothing is visible unless the
 * statement's transaction commits.
 */
export function notificationsPart(
  cause: { entity: string; recordId: string },
  rows: NewNotification[],
): { sql: string; bindings: Knex.RawBinding[] } {
  const values = rows.map(() => '(?::uuid, ?::jsonb, ?::jsonb)').join(', ');
  return {
    sql: `nt as (insert into ${NOTIFICATIONS} (user_id, title, body, entity, record_id, history_id) select v.user_id, v.title, v.body, ?, ?::uuid, h.id from (values ${values}) as v(user_id, title, body), h)`,
    bindings: [
      cause.entity,
      cause.recordId,
      ...rows.flatMap((row) => [row.userId, JSON.stringify(row.title), JSON.stringify(row.body)]),
    ],
  };
}

/** Where a page starts: the phase (unread first lists unread, then read) and the last id shown. */
export interface PageAfter {
  unread: boolean;
  id: number;
}

const COLUMNS = 'id, title, body, entity, record_id, created_at, read_at';

/** Up to `limit` of the user's notifications, newest first, unread ones only / read ones only / all. */
export async function notificationRows(
  db: Knex,
  userId: string,
  options: { which: 'unread' | 'read' | 'all'; beforeId?: number | undefined; limit: number },
): Promise<NotificationItem[]> {
  const which = { unread: ' and read_at is null', read: ' and read_at is not null', all: '' }[options.which];
  const before = options.beforeId !== undefined ? ' and id < ?' : '';
  const result = (await db.raw(
    `select ${COLUMNS} from ${NOTIFICATIONS} where user_id = ?${which}${before} order by id desc limit ?`,
    [userId, ...(options.beforeId !== undefined ? [options.beforeId] : []), options.limit],
  )) as { rows: Record<string, unknown>[] };
  return result.rows.map(toItem);
}

/** The user's notifications newer than `afterId`, newest first (what a stream has not sent yet). */
export async function notificationsAfter(
  db: Knex,
  userId: string,
  afterId: number,
  limit: number,
): Promise<NotificationItem[]> {
  const result = (await db.raw(
    `select ${COLUMNS} from ${NOTIFICATIONS} where user_id = ? and id > ? order by id desc limit ?`,
    [userId, afterId, limit],
  )) as { rows: Record<string, unknown>[] };
  return result.rows.map(toItem);
}

/** The id of the user's newest notification, 0 when they have none (a walk of the (user_id, id) index). */
export async function newestNotificationId(db: Knex, userId: string): Promise<number> {
  const result = (await db.raw(`select max(id) as id from ${NOTIFICATIONS} where user_id = ?`, [userId])) as {
    rows: { id: string | number | null }[];
  };
  return Number(result.rows[0]?.id ?? 0);
}

/** How many of the user's notifications are unread (an index-only count on the unread index). */
export async function countUnread(db: Knex, userId: string): Promise<number> {
  const result = (await db.raw(
    `select count(*)::int as n from ${NOTIFICATIONS} where user_id = ? and read_at is null`,
    [userId],
  )) as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Marks one of the user's notifications read (`id`) or all of them: how many were unread and now are not,
 * or undefined when the user has no notification with that id (someone else's is not theirs to mark).
 */
export async function markRead(db: Knex, userId: string, id?: number): Promise<number | undefined> {
  const one = id !== undefined ? ' and id = ?' : '';
  const result = (await db.raw(
    `with target as (select id, read_at from ${NOTIFICATIONS} where user_id = ?${one}${id === undefined ? ' and read_at is null' : ''}),
          marked as (update ${NOTIFICATIONS} n set read_at = now() from target where n.id = target.id and target.read_at is null returning n.id)
     select (select count(*) from target)::int as found, (select count(*) from marked)::int as marked`,
    [userId, ...(id !== undefined ? [id] : [])],
  )) as { rows: { found: number; marked: number }[] };
  const row = result.rows[0]!;
  if (id !== undefined && Number(row.found) === 0) return undefined;
  return Number(row.marked);
}

function toItem(row: Record<string, unknown>): NotificationItem {
  return {
    id: Number(row.id),
    title: parsed(row.title),
    body: parsed(row.body),
    entity: (row.entity as string | null) ?? null,
    recordId: (row.record_id as string | null) ?? null,
    createdAt: new Date(row.created_at as string).toISOString(),
    readAt: row.read_at ? new Date(row.read_at as string).toISOString() : null,
  };
}

// jsonb arrives parsed from pg and PGlite alike; text (another driver setting) is parsed here.
function parsed(value: unknown): Text {
  return (typeof value === 'string' ? JSON.parse(value) : value) as Text;
}

/** Notifications a timer leaves (an SLA warning or breach): no history row causes them. */
export async function insertNotifications(
  db: Knex,
  about: { entity: string; recordId: string },
  rows: NewNotification[],
): Promise<void> {
  if (!rows.length) return;
  await db(NOTIFICATIONS).insert(
    rows.map((row) => ({
      user_id: row.userId,
      title: JSON.stringify(row.title),
      body: JSON.stringify(row.body),
      entity: about.entity,
      record_id: about.recordId,
    })),
  );
}
