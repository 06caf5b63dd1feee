import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/connect.js';
import type { ModelCache } from '../model/model-cache.js';
import { readBacklog, type Backlog } from './backlog.js';
import { clusterMetricsReader, inClusterWorker } from './cluster-metrics.js';

/** Latency buckets in seconds: a get by id is ~1 ms, a report or an export may take seconds. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** tarn's pool as knex holds it (PostgreSQL: the configured size; PGlite: one connection). */
interface Pool {
  max: number;
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/**
 * One engine's metrics: its own registries (tests run several engines in one process). `registry` holds
 * what each process measures (summed over the workers of `--workers N`); the backlog is read from the
 * database once per scrape, the same for every process, so it is kept apart and never summed.
 */
export interface Metrics {
  registry: Registry;
  /** Counts one answered request under its route template (never the raw URL: one series per route). */
  observe(method: string, route: string, status: number, seconds: number): void;
  /** The exposition text, after reading the gauges that live in the database. */
  render(): Promise<string>;
}

export function createMetrics(db: Db, models: ModelCache): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: 'lodestar_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status: latency; _count gives the request rate',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  // One child per series, found by one string key: the per-request cost is a Map lookup and an observe.
  const series = new Map<string, ReturnType<typeof requests.labels>>();
  const pool = (db.knex.client as { pool?: Pool }).pool;
  new Gauge({
    name: 'lodestar_db_pool_connections',
    help: 'Database pool connections by state (PGlite has one connection)',
    labelNames: ['database', 'state'] as const,
    registers: [registry],
    collect() {
      if (!pool) return;
      this.set({ database: db.kind, state: 'used' }, pool.numUsed());
      this.set({ database: db.kind, state: 'free' }, pool.numFree());
      this.set({ database: db.kind, state: 'waiting' }, pool.numPendingAcquires());
      this.set({ database: db.kind, state: 'opening' }, pool.numPendingCreates());
    },
  });
  new Gauge({
    name: 'lodestar_db_pool_max',
    help: 'Largest number of connections the pool opens',
    labelNames: ['database'] as const,
    registers: [registry],
    collect() {
      if (pool) this.set({ database: db.kind }, pool.max);
    },
  });
  new Gauge({
    name: 'lodestar_model_version',
    help: 'The model version this engine serves (the lowest of its workers)',
    registers: [registry],
    aggregator: 'min',
    collect() {
      this.set(models.current().version);
    },
  });
  const shared = new Registry();
  const backlog = backlogGauges(shared);
  const perProcess = inClusterWorker() ? clusterMetricsReader(registry) : () => registry.metrics();
  return {
    registry,
    observe(method, route, status, seconds) {
      const key = `${method} ${route} ${status}`;
      let child = series.get(key);
      if (!child) series.set(key, (child = requests.labels(method, route, String(status))));
      child.observe(seconds);
    },
    async render() {
      try {
        backlog.set(await readBacklog(db.knex));
      } catch {
        backlog.unknown();
      }
      return `${(await perProcess()).trimEnd()}\n\n${await shared.metrics()}`;
    },
  };
}

/** Gauges of work waiting in the database, shared by every engine on it (read once per scrape). */
function backlogGauges(registry: Registry) {
  const gauge = (name: string, help: string) => new Gauge({ name, help, registers: [registry] });
  const up = gauge('lodestar_backlog_up', '1 when the backlog gauges below were read from the database, else 0');
  const timersDue = gauge('lodestar_timers_due', 'Workflow timers due now and not fired yet');
  const timersLate = gauge('lodestar_timers_late', 'Workflow timers due more than 60 s ago and not fired yet');
  const outboxPending = gauge('lodestar_outbox_pending', 'Mails and webhooks waiting to be sent');
  const outboxRetrying = gauge('lodestar_outbox_retrying', 'Pending mails and webhooks that failed at least once');
  const outboxFailed = gauge('lodestar_outbox_failed', 'Mails and webhooks given up on after their last attempt');
  const imports = new Gauge({
    name: 'lodestar_import_jobs',
    help: 'Import jobs queued or running',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  return {
    set(b: Backlog) {
      up.set(1);
      timersDue.set(b.timersDue);
      timersLate.set(b.timersLate);
      outboxPending.set(b.outboxPending);
      outboxRetrying.set(b.outboxRetrying);
      outboxFailed.set(b.outboxFailed);
      imports.set({ status: 'queued' }, b.importsQueued);
      imports.set({ status: 'running' }, b.importsRunning);
    },
    unknown() {
      up.set(0);
    },
  };
}
