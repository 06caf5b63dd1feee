import pg from 'pg';
import type { Logger } from '../log.js';

/**
 * The channels the engine's own triggers notify on (migration 018, db/signal-triggers.ts; `inbox`: migration
 * 019, notifications/notification-tables.ts, whose payload is the id of the user whose inbox changed).
 */
export const CHANNELS = { identity: 'lodestar_identity', model: 'lodestar_model', inbox: 'lodestar_inbox' } as const;
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

/** What a process learns from the database's notifications, and whether it can trust that it hears them. */
export interface ChangeSignals {
  /** True while the listening connection is up: only then may a cache rely on being told of changes. */
  readonly listening: boolean;
  /** `payload`: what the trigger sent (a table name, or a user id on `inbox`). */
  on(channel: Channel, handler: (payload: string) => void): void;
  /** Called when listening stops (and once more when it resumes): whatever was cached may have missed a change. */
  onGap(handler: () => void): void;
  close(): Promise<void>;
}

/** No database notifications (PGlite, tests with a fixed identity): nothing can be cached on their word. */
export const NO_SIGNALS: ChangeSignals = {
  listening: false,
  on: () => undefined,
  onGap: () => undefined,
  close: async () => undefined,
};

/**
 * One dedicated PostgreSQL connection per engine process that LISTENs on the engine's channels. Triggers
 * notify at commit, so every process hears of a revoked key, a deactivated user or a publish within the
 * notification's delivery instead of at its next poll. A dropped connection is a gap: handlers hear of it
 * (caches empty themselves and stop caching) and the connection is opened again with backoff.
 */
export async function listenForChanges(databaseUrl: string, log: Logger): Promise<ChangeSignals> {
  const handlers = new Map<string, ((payload: string) => void)[]>();
  const gapHandlers: (() => void)[] = [];
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let retryMs = 500;
  let retryTimer: NodeJS.Timeout | undefined;

  const gap = () => {
    for (const handler of gapHandlers) handler();
  };
  const lost = (error?: Error) => {
    if (!listening && client === undefined) return;
    listening = false;
    client?.removeAllListeners();
    client?.end().catch(() => undefined);
    client = undefined;
    gap();
    if (closed) return;
    log.warn({ err: error?.message }, 'lost the database notification connection; reconnecting');
    retryTimer = setTimeout(() => void connect(), retryMs).unref();
    retryMs = Math.min(retryMs * 2, 30_000);
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    client = next;
    next.on('error', lost);
    next.on('end', () => lost());
    next.on('notification', (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    try {
      await next.connect();
      for (const channel of Object.values(CHANNELS)) await next.query(`listen ${channel}`);
      listening = true;
      retryMs = 500;
      // Whatever changed while nobody listened is unknown: start from empty caches.
      gap();
    } catch (error) {
      lost(error as Error);
    }
  };
  await connect();

  return {
    get listening() {
      return listening;
    },
    on(channel, handler) {
      handlers.set(channel, [...(handlers.get(channel) ?? []), handler]);
    },
    onGap(handler) {
      gapHandlers.push(handler);
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      listening = false;
      const open = client;
      client = undefined;
      open?.removeAllListeners();
      await open?.end().catch(() => undefined);
    },
  };
}
