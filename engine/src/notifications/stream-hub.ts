import { CHANNELS, type ChangeSignals } from '../db/change-signals.js';
import type { Db } from '../db/connect.js';

/** One open notification stream as the hub sees it. */
export interface InboxStream {
  readonly userId: string;
  /** The user's inbox changed (a notification arrived or was read): send the count and what is new. */
  inboxChanged(): void;
  /** Identities changed somewhere: check the stream's sign-in still holds, else end it. */
  recheck(): void;
  /** The engine is closing. */
  end(): void;
}

/** Streams one user may hold open in one process (tabs, devices); the next one is refused with 429. */
export const MAX_STREAMS_PER_USER = 5;

/** Identity writes come in bursts (a login writes a session): streams recheck once per this many ms at most. */
const RECHECK_MS = 500;

/**
 * The notification streams open in this process, by user. The database says whose inbox changed (the
 * `inbox` channel carries a user id, never content) and the hub wakes only that user's streams.
 */
export class InboxStreams {
  private readonly byUser = new Map<string, Set<InboxStream>>();
  private recheckTimer: NodeJS.Timeout | undefined;

  constructor(readonly maxPerUser = MAX_STREAMS_PER_USER) {}

  /** Registers a stream; false when its user already holds `maxPerUser` here. */
  open(stream: InboxStream): boolean {
    const streams = this.byUser.get(stream.userId) ?? new Set<InboxStream>();
    if (streams.size >= this.maxPerUser) return false;
    streams.add(stream);
    this.byUser.set(stream.userId, streams);
    return true;
  }

  close(stream: InboxStream): void {
    const streams = this.byUser.get(stream.userId);
    streams?.delete(stream);
    if (streams?.size === 0) this.byUser.delete(stream.userId);
  }

  /** How many streams the user holds open here. */
  count(userId: string): number {
    return this.byUser.get(userId)?.size ?? 0;
  }

  inboxChanged(userId: string): void {
    for (const stream of this.byUser.get(userId) ?? []) stream.inboxChanged();
  }

  /** The notification connection was lost and is back: any inbox may have changed meanwhile. */
  everyInboxChanged(): void {
    for (const streams of this.byUser.values()) for (const stream of streams) stream.inboxChanged();
  }

  /** Every stream checks its sign-in again, soon: a burst of identity writes costs one check per stream. */
  recheckSoon(): void {
    if (this.recheckTimer || this.byUser.size === 0) return;
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = undefined;
      for (const streams of this.byUser.values()) for (const stream of streams) stream.recheck();
    }, RECHECK_MS).unref();
  }

  endAll(): void {
    clearTimeout(this.recheckTimer);
    for (const streams of [...this.byUser.values()]) for (const stream of [...streams]) stream.end();
    this.byUser.clear();
  }
}

/**
 * Wires the hub to what the database says: on PostgreSQL the process's listening connection (the inbox
 * channel for inboxes, the identity channel for revocations, a gap for anything missed); on PGlite, the
 * embedded database's own NOTIFY, heard in this one process at commit like any other listener.
 */
export async function followInboxes(
  streams: InboxStreams,
  db: Db,
  signals: ChangeSignals,
): Promise<() => Promise<void>> {
  if (db.listen) {
    const unlisten = [
      await db.listen(CHANNELS.inbox, (userId) => streams.inboxChanged(userId)),
      await db.listen(CHANNELS.identity, () => streams.recheckSoon()),
    ];
    return async () => {
      for (const stop of unlisten) await stop();
    };
  }
  signals.on(CHANNELS.identity, () => streams.recheckSoon());
  signals.on(CHANNELS.inbox, (userId) => streams.inboxChanged(userId));
  signals.onGap(() => streams.everyInboxChanged());
  // The signals' connection closes with the engine.
  return async () => undefined;
}
