import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Config } from '../../config.js';
import { runPrimary } from '../../cluster/primary.js';
import { planWorkers } from '../../cluster/worker-count.js';
import { createLogger } from '../../log.js';
import { startEngine } from '../../main.js';
import type { Lang } from '../lang.js';
import { CLI_MESSAGES } from '../messages.js';

/**
 * Runs the engine until SIGINT/SIGTERM, then closes the server and the database cleanly. With `--workers N`
 * (default: one per core on PostgreSQL) a primary process prepares the database and runs N engines on the port.
 */
export async function runStart(config: Config, lang: Lang, options: { workers?: number } = {}): Promise<void> {
  if (cluster.isWorker) {
    await serve(config, { prepared: true });
    return;
  }
  const plan = planWorkers(options.workers, config.db, availableParallelism());
  if (plan.note) console.warn(plan.note[lang]);
  if (plan.count === 1) {
    const url = await serve(config, {});
    console.log(CLI_MESSAGES[lang].running(url));
    return;
  }
  await runPrimary(config, plan.count, createLogger(config.logLevel), (url) => {
    console.log(CLI_MESSAGES[lang].runningWorkers(url, plan.count));
  });
}

async function serve(config: Config, options: { prepared?: boolean }): Promise<string> {
  const engine = await startEngine(config, options);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await engine.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return engine.url;
}
