import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnEngine, waitForHealth, type EngineProcess } from './support/engine-process.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';

/* `lodestar start --workers 2` with metrics on: whichever worker takes a scrape answers for both. */
let db: TestDb;
let engine: EngineProcess;

/** A request on its own connection, so the cluster may hand it to either worker. */
const status = (path: string) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    get(`${engine.url}${path}`, { agent: false }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    }).on('error', reject);
  });
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

beforeAll(async () => {
  db = await createPostgresDb();
  engine = spawnEngine({ DATABASE_URL: db.url!, LODESTAR_METRICS: '1', LOG_LEVEL: 'error' }, undefined, [
    '--workers',
    '2',
  ]);
  await waitForHealth(engine.url, Date.now() + 120_000);
}, 150_000);

afterAll(async () => {
  if (engine && engine.child.exitCode === null) {
    engine.child.kill('SIGTERM');
    await engine.exited;
  }
  await db?.drop();
});

describe('metrics under --workers 2', () => {
  it('sums what each worker counted, and reads the shared backlog once', async () => {
    await db.db.knex('lodestar_outbox').insert({ kind: 'webhook', payload: {}, status: 'failed', attempts: 8 });
    for (let i = 0; i < 20; i++) expect((await status('/api/v1/health/live')).status).toBe(200);
    const series =
      'lodestar_http_request_duration_seconds_count{method="GET",route="/api/v1/health/live",status="200"}';
    for (let scrape = 0; scrape < 4; scrape++) {
      const { status: code, text } = await status('/metrics');
      expect(code, engine.output()).toBe(200);
      expect(sample(text, series)).toBe(20);
      // Each worker's pool (10 connections) counts: the sum proves both answered.
      expect(sample(text, 'lodestar_db_pool_max{database="postgres"}')).toBe(20);
      expect(sample(text, 'lodestar_outbox_failed')).toBe(1);
      expect(text.split('\n').filter((l) => l.startsWith('lodestar_outbox_failed '))).toHaveLength(1);
      expect(sample(text, 'lodestar_model_version')).toBe(1);
    }
  });
});
