import type { NotificationItem, NotificationStreamEvent } from '@lodestar/core';
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import type { Actor, IdentifyActor } from '../actor.js';
import { readApprovalInbox } from '../agenda/approval-inbox.js';
import { BadRequestError, TooManyRequestsError } from '../errors.js';
import type { Logger } from '../log.js';
import type { ModelCache } from '../model/model-cache.js';
import { accessFor } from '../permissions/model-access.js';
import { countUnread, newestNotificationId, notificationsAfter } from './notifications-repo.js';
import type { InboxStream, InboxStreams } from './stream-hub.js';
import { sseComment, sseEvent } from './stream-format.js';

/** A comment line this often keeps proxies from closing an idle stream, and the sign-in is checked again. */
export const HEARTBEAT_MS = 25_000;
/** The most notifications one event carries; a reader that missed more pages through `/me/notifications`. */
export const STREAM_ITEMS = 20;
/** How long a browser waits before reconnecting after the stream drops (the SSE `retry` field). */
const RETRY_MS = 3_000;

export interface StreamDeps {
  knex: Knex;
  streams: InboxStreams;
  models: ModelCache;
  clock: () => Date;
  /** The request's identity, asked again at each heartbeat and after identity writes: a revoked token ends the stream. */
  identify: IdentifyActor;
  log: Logger;
  heartbeatMs?: number;
}

/**
 * Serves `GET /me/notifications/stream` as server-sent events: an `inbox` event at once and each time the
 * user's inbox changes (the unread count and the notifications newer than the reader's last event id),
 * heartbeats between, and an `end` event before closing when the sign-in stopped holding. Everything is read
 * as the user, from their own rows, exactly as `GET /me/notifications` reads them.
 */
export async function serveInboxStream(deps: StreamDeps, req: Request, res: Response, first: Actor): Promise<void> {
  let actor = first;
  let lastId = lastEventId(req.get('last-event-id'));
  let open = true;
  let sending = false;
  let again = false;

  const write = (chunk: string) => {
    if (open && !res.writableEnded && !res.destroyed) res.write(chunk);
  };
  const finish = (reason: 'signed-out' | 'closing') => {
    if (!open) return;
    write(sseEvent({ event: 'end', data: { reason } }));
    cleanup();
    res.end();
  };
  const send = async () => {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    try {
      do {
        again = false;
        const event = await inboxEvent(deps, actor, lastId ?? 0);
        if (event.items[0]) lastId = event.items[0].id;
        write(sseEvent({ id: String(lastId ?? 0), event: 'inbox', data: event }));
      } while (again && open);
    } catch (error) {
      deps.log.warn({ err: (error as Error).message, userId: actor.id }, 'a notification stream could not be updated');
    } finally {
      sending = false;
    }
  };
  const recheck = async () => {
    try {
      const now = await deps.identify(req);
      if (now.id !== actor.id) return finish('signed-out');
      actor = now;
    } catch {
      finish('signed-out');
    }
  };
  const stream: InboxStream = {
    userId: actor.id,
    inboxChanged: () => void send(),
    recheck: () => void recheck(),
    end: () => finish('closing'),
  };
  const heartbeat = setInterval(() => {
    write(sseComment('heartbeat'));
    void recheck();
  }, deps.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  const cleanup = () => {
    open = false;
    clearInterval(heartbeat);
    deps.streams.close(stream);
  };

  if (!deps.streams.open(stream)) {
    cleanup();
    throw new TooManyRequestsError({
      en: `you already have ${deps.streams.maxPerUser} notification streams open: close a tab or wait for one to end`,
      zh: `您已打开 ${deps.streams.maxPerUser} 个通知连接，请关闭一些标签页或稍后再试`,
    });
  }
  res.on('close', cleanup);
  try {
    // A reader without a last event id starts from now: the page it loaded holds what came before.
    lastId ??= await newestNotificationId(deps.knex, actor.id);
  } catch (error) {
    cleanup();
    throw error;
  }
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    // no-transform: a compressing proxy or middleware must not hold events back to fill a block.
    'Cache-Control': 'no-cache, no-transform',
    'X-Accel-Buffering': 'no',
    Connection: 'keep-alive',
  });
  res.flushHeaders();
  write(`retry: ${RETRY_MS}\n\n`);
  await send();
}

/** The count and the new items, with those about a record waiting for this user's approval marked. */
async function inboxEvent(deps: StreamDeps, actor: Actor, afterId: number): Promise<NotificationStreamEvent> {
  const items = await notificationsAfter(deps.knex, actor.id, afterId, STREAM_ITEMS);
  const unread = await countUnread(deps.knex, actor.id);
  return { unread, items, approvals: await approvalsAmong(deps, actor, items) };
}

/** Ids of the items whose record is in the user's approval inbox now (only looked up when something arrived). */
async function approvalsAmong(deps: StreamDeps, actor: Actor, items: NotificationItem[]): Promise<number[]> {
  if (!items.some((item) => item.recordId)) return [];
  const model = deps.models.current();
  const waiting = await readApprovalInbox(deps.knex, {
    model,
    actor,
    access: accessFor(model, actor),
    now: deps.clock(),
  });
  const keys = new Set(waiting.map((item) => `${item.entity}/${item.id}`));
  return items.filter((item) => keys.has(`${item.entity}/${item.recordId}`)).map((item) => item.id);
}

/** The `Last-Event-ID` a reconnecting reader sends: a notification id, or nothing. */
function lastEventId(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  if (/^[0-9]{1,15}$/.test(header)) return Number(header);
  throw new BadRequestError({
    en: 'Last-Event-ID must be the id of an event this stream sent (digits only)',
    zh: 'Last-Event-ID 必须是此通知流发出的事件编号（仅数字）',
  });
}
