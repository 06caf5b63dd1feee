import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import { connect } from '../db/connect.js';
import type { Logger } from '../log.js';
import { prepareDatabase } from '../main.js';
import { serveClusterMetrics } from '../metrics/cluster-metrics.js';

/** A worker that dies sooner than this after its start counts as a crash loop: restarts back off. */
const STEADY_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * The primary of `lodestar start --workers N`: prepares the database once, forks N engine processes that
 * share the port (node:cluster hands each connection to one of them), restarts one that dies (with backoff
 * when it keeps dying), and on SIGTERM/SIGINT stops them all and waits for their clean close. The workers
 * hold no state another process needs: identity and the model follow the database's notifications, limits
 * and throttles live in the database, timers, outbox and schedules are claimed with row locks.
 */
export async function runPrimary(
  config: Config,
  count: number,
  log: Logger,
  onListening: (url: string) => void,
): Promise<void> {
  const db = await connect(config.db);
  try {
    await prepareDatabase(config, db, log, { seed: true });
  } finally {
    await db.close();
  }
  let stopping = false;
  let announced = false;
  const started = new Map<number, number>();
  let backoffMs = 500;

  const fork = () => {
    const worker = cluster.fork({ LODESTAR_CLUSTER_WORKER: '1' });
    started.set(worker.id, Date.now());
    return worker;
  };
  cluster.on('listening', (_worker, address) => {
    if (announced) return;
    announced = true;
    onListening(`http://localhost:${address.port}`);
  });
  cluster.on('exit', (worker: Worker, code, signal) => {
    const ranMs = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) return;
    log.error({ pid: worker.process.pid, code, signal, ranMs }, 'an engine worker stopped; starting another');
    backoffMs = ranMs > STEADY_MS ? 500 : Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    setTimeout(() => !stopping && fork(), ranMs > STEADY_MS ? 0 : backoffMs);
  });
  // A scrape of any worker answers for all of them (metrics/cluster-metrics.ts).
  if (config.metrics) serveClusterMetrics();
  for (let i = 0; i < count; i++) fork();

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
