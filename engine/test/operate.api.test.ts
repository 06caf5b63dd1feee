import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { createApp } from '../src/api/app.js';
import { problemHandler } from '../src/api/problem.js';
import { requestId } from '../src/api/request-id.js';
import { startEngine } from '../src/main.js';
import { createPostgresDb } from './support/test-db.js';
import { REPO_ROOT, startTestServer, type TestServer } from './support/test-server.js';
import pg from 'pg';
import { ADMIN_URL } from './support/test-db.js';

const TOKEN = 'scrape-secret-for-tests';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ config: { metrics: { token: TOKEN } } });
});
afterAll(() => server?.close());

const scrape = async (url: string, token?: string) => {
  const response = await fetch(`${url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};
/** The value of one series line, e.g. `lodestar_outbox_pending 0`. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('health', () => {
  it('answers liveness and readiness without a token, the old /health as before', async () => {
    const live = await server.request('GET', '/api/v1/health/live', undefined, { authorization: '' });
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'live' });
    const ready = await server.request('GET', '/api/v1/health/ready', undefined, { authorization: '' });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ready',
      modelVersion: 1,
      checks: { database: { ok: true }, migrations: { ok: true }, model: { ok: true } },
    });
    const old = await server.request('GET', '/api/v1/health', undefined, { authorization: '' });
    expect(old.body).toEqual({ status: 'ok', modelVersion: 1, database: 'postgres' });
  });

  it('is not ready while an engine migration is missing, naming it in both languages', async () => {
    const knex = server.testDb.db.knex;
    const [row] = await knex('lodestar_migrations').where({ name: '015_shared_views' }).del().returning('*');
    try {
      const ready = await server.request('GET', '/api/v1/health/ready', undefined, { authorization: '' });
      expect(ready.status).toBe(503);
      expect(ready.headers.get('content-type')).toContain('application/problem+json');
      expect(ready.body.type).toBe('https://lodestar.dev/problems/not-ready');
      expect(ready.body.checks.database).toEqual({ ok: true });
      expect(ready.body.checks.migrations.ok).toBe(false);
      expect(ready.body.checks.migrations.i18n.en).toContain('015_shared_views');
      expect(ready.body.i18n.zh).toMatch(/^尚未就绪：migrations: 引擎数据表缺少 1 个迁移：015_shared_views/);
    } finally {
      await knex('lodestar_migrations').insert(row);
    }
    expect((await server.request('GET', '/api/v1/health/ready')).status).toBe(200);
  });

  it('is not ready when its database is gone, and still live', async () => {
    const testDb = await createPostgresDb();
    await testDb.db.close();
    const engine = await startEngine({
      port: 0,
      db: { databaseUrl: testDb.url! },
      definitionsDir: REPO_ROOT,
      logLevel: 'silent',
    });
    try {
      expect((await fetch(`${engine.url}/api/v1/health/ready`)).status).toBe(200);
      const name = new URL(testDb.url!).pathname.slice(1);
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
      const started = Date.now();
      const ready = await fetch(`${engine.url}/api/v1/health/ready`);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(ready.status).toBe(503);
      const problem = (await ready.json()) as {
        checks: Record<string, { ok: boolean }>;
        i18n: { en: string; zh: string };
      };
      expect(problem.checks.database).toEqual({
        ok: false,
        detail: 'the database does not answer',
        i18n: { en: 'the database does not answer', zh: '数据库没有响应' },
      });
      expect(problem.i18n.en).toContain('database: the database does not answer');
      expect(problem.i18n.zh).toContain('database: 数据库没有响应');
      expect((await fetch(`${engine.url}/api/v1/health/live`)).status).toBe(200);
    } finally {
      await engine.close().catch(() => undefined);
    }
  });
});

describe('metrics', () => {
  it('refuses a scrape without the token', async () => {
    const refused = await scrape(server.url);
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('LODESTAR_METRICS_TOKEN');
    expect((await scrape(server.url, 'wrong')).status).toBe(401);
  });

  it('counts requests per route template, never per URL, with pool and backlog gauges', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) expect((await server.request('GET', `/api/v1/records/customer/${id}`)).status).toBe(404);
    expect((await server.request('GET', '/api/v1/records/customer?limit=5')).status).toBe(200);
    await server.request('GET', '/api/v1/no-such-route');
    const { status, type, text } = await scrape(server.url, TOKEN);
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    const byId =
      'lodestar_http_request_duration_seconds_count{method="GET",route="/api/v1/records/:entity/:id",status="404"}';
    expect(sample(text, byId)).toBe(3);
    expect(
      sample(
        text,
        'lodestar_http_request_duration_seconds_count{method="GET",route="/api/v1/records/:entity",status="200"}',
      ),
    ).toBe(1);
    expect(
      sample(
        text,
        'lodestar_http_request_duration_seconds_bucket{le="10",method="GET",route="/api/v1/records/:entity",status="200"}',
      ),
    ).toBe(1);
    // An address no route answers is counted under one label, not under its own URL.
    expect(text).toContain('route="none",status="404"');
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).not.toContain('no-such-route');
    expect(sample(text, 'lodestar_db_pool_max{database="postgres"}')).toBeGreaterThan(0);
    expect(sample(text, 'lodestar_db_pool_connections{database="postgres",state="used"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'lodestar_backlog_up')).toBe(1);
    expect(sample(text, 'lodestar_model_version')).toBe(1);
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('reads due and late timers, the outbox backlog and failures, and running imports from the database', async () => {
    // The worker would fire due timers at once: stopped, so the scrape sees them waiting.
    await server.engine.timers.stop();
    const knex = server.testDb.db.knex;
    const timer = (secondsAgo: number) => ({
      entity: 'customer',
      record_id: randomUUID(),
      workflow: 'nothing',
      state: 'nowhere',
      kind: 'after',
      event: 'never',
      due_at: knex.raw(`now() - make_interval(secs => ?)`, [secondsAgo]),
    });
    await knex('lodestar_timers').insert([timer(10), timer(120), timer(-3600)]);
    await knex('lodestar_outbox').insert([
      { kind: 'webhook', payload: {}, status: 'failed', attempts: 8 },
      { kind: 'webhook', payload: {}, status: 'failed', attempts: 8 },
      {
        kind: 'email',
        payload: {},
        status: 'pending',
        attempts: 1,
        next_attempt_at: knex.raw(`now() + interval '1 hour'`),
      },
    ]);
    await knex('lodestar_imports').insert({ id: randomUUID(), entity: 'customer', options: {}, status: 'running' });
    const { text } = await scrape(server.url, TOKEN);
    expect(sample(text, 'lodestar_timers_due')).toBe(2);
    expect(sample(text, 'lodestar_timers_late')).toBe(1);
    expect(sample(text, 'lodestar_outbox_pending')).toBe(1);
    expect(sample(text, 'lodestar_outbox_retrying')).toBe(1);
    expect(sample(text, 'lodestar_outbox_failed')).toBe(2);
    expect(sample(text, 'lodestar_import_jobs{status="running"}')).toBe(1);
    expect(sample(text, 'lodestar_import_jobs{status="queued"}')).toBe(0);
  });
});

describe('on the embedded database', () => {
  it('is ready, and its metrics (open without a token here) show the one connection of PGlite', async () => {
    const embedded = await startTestServer({ kind: 'pglite', config: { metrics: {} } });
    try {
      expect((await embedded.request('GET', '/api/v1/health/ready')).body.status).toBe('ready');
      await embedded.request('GET', '/api/v1/records/customer?limit=1');
      const { status, text } = await scrape(embedded.url);
      expect(status).toBe(200);
      expect(sample(text, 'lodestar_db_pool_max{database="pglite"}')).toBe(1);
      expect(sample(text, 'lodestar_db_pool_connections{database="pglite",state="waiting"}')).toBe(0);
      expect(sample(text, 'lodestar_backlog_up')).toBe(1);
      expect(text).toContain('route="/api/v1/records/:entity",status="200"');
    } finally {
      await embedded.close();
    }
  }, 180_000);
});

describe('request log', () => {
  it('writes one JSON line per request with its id, route, status and duration', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const app = createApp({ ...server.engine.ctx, log: pino({ level: 'info' }, sink) });
    const listener: Server = app.listen(0);
    await new Promise((resolve) => listener.once('listening', resolve));
    const url = `http://localhost:${(listener.address() as AddressInfo).port}`;
    try {
      const id = randomUUID();
      const response = await fetch(`${url}/api/v1/records/customer/${id}?fields=name`, {
        headers: { authorization: `Bearer ${server.adminToken}`, 'x-request-id': 'trace-42' },
      });
      expect(response.status).toBe(404);
      await fetch(`${url}/api/v1/health/ready`);
      await new Promise((r) => setTimeout(r, 50));
      const requests = lines.filter((l) => l.msg === 'request');
      expect(requests).toHaveLength(1); // the probe logs at debug
      expect(requests[0]).toMatchObject({
        level: 30,
        reqId: 'trace-42',
        method: 'GET',
        route: '/api/v1/records/:entity/:id',
        path: `/api/v1/records/customer/${id}`,
        status: 404,
      });
      expect(typeof requests[0]!.ms).toBe('number');
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });

  it('logs an unexpected error with the id of the request that met it', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const app = express();
    app.use(requestId());
    app.get('/boom', () => {
      throw new Error('kaboom');
    });
    app.use(problemHandler(log));
    const listener: Server = app.listen(0);
    await new Promise((resolve) => listener.once('listening', resolve));
    try {
      const response = await fetch(`http://localhost:${(listener.address() as AddressInfo).port}/boom`, {
        headers: { 'x-request-id': 'trace-500' },
      });
      expect(response.status).toBe(500);
      expect(lines).toEqual([expect.objectContaining({ level: 50, reqId: 'trace-500', msg: 'unhandled error' })]);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});
