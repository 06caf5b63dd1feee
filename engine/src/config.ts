import { resolve } from 'node:path';
import type { DbConfig } from './db/connect.js';
import type { MetricsSettings } from './metrics/metrics-route.js';

/** Everything the engine reads from the environment; the only reader of process.env. */
export interface Config {
  port: number;
  db: DbConfig;
  /** The folder whose schemas/ and workflows/ seed the first model version. */
  definitionsDir: string;
  logLevel: string;
  /** Login attempts per client address per minute (LODESTAR_LOGINS_PER_MINUTE). */
  loginsPerMinute?: number;
  /** How often each engine looks for due workflow timers. */
  timerPollMs?: number;
  /**
   * How long an outbox delivery's claim holds (LODESTAR_OUTBOX_LEASE_MS, default 5 min): after an engine
   * dies mid-delivery, another sends the row again once it runs out, with the same event id.
   */
  outboxLeaseMs?: number;
  /** A streaming replica of DATABASE_URL (DATABASE_REPLICA_URL) for reads that may lag: lists, reports, search. */
  replicaUrl?: string;
  /** LODESTAR_STATEMENTS=unnamed: no named prepared statements, for a transaction-pooling PgBouncer before 1.21. */
  unnamedStatements?: boolean;
  admin?: { email: string; password: string };
  smtp?: { host: string; port: number; user?: string; password?: string; from: string };
  /** Signs outbox webhooks (HMAC-SHA256); without it they go out unsigned. */
  webhookSecret?: string;
  /** Express `trust proxy` (LODESTAR_TRUST_PROXY: hops, addresses or `true`): which X-Forwarded-Proto to believe. */
  trustProxy?: string;
  /** The company's time zone (LODESTAR_TIME_ZONE, an IANA name): the dates and periods of record numbers. */
  timeZone?: string;
  /** Prometheus metrics at /metrics: on with LODESTAR_METRICS=1 (open) or LODESTAR_METRICS_TOKEN (bearer token). */
  metrics?: MetricsSettings;
  /**
   * A direct PostgreSQL URL for the connection that LISTENs (LODESTAR_LISTEN_URL), when DATABASE_URL goes
   * through a transaction-pooling PgBouncer, which does not deliver notifications to a pooled LISTEN.
   */
  listenUrl?: string;
  /**
   * Months of history and audit to keep (LODESTAR_KEEP_HISTORY_MONTHS, LODESTAR_KEEP_AUDIT_MONTHS): older
   * month partitions are dropped daily. Unset: kept forever (the default, and audit's unless set explicitly).
   */
  retention?: { history?: number; audit?: number };
}

/** A whole number of months above zero, else undefined (unset or not a count: keep everything). */
function months(value: string | undefined): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const config: Config = {
    port: env.PORT ? Number(env.PORT) : 3000,
    db: env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: resolve(cwd, env.DATA_DIR ?? 'data') },
    definitionsDir: resolve(cwd, env.LODESTAR_DEFINITIONS ?? '.'),
    logLevel: env.LOG_LEVEL ?? 'info',
    ...(env.LODESTAR_TIMER_POLL_MS && { timerPollMs: Number(env.LODESTAR_TIMER_POLL_MS) }),
    ...(env.LODESTAR_OUTBOX_LEASE_MS && { outboxLeaseMs: Number(env.LODESTAR_OUTBOX_LEASE_MS) }),
    ...(env.LODESTAR_STATEMENTS === 'unnamed' && { unnamedStatements: true }),
    ...(env.DATABASE_URL && env.DATABASE_REPLICA_URL && { replicaUrl: env.DATABASE_REPLICA_URL }),
    ...(env.LODESTAR_LOGINS_PER_MINUTE && { loginsPerMinute: Number(env.LODESTAR_LOGINS_PER_MINUTE) }),
  };
  if (env.LODESTAR_ADMIN_EMAIL && env.LODESTAR_ADMIN_PASSWORD) {
    config.admin = { email: env.LODESTAR_ADMIN_EMAIL, password: env.LODESTAR_ADMIN_PASSWORD };
  }
  if (env.LODESTAR_TRUST_PROXY) config.trustProxy = env.LODESTAR_TRUST_PROXY;
  if (env.LODESTAR_WEBHOOK_SECRET) config.webhookSecret = env.LODESTAR_WEBHOOK_SECRET;
  if (env.LODESTAR_TIME_ZONE) config.timeZone = env.LODESTAR_TIME_ZONE;
  if (env.LODESTAR_LISTEN_URL) config.listenUrl = env.LODESTAR_LISTEN_URL;
  if (env.LODESTAR_METRICS_TOKEN) config.metrics = { token: env.LODESTAR_METRICS_TOKEN };
  else if (env.LODESTAR_METRICS === '1') config.metrics = {};
  const history = months(env.LODESTAR_KEEP_HISTORY_MONTHS);
  const audit = months(env.LODESTAR_KEEP_AUDIT_MONTHS);
  if (history || audit) config.retention = { ...(history && { history }), ...(audit && { audit }) };
  if (env.SMTP_HOST) {
    config.smtp = {
      host: env.SMTP_HOST,
      port: Number(env.SMTP_PORT ?? 587),
      from: env.SMTP_FROM ?? 'lodestar@localhost',
      ...(env.SMTP_USER && { user: env.SMTP_USER }),
      ...(env.SMTP_PASSWORD && { password: env.SMTP_PASSWORD }),
    };
  }
  return config;
}
