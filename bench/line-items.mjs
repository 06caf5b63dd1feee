#!/usr/bin/env node
// A quote with 10 lines in one request (issue 14 item 3 and its Measure: "create a quote with 10 lines in one
// request (p99 and req/s recorded)"), on the PostgreSQL server:
//   1. a fresh database (BENCH_DB, default lodestar_bench_lines) and the engine as its own process
//      (engine/dist, built by `npx tsc -b`), seeded with bench/definitions/line-items: `quote` with two roll-ups
//      (total = sum of the lines' amounts, lineCount) and `quoteLine`, its items (`lines`, ordered by position),
//      whose amount is a formula (quantity × unit price × (1 − discount));
//   2. per round: a warm-up, then measured autocannon runs (in a child process: this file with --load-worker)
//      of POST /quote with 10 lines, and for scale of POST /quote without lines, the order flipping each round;
//   3. checks that every create answered 201 and that every quote's roll-ups equal a fresh aggregate of its lines
//      (10 lines each for the quotes created with lines);
//   4. prints the medians and writes bench/results-line-items.json.
//   node bench/line-items.mjs [--duration 10] [--warmup 2] [--connections 16] [--rounds 3]
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_DIR, PG_BASE, engineServerOptions, fail, freePort, log, loginAs, startServer } from './lib/common.mjs';

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '3' },
    'load-worker': { type: 'string' },
  },
});

if (opts['load-worker']) await loadWorker(opts['load-worker']);
else await main();

async function main() {
  const DB = process.env.BENCH_DB ?? 'lodestar_bench_lines';
  const url = `${PG_BASE}/${DB}`;
  const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${DB}`);
  await admin.query(`create database ${DB}`);
  await admin.end();
  const port = await freePort();
  const engine = await startServer(
    engineServerOptions(port, { DATABASE_URL: url, LODESTAR_DEFINITIONS: join(BENCH_DIR, 'definitions/line-items') }),
  );
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const token = await loginAs(engine.url);
    const runs = { withLines: [], withoutLines: [] };
    const rounds = Number(opts.rounds);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 ? ['withoutLines', 'withLines'] : ['withLines', 'withoutLines'];
      for (const kind of order) {
        await load(engine.url, token, kind, Number(opts.warmup), `w${round}`);
        const run = await load(engine.url, token, kind, Number(opts.duration), `r${round}`);
        log(`round ${round + 1} ${kind}: ${run.requestsPerSecond} req/s, p99 ${run.p99Ms} ms, non-2xx ${run.non2xx}`);
        if (run.non2xx || run.errors) fail(`${kind}: ${run.non2xx} non-2xx answers and ${run.errors} errors`);
        runs[kind].push(run);
      }
    }
    const check = (
      await db.query(
        `select count(*)::int as quotes,
                count(*) filter (where q."lineCount" = 10)::int as with_ten,
                count(*) filter (where q."lineCount" <> coalesce(l.n, 0)
                                    or q.total <> coalesce(l.total, 0))::int as drifted,
                (select count(*)::int from "quoteLine") as lines
           from quote q
           left join (select quote, count(*) as n, sum(amount) as total from "quoteLine" group by quote) l
             on l.quote = q.id`,
      )
    ).rows[0];
    if (check.drifted) fail(`${check.drifted} quotes whose roll-ups differ from their lines`);
    if (check.lines !== check.with_ten * 10) fail(`lines ${check.lines} for ${check.with_ten} quotes with 10 lines`);
    const median = (list, key) => [...list.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    const summary = Object.fromEntries(
      Object.entries(runs).map(([kind, list]) => [
        kind,
        {
          requestsPerSecond: median(list, 'requestsPerSecond'),
          p50Ms: median(list, 'p50Ms'),
          p99Ms: median(list, 'p99Ms'),
          runs: list,
        },
      ]),
    );
    const results = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model },
      database: (await db.query('select version()')).rows[0].version,
      connections: Number(opts.connections),
      durationSeconds: Number(opts.duration),
      rounds,
      quoteWithTenLines: summary.withLines,
      quoteWithoutLines: summary.withoutLines,
      stored: check,
    };
    writeFileSync(join(BENCH_DIR, 'results-line-items.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(
      `a quote with 10 lines in one request: ${summary.withLines.requestsPerSecond} req/s, p50 ${summary.withLines.p50Ms} ms, ` +
        `p99 ${summary.withLines.p99Ms} ms (${summary.withLines.requestsPerSecond * 10} lines/s); without lines ` +
        `${summary.withoutLines.requestsPerSecond} req/s, p99 ${summary.withoutLines.p99Ms} ms; ` +
        `${check.quotes} quotes, ${check.lines} lines, every roll-up equal to its lines`,
    );
  } finally {
    await db.end();
    await engine.stop();
  }
}

/** One autocannon run in a child process; answers its summary. */
async function load(url, token, kind, duration, tag) {
  const spec = { url, token, kind, duration, connections: Number(opts.connections), tag };
  const file = join(BENCH_DIR, `.line-items-load-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const output = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(BENCH_DIR, 'line-items.mjs'), '--load-worker', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`load worker exited with ${code}`))));
  });
  return JSON.parse(output);
}

/** The load worker: creates of quotes (with 10 lines, or none) for `duration` seconds, each its own. */
async function loadWorker(file) {
  const { default: autocannon } = await import('autocannon');
  const { readFileSync, rmSync } = await import('node:fs');
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(file, { force: true });
  let n = 0;
  const lines = (k) =>
    Array.from({ length: 10 }, (_, i) => ({
      product: `产品 ${i + 1}`,
      quantity: 1 + ((k + i) % 20),
      unitPrice: 99.5 + i,
      ...(i % 3 === 0 && { discount: 0.05 }),
    }));
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/records/quote',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${spec.token}` },
        setupRequest: (request) => {
          n++;
          const body = { title: `基准报价 ${spec.tag}-${n}`, ...(spec.kind === 'withLines' && { lines: lines(n) }) };
          return { ...request, body: JSON.stringify(body) };
        },
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
