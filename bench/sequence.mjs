#!/usr/bin/env node
// Numbering's cost (issue 14 item 4: "a create with a sequence field keeps ≥ 80% of the requests/s of the
// same create without it"), on the PostgreSQL server:
//   1. a fresh database (BENCH_DB, default lodestar_bench_sequence) and the engine as its own process
//      (engine/dist, built by `npx tsc -b`), seeded with bench/definitions/sequence: `quote` and `plainQuote`,
//      the same entity but for quote's number (x-sequence QT-{YYYY}-{000000}, reset yearly);
//   2. per round: a warm-up, then a measured autocannon run of creates (16 connections, in a child process:
//      this file with --load-worker) on each entity, the order flipping from round to round;
//   3. the same INSERTs straight to PostgreSQL (no engine), with and without a number: the ceiling the counter
//      row sets, since each create holds it from its INSERT until its commit is flushed;
//   4. checks that every create answered 201, and that the stored numbers are unique and gapless: as many
//      distinct numbers as quotes, the highest equal to the count, the counter equal to it;
//   5. prints the medians (and the median of each round's own ratio, steadier on a shared machine) and writes
//      bench/results-sequence.json.
//   node bench/sequence.mjs [--duration 10] [--warmup 2] [--connections 16] [--rounds 3]
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
  const DB = process.env.BENCH_DB ?? 'lodestar_bench_sequence';
  const url = `${PG_BASE}/${DB}`;
  const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${DB}`);
  await admin.query(`create database ${DB}`);
  await admin.end();
  const port = await freePort();
  const engine = await startServer(
    engineServerOptions(port, { DATABASE_URL: url, LODESTAR_DEFINITIONS: join(BENCH_DIR, 'definitions/sequence') }),
  );
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const token = await loginAs(engine.url);
    const runs = { plainQuote: [], quote: [] };
    const rounds = Number(opts.rounds);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 ? ['quote', 'plainQuote'] : ['plainQuote', 'quote'];
      for (const entity of order) {
        await load(engine.url, token, entity, Number(opts.warmup), `w${round}`);
        const run = await load(engine.url, token, entity, Number(opts.duration), `r${round}`);
        log(`round ${round + 1} ${entity}: ${run.requestsPerSecond} req/s, p99 ${run.p99Ms} ms, non-2xx ${run.non2xx}`);
        if (run.non2xx || run.errors) fail(`${entity}: ${run.non2xx} non-2xx answers and ${run.errors} errors`);
        runs[entity].push(run);
      }
    }
    const ceiling = await databaseCeiling(url, Number(opts.connections), Number(opts.duration));
    log(`the database alone: ${ceiling.plain} inserts/s without a number, ${ceiling.numbered} with one`);
    const stored = (
      await db.query(
        `select count(*)::int as n, count(distinct number)::int as distinct_numbers,
                max(substring(number from '[0-9]+$')::int) as highest,
                (select max(value)::int from lodestar_sequences where entity = 'quote' and field = 'number') as counter
         from quote`,
      )
    ).rows[0];
    const gapless = stored.n === stored.distinct_numbers && stored.highest === stored.n && stored.counter === stored.n;
    if (!gapless) fail(`numbers are not unique and gapless: ${JSON.stringify(stored)}`);
    const median = (list, key) => [...list.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    const summary = Object.fromEntries(
      Object.entries(runs).map(([entity, list]) => [
        entity,
        { requestsPerSecond: median(list, 'requestsPerSecond'), p99Ms: median(list, 'p99Ms'), runs: list },
      ]),
    );
    const ratio = Number((summary.quote.requestsPerSecond / summary.plainQuote.requestsPerSecond).toFixed(3));
    // On a shared machine the load of other processes moves between runs: the two runs of one round are
    // next to each other in time, so the median of the rounds' own ratios is the steadier figure.
    const pairRatios = runs.quote.map((run, i) =>
      Number((run.requestsPerSecond / runs.plainQuote[i].requestsPerSecond).toFixed(3)),
    );
    const pairRatio = [...pairRatios].sort((a, b) => a - b)[Math.floor(pairRatios.length / 2)];
    const results = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model },
      database: (await db.query('select version()')).rows[0].version,
      connections: Number(opts.connections),
      durationSeconds: Number(opts.duration),
      rounds,
      withoutNumber: summary.plainQuote,
      withNumber: summary.quote,
      ratio,
      pairRatios,
      medianPairRatio: pairRatio,
      target: 0.8,
      databaseAlone: ceiling,
      numbers: {
        quotes: stored.n,
        distinct: stored.distinct_numbers,
        highest: stored.highest,
        counter: stored.counter,
      },
    };
    writeFileSync(join(BENCH_DIR, 'results-sequence.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(
      `create without a number ${summary.plainQuote.requestsPerSecond} req/s (p99 ${summary.plainQuote.p99Ms} ms), ` +
        `with one ${summary.quote.requestsPerSecond} req/s (p99 ${summary.quote.p99Ms} ms): ${Math.round(ratio * 100)}% ` +
        `(target ≥ 80%); per round ${pairRatios.join(', ')}, median ${pairRatio}; ${stored.n} numbers, unique and gapless`,
    );
    if (pairRatio < 0.8) process.exitCode = 1;
  } finally {
    await db.end();
    await engine.stop();
  }
}

/**
 * The same INSERTs without the engine, from as many connections, each its own transaction: how many per second
 * PostgreSQL commits when each waits for the counter row the one before it holds until its commit is flushed.
 */
async function databaseCeiling(url, connections, seconds) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  await pool.query('create table bench_sequence_ceiling (id bigserial primary key, title text, number text)');
  const run = async (sql) => {
    let n = 0;
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < end) {
          await pool.query(sql);
          n++;
        }
      }),
    );
    return Math.round(n / seconds);
  };
  const plain = await run(`insert into bench_sequence_ceiling (title) values ('x')`);
  const numbered = await run(
    `insert into bench_sequence_ceiling (title, number) values ('x', (select 'C-' || lpad(c.n::text, 6, '0') from lodestar_next_number('bench', 'ceiling', '', '') as c(n)))`,
  );
  await pool.query('drop table bench_sequence_ceiling');
  await pool.end();
  return { plain, numbered, ratio: Number((numbered / plain).toFixed(3)) };
}

/** One autocannon run in a child process; answers its summary. */
async function load(url, token, entity, duration, tag) {
  const spec = { url, token, entity, duration, connections: Number(opts.connections), tag };
  const file = join(BENCH_DIR, `.sequence-load-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const output = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(BENCH_DIR, 'sequence.mjs'), '--load-worker', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`load worker exited with ${code}`))));
  });
  return JSON.parse(output);
}

/** The load worker: creates of one entity for `duration` seconds, each with its own title and amount. */
async function loadWorker(file) {
  const { default: autocannon } = await import('autocannon');
  const { readFileSync, rmSync } = await import('node:fs');
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(file, { force: true });
  let n = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    requests: [
      {
        method: 'POST',
        path: `/api/v1/records/${spec.entity}`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${spec.token}` },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            title: `基准报价 ${spec.tag}-${n}`,
            amount: (n++ % 1000) * 10.5,
            validUntil: '2026-12-31',
          }),
        }),
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
