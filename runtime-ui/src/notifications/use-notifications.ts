import type { NotificationItem, NotificationPage, NotificationsMarked, NotificationStreamEvent } from '@lodestar/core';
import { getJson, sendJson } from '@lodestar/ui-shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { followInbox } from './inbox-stream';

const BASE = '/api/v1/me/notifications';
/** While the stream is down, how often the bell asks; it also asks when the window regains focus then. */
const POLL_MS = 60_000;
const PAGE = 20;

export interface Inbox {
  items: NotificationItem[];
  unread: number;
  next: string | null;
  error: Error | undefined;
  loaded: boolean;
  refresh(): void;
  more(): void;
  markRead(id: number): Promise<void>;
  markAll(): Promise<void>;
  /** Notifications that arrived live about a record waiting for the reader's approval, oldest first. */
  approvals: NotificationItem[];
  dismissApproval(id: number): void;
}

/** Tells the engine the language this user reads (on load and on a switch), so their mails are written in it. */
export function useReaderLanguage(lang: 'zh' | 'en'): void {
  useEffect(() => {
    sendJson('PUT', `${BASE}/language`, { lang }).catch(() => undefined);
  }, [lang]);
}

/**
 * The signed-in user's notifications, unread first: fetched on mount, then kept current by the engine's
 * event stream (the count and new items as they arrive, from any engine process). While the stream is down
 * it falls back to asking every minute while the page is visible and whenever the window regains focus.
 */
export function useNotifications(): Inbox {
  const [page, setPage] = useState<NotificationPage>({ data: [], unread: 0, next: null });
  const [error, setError] = useState<Error>();
  const [loaded, setLoaded] = useState(false);
  const [approvals, setApprovals] = useState<NotificationItem[]>([]);
  const latest = useRef(0);
  /** The newest notification id this page has seen: a reconnecting stream starts after it. */
  const newestId = useRef<number | undefined>(undefined);
  const live = useRef(false);
  const seen = (ids: number[]) => {
    for (const id of ids) if (newestId.current === undefined || id > newestId.current) newestId.current = id;
  };

  const refresh = useCallback(() => {
    const asked = ++latest.current;
    getJson<NotificationPage>(`${BASE}?limit=${PAGE}`).then(
      (answer) => {
        if (asked !== latest.current) return;
        seen(answer.data.map((n) => n.id));
        setPage(answer);
        setError(undefined);
        setLoaded(true);
      },
      (failed: Error) => asked === latest.current && setError(failed),
    );
  }, []);

  useEffect(() => {
    refresh();
    const stale = () => !live.current && document.visibilityState === 'visible';
    const timer = window.setInterval(() => stale() && refresh(), POLL_MS);
    const onFocus = () => !live.current && refresh();
    const onVisible = () => stale() && refresh();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    let dropped = false;
    const stop = followInbox({
      lastId: () => newestId.current,
      onLive: (now) => {
        // Back after a drop: what was read meanwhile shows at once (new items come with the first event).
        if (now && dropped) refresh();
        dropped ||= live.current && !now;
        live.current = now;
      },
      onEvent: (event, id) => {
        seen([...(id !== undefined ? [id] : []), ...event.items.map((n) => n.id)]);
        setPage((shown) => withArrivals(shown, event));
        setLoaded(true);
        const waiting = event.items.filter((n) => event.approvals.includes(n.id)).reverse();
        if (waiting.length) setApprovals((shown) => [...shown, ...waiting].slice(-3));
      },
    });
    return () => {
      stop();
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const dismissApproval = useCallback((id: number) => setApprovals((shown) => shown.filter((n) => n.id !== id)), []);

  const more = useCallback(() => {
    if (!page.next) return;
    getJson<NotificationPage>(`${BASE}?limit=${PAGE}&cursor=${encodeURIComponent(page.next)}`).then(
      (answer) =>
        setPage((shown) => ({
          data: [...shown.data, ...answer.data.filter((n) => !shown.data.some((s) => s.id === n.id))],
          unread: answer.unread,
          next: answer.next,
        })),
      (failed: Error) => setError(failed),
    );
  }, [page.next]);

  const markRead = useCallback(async (id: number) => {
    const marked = await sendJson<NotificationsMarked>('POST', `${BASE}/${id}/read`);
    const at = new Date().toISOString();
    setPage((shown) => ({
      ...shown,
      unread: marked.unread,
      data: shown.data.map((n) => (n.id === id && !n.readAt ? { ...n, readAt: at } : n)),
    }));
  }, []);

  const markAll = useCallback(async () => {
    const marked = await sendJson<NotificationsMarked>('POST', `${BASE}/read`);
    const at = new Date().toISOString();
    setPage((shown) => ({
      ...shown,
      unread: marked.unread,
      data: shown.data.map((n) => (n.readAt ? n : { ...n, readAt: at })),
    }));
  }, []);

  return {
    items: page.data,
    unread: page.unread,
    next: page.next,
    error,
    loaded,
    refresh,
    more,
    markRead,
    markAll,
    approvals,
    dismissApproval,
  };
}

/**
 * The page after a stream event: new items on top (unread, newest first), the engine's count, and when the
 * engine says nothing is unread (read on another device) every shown item read.
 */
export function withArrivals(shown: NotificationPage, event: NotificationStreamEvent): NotificationPage {
  const fresh = event.items.filter((n) => !shown.data.some((s) => s.id === n.id));
  const at = new Date().toISOString();
  const data = event.unread === 0 ? shown.data.map((n) => (n.readAt ? n : { ...n, readAt: at })) : shown.data;
  return { ...shown, unread: event.unread, data: [...fresh, ...data] };
}
