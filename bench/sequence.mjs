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
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { BENCH_DIR, fail, log, loginAs } from './lib/common.mjs';
import {
  alternatingRounds,
  createRoundsOptions,
  loadInChild,
  median,
  resultsHeader,
  runCreatesWorker,
  startFreshEngine,
} from './lib/create-rounds.mjs';

const opts = createRoundsOptions();

if (opts['load-worker']) await loadWorker(opts['load-worker']);
else await main();

async function main() {
  const { engine, db, url, stop } = await startFreshEngine(
    process.env.BENCH_DB ?? 'lodestar_bench_sequence',
    'sequence',
  );
  try {
    const token = await loginAs(engine.url);
    const runs = await alternatingRounds(['plainQuote', 'quote'], opts, (entity, duration, tag) =>
      loadInChild(join(BENCH_DIR, 'sequence.mjs'), {
        url: engine.url,
        token,
        entity,
        duration,
        connections: Number(opts.connections),
        tag,
      }),
    );
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
      ...(await resultsHeader(db, opts)),
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
    await stop();
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

/** The load worker: creates of one entity for `duration` seconds, each with its own title and amount. */
async function loadWorker(file) {
  await runCreatesWorker(file, (spec) => {
    let n = 0;
    return {
      path: `/api/v1/records/${spec.entity}`,
      nextBody: () => ({
        title: `基准报价 ${spec.tag}-${n}`,
        amount: (n++ % 1000) * 10.5,
        validUntil: '2026-12-31',
      }),
    };
  });
}
