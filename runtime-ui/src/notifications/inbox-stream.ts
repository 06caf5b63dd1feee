import type { NotificationStreamEvent } from '@lodestar/core';
import { currentToken, endSession, previewHeaders } from '@lodestar/ui-shared';
import { SseParser } from './sse-parse';

const STREAM = '/api/v1/me/notifications/stream';
/** After the engine refused another stream (too many tabs): try again this much later. */
const CROWDED_MS = 60_000;
/** After the engine ended the stream cleanly (it restarted, or the token must be checked): reconnect soon. */
const ENDED_MS = 1_000;

export interface InboxFollower {
  /** The newest notification id the page already has: the stream sends only what came after it. */
  lastId(): number | undefined;
  onEvent(event: NotificationStreamEvent, id: number | undefined): void;
  /** Whether the stream is connected; while it is not, the inbox falls back to asking now and then. */
  onLive(live: boolean): void;
}

/** 1 s, 2 s, 4 s … up to a minute, each with up to a third more at random so tabs do not reconnect in step. */
export function backoffMs(failures: number): number {
  const base = Math.min(60_000, 1_000 * 2 ** Math.min(failures, 6));
  return Math.round(base * (1 + Math.random() / 3));
}

/**
 * Follows `GET /me/notifications/stream` until stopped. Read with fetch rather than EventSource so the bearer
 * token goes in the Authorization header, never in a URL; a drop reconnects with `Last-Event-ID` after a
 * growing wait, a 401 ends the session (the sign-in form returns), a 429 waits a minute.
 */
export function followInbox(follower: InboxFollower): () => void {
  let stopped = false;
  let controller: AbortController | undefined;
  let timer: number | undefined;
  let failures = 0;

  const connect = async () => {
    if (stopped) return;
    const token = currentToken();
    if (!token) return;
    controller = new AbortController();
    let wait: number;
    try {
      const headers: Record<string, string> = {
        Accept: 'text/event-stream',
        Authorization: `Bearer ${token}`,
        ...previewHeaders(),
      };
      const last = follower.lastId();
      if (last !== undefined) headers['Last-Event-ID'] = String(last);
      const response = await fetch(STREAM, {
        headers,
        signal: controller.signal,
        credentials: 'same-origin',
        cache: 'no-store',
      });
      if (response.status === 401) {
        endSession();
        return;
      }
      if (response.status === 429) throw Object.assign(new Error('crowded'), { crowded: true });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      failures = 0;
      follower.onLive(true);
      await readEvents(response.body, follower);
      wait = ENDED_MS;
    } catch (error) {
      if (stopped) return;
      wait = (error as { crowded?: boolean }).crowded ? CROWDED_MS : backoffMs(failures++);
    }
    follower.onLive(false);
    if (!stopped) timer = window.setTimeout(() => void connect(), wait);
  };

  void connect();
  return () => {
    stopped = true;
    controller?.abort();
    window.clearTimeout(timer);
  };
}

async function readEvents(body: ReadableStream<Uint8Array>, follower: InboxFollower): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    for (const event of parser.push(decoder.decode(value, { stream: true }))) {
      if (event.event !== 'inbox') continue;
      const id = event.id !== undefined && /^\d+$/.test(event.id) ? Number(event.id) : undefined;
      follower.onEvent(JSON.parse(event.data) as NotificationStreamEvent, id);
    }
  }
}
