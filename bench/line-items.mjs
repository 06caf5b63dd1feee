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
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  const { engine, db, stop } = await startFreshEngine(process.env.BENCH_DB ?? 'lodestar_bench_lines', 'line-items');
  try {
    const token = await loginAs(engine.url);
    const runs = await alternatingRounds(['withLines', 'withoutLines'], opts, (kind, duration, tag) =>
      loadInChild(join(BENCH_DIR, 'line-items.mjs'), {
        url: engine.url,
        token,
        kind,
        duration,
        connections: Number(opts.connections),
        tag,
      }),
    );
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
      ...(await resultsHeader(db, opts)),
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
    await stop();
  }
}

/** The load worker: creates of quotes (with 10 lines, or none) for `duration` seconds, each its own. */
async function loadWorker(file) {
  const lines = (k) =>
    Array.from({ length: 10 }, (_, i) => ({
      product: `产品 ${i + 1}`,
      quantity: 1 + ((k + i) % 20),
      unitPrice: 99.5 + i,
      ...(i % 3 === 0 && { discount: 0.05 }),
    }));
  await runCreatesWorker(file, (spec) => {
    let n = 0;
    return {
      path: '/api/v1/records/quote',
      nextBody: () => {
        n++;
        return { title: `基准报价 ${spec.tag}-${n}`, ...(spec.kind === 'withLines' && { lines: lines(n) }) };
      },
    };
  });
}
