import type { NotificationItem, NotificationPage, NotificationsMarked } from '@lodestar/core';
import { getJson, sendJson } from '@lodestar/ui-shared';
import { useCallback, useEffect, useRef, useState } from 'react';

const BASE = '/api/v1/me/notifications';
/** How often the bell asks while the page is visible; it also asks when the window regains focus. */
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
}

/** Tells the engine the language this user reads (on load and on a switch), so their mails are written in it. */
export function useReaderLanguage(lang: 'zh' | 'en'): void {
  useEffect(() => {
    sendJson('PUT', `${BASE}/language`, { lang }).catch(() => undefined);
  }, [lang]);
}

/**
 * The signed-in user's notifications, unread first: fetched on mount, every minute while the page is
 * visible and whenever the window regains focus (no websocket: a minute's delay is fine for an inbox).
 */
export function useNotifications(): Inbox {
  const [page, setPage] = useState<NotificationPage>({ data: [], unread: 0, next: null });
  const [error, setError] = useState<Error>();
  const [loaded, setLoaded] = useState(false);
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const asked = ++latest.current;
    getJson<NotificationPage>(`${BASE}?limit=${PAGE}`).then(
      (answer) => {
        if (asked !== latest.current) return;
        setPage(answer);
        setError(undefined);
        setLoaded(true);
      },
      (failed: Error) => asked === latest.current && setError(failed),
    );
  }, []);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(() => document.visibilityState === 'visible' && refresh(), POLL_MS);
    const onFocus = () => refresh();
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

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

  return { items: page.data, unread: page.unread, next: page.next, error, loaded, refresh, more, markRead, markAll };
}
