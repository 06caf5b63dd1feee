// What bench/line-items.mjs and bench/sequence.mjs share: two kinds of create measured against each other,
// round after round (the order flipping each round), on a fresh database and an engine process of their own,
// with autocannon in a child process (the bench file itself, run with --load-worker <spec.json>).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_DIR, PG_BASE, engineServerOptions, fail, freePort, log, startServer } from './common.mjs';

/** `[--duration 10] [--warmup 2] [--connections 16] [--rounds 3]`, and `--load-worker` for the child. */
export function createRoundsOptions() {
  return parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '16' },
      rounds: { type: 'string', default: '3' },
      'load-worker': { type: 'string' },
    },
  }).values;
}

/**
 * Drops and creates `database` on the bench server, starts the engine (engine/dist) on it seeded with the
 * definitions folder bench/definitions/<definitions>, and connects a client to it for the checks.
 */
export async function startFreshEngine(database, definitions) {
  const url = `${PG_BASE}/${database}`;
  const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${database}`);
  await admin.query(`create database ${database}`);
  await admin.end();
  const port = await freePort();
  const engine = await startServer(
    engineServerOptions(port, { DATABASE_URL: url, LODESTAR_DEFINITIONS: join(BENCH_DIR, 'definitions', definitions) }),
  );
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  return {
    engine,
    db,
    url,
    async stop() {
      await db.end();
      await engine.stop();
    },
  };
}

/**
 * Per round and per kind a warm-up then a measured run (`load(kind, seconds, tag)`), the first kind first in
 * even rounds; any non-2xx answer or error fails the bench. Answers each kind's runs in order.
 */
export async function alternatingRounds([first, second], opts, load) {
  const runs = { [first]: [], [second]: [] };
  for (let round = 0; round < Number(opts.rounds); round++) {
    for (const kind of round % 2 ? [second, first] : [first, second]) {
      await load(kind, Number(opts.warmup), `w${round}`);
      const run = await load(kind, Number(opts.duration), `r${round}`);
      log(`round ${round + 1} ${kind}: ${run.requestsPerSecond} req/s, p99 ${run.p99Ms} ms, non-2xx ${run.non2xx}`);
      if (run.non2xx || run.errors) fail(`${kind}: ${run.non2xx} non-2xx answers and ${run.errors} errors`);
      runs[kind].push(run);
    }
  }
  return runs;
}

/** The median of `key` over runs (the upper one of an even count). */
export const median = (list, key) => [...list.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** What every results file starts with: when, on what, and the load's settings. */
export async function resultsHeader(db, opts) {
  return {
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model },
    database: (await db.query('select version()')).rows[0].version,
    connections: Number(opts.connections),
    durationSeconds: Number(opts.duration),
    rounds: Number(opts.rounds),
  };
}

/** One autocannon run: `script` (a bench file) started again with --load-worker and `spec`; answers its summary. */
export async function loadInChild(script, spec) {
  const file = join(BENCH_DIR, `.${basename(script, '.mjs')}-load-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const output = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--load-worker', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`load worker exited with ${code}`))));
  });
  return JSON.parse(output);
}

/**
 * The load worker: POSTs to `path` for spec.duration seconds from spec.connections connections, each body the
 * next `nextBody()`, as spec.token; prints the summary loadInChild reads. `request(spec)` gives path and nextBody.
 */
export async function runCreatesWorker(file, request) {
  const { default: autocannon } = await import('autocannon');
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(file, { force: true });
  const { path, nextBody } = request(spec);
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${spec.token}` },
        setupRequest: (req) => ({ ...req, body: JSON.stringify(nextBody()) }),
      },
    ],
  });
  process.stdout.write(
    JSON.stringify({
      requestsPerSecond: Math.round(result.requests.average),
      p99Ms: result.latency.p99,
      p50Ms: result.latency.p50,
      total: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      duration: result.duration,
    }),
  );
}
