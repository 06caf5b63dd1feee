#!/usr/bin/env node
// Issue 17 item 6: records per second through POST /records/customer/bulk against single creates
// (POST /records/customer), on the PostgreSQL server:
//   1. a fresh database (BENCH_DB, default lodestar_bench_bulk) and the engine as its own process (engine/dist,
//      built by `npx tsc -b`) with the repository's definitions: customers carry a unique key (credit code)
//      and start a workflow, so both kinds of create write the row, its audit row and its history row;
//   2. per round, the order flipping from round to round: single creates from autocannon (16 connections, in
//      a child process: this file with --load-worker), then bulk inserts of --batch records per request from
//      --bulk-connections clients, each for --duration seconds after a --warmup;
//   3. checks that every answer was 2xx, that every customer has its audit and history row, and that no
//      counted create is missing; prints the medians and writes bench/results-bulk.json and bench/RESULTS.md's section.
//   node bench/bulk.mjs [--duration 10] [--warmup 2] [--connections 16] [--rounds 3] [--batch 1000] [--bulk-connections 2]
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DIR, fail, log, loginAs, writeMarkedSection } from './lib/common.mjs';
import { loadInChild, median, resultsHeader, runCreatesWorker, startFreshEngine } from './lib/create-rounds.mjs';

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '3' },
    batch: { type: 'string', default: '1000' },
    'bulk-connections': { type: 'string', default: '2' },
    'load-worker': { type: 'string' },
  },
});

/** A customer the definitions accept, unique by its credit code (a prefix per client, then a counter). */
function customer(prefix, n) {
  return {
    record_type: 'company',
    name: `批量客户${prefix}-${n}`,
    industry: 'manufacturing',
    region: 'eastChina',
    city: '杭州',
    annualRevenue: n % 1_000_000,
    unifiedSocialCreditCode: `91${prefix}${String(n).padStart(10, '0')}`,
  };
}

const prefix = () => String(Math.floor(Math.random() * 1e6)).padStart(6, '0');

if (opts['load-worker'])
  await runCreatesWorker(opts['load-worker'], () => {
    const p = prefix();
    let n = 0;
    return { path: '/api/v1/records/customer', nextBody: () => customer(p, n++) };
  });
else await main();

async function main() {
  const { engine, db, stop } = await startFreshEngine(process.env.BENCH_DB ?? 'lodestar_bench_bulk', '../..');
  try {
    const token = await loginAs(engine.url);
    const batch = Number(opts.batch);
    const runs = { single: [], bulk: [] };
    let created = 0;
    const single = async (seconds) => {
      const run = await loadInChild(join(BENCH_DIR, 'bulk.mjs'), {
        url: engine.url,
        token,
        connections: Number(opts.connections),
        duration: seconds,
      });
      if (run.non2xx || run.errors) fail(`single creates: ${run.non2xx} non-2xx answers and ${run.errors} errors`);
      created += run.total;
      return { recordsPerSecond: run.requestsPerSecond, p50Ms: run.p50Ms, p99Ms: run.p99Ms };
    };
    const bulk = async (seconds) => {
      const started = performance.now();
      const latencies = [];
      let records = 0;
      await Promise.all(
        Array.from({ length: Number(opts['bulk-connections']) }, async () => {
          const p = prefix();
          let n = 0;
          while (performance.now() - started < seconds * 1000) {
            const body = JSON.stringify({ records: Array.from({ length: batch }, () => customer(p, n++)) });
            const sent = performance.now();
            const res = await fetch(`${engine.url}/api/v1/records/customer/bulk`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body,
            });
            const answer = await res.json();
            if (res.status !== 200 || answer.created !== batch)
              fail(`bulk answered ${res.status}: ${JSON.stringify(answer).slice(0, 500)}`);
            latencies.push(performance.now() - sent);
            records += batch;
          }
        }),
      );
      created += records;
      const elapsed = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      return {
        recordsPerSecond: Math.round(records / elapsed),
        requests: latencies.length,
        p50Ms: Math.round(latencies[Math.floor(latencies.length / 2)]),
        p99Ms: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? latencies.at(-1)),
      };
    };
    for (let round = 0; round < Number(opts.rounds); round++) {
      for (const kind of round % 2 ? ['bulk', 'single'] : ['single', 'bulk']) {
        const measure = kind === 'single' ? single : bulk;
        await measure(Number(opts.warmup));
        const run = { ...(await measure(Number(opts.duration))), load: loadavg()[0] };
        log(`round ${round + 1} ${kind}: ${run.recordsPerSecond} records/s (p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms)`);
        runs[kind].push(run);
      }
    }
    const count = async (sql) => Number((await db.query(sql)).rows[0].n);
    const stored = await count('select count(*) as n from customer');
    const audited = await count(
      `select count(*) as n from lodestar_audit where entity = 'customer' and action = 'create'`,
    );
    const started = await count(`select count(*) as n from lodestar_history where entity = 'customer'`);
    log(`checked: ${stored} customers, ${audited} audit rows, ${started} history rows for ${created} creates`);
    // autocannon does not count requests still in flight when a run ends; those complete too.
    if (stored < created || audited !== stored || started !== stored)
      fail(`expected as many audit and history rows as customers, and at least ${created} customers`);
    const singleRate = median(runs.single, 'recordsPerSecond');
    const bulkRate = median(runs.bulk, 'recordsPerSecond');
    const results = {
      ...(await resultsHeader(db, opts)),
      batch,
      bulkConnections: Number(opts['bulk-connections']),
      single: { recordsPerSecond: singleRate, runs: runs.single },
      bulk: { recordsPerSecond: bulkRate, runs: runs.bulk },
      ratio: Math.round((bulkRate / singleRate) * 10) / 10,
      checked: { customers: stored, auditRows: audited, historyRows: started },
    };
    writeFileSync(join(BENCH_DIR, 'results-bulk.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeMarkedSection(
      join(BENCH_DIR, 'RESULTS.md'),
      'bulk',
      `## Bulk API against single creates (issue 17)

\`node bench/bulk.mjs\` on ${results.measuredAt.slice(0, 10)}: customers (unique credit code, workflow start, audit) into
a fresh database, ${Number(opts.rounds)} rounds of ${Number(opts.duration)} s each, the order flipping per round. Single
creates: autocannon, ${Number(opts.connections)} connections. Bulk: ${batch} records per request from
${Number(opts['bulk-connections'])} clients, all-or-nothing. Every created record has its audit and history rows (checked).

| kind | records/s (median) | per round | p50 / p99 per request (ms) |
| --- | ---: | --- | --- |
| single creates | ${singleRate} | ${runs.single.map((r) => r.recordsPerSecond).join(', ')} | ${median(runs.single, 'p50Ms')} / ${median(runs.single, 'p99Ms')} |
| bulk, ${batch} per request | ${bulkRate} | ${runs.bulk.map((r) => r.recordsPerSecond).join(', ')} | ${median(runs.bulk, 'p50Ms')} / ${median(runs.bulk, 'p99Ms')} |

Bulk writes ${results.ratio}× the records per second of single creates. Machine load (1-minute average) during the runs:
${[...runs.single, ...runs.bulk].map((r) => r.load.toFixed(1)).join(', ')} (other sessions share this 2-core machine).`,
    );
    log(`single ${singleRate} records/s, bulk ${bulkRate} records/s (${results.ratio}×)`);
  } finally {
    await stop();
  }
}
