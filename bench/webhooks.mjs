#!/usr/bin/env node
// Issue 17 item 7: what change webhooks cost the writes, on the PostgreSQL server:
//   1. a fresh database (BENCH_DB, default lodestar_bench_webhooks) and the engine as its own process (engine/dist,
//      built by `npx tsc -b`) with the repository's definitions, and a local receiver answering 204;
//   2. per round, the order flipping from round to round: single customer creates from autocannon (in a child
//      process: this file with --load-worker) with no active subscription ('off': the capture trigger does not
//      exist) and with one subscription on customers ('on': every create also queues a signed delivery, which
//      the engine's outbox sends meanwhile);
//   3. the database's own cost per audited write statement, off and on (a loop of audit inserts in a rolled-back
//      transaction), which is all capture adds to a write;
//   4. waits for the outbox to deliver every queued change and checks the receiver got each exactly once;
//      prints the medians and writes bench/results-webhooks.json.
//   node bench/webhooks.mjs [--duration 10] [--warmup 2] [--connections 16] [--rounds 3]
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR, fail, log, loginAs, sleep } from './lib/common.mjs';
import {
  createRoundsOptions,
  loadInChild,
  median,
  resultsHeader,
  runCreatesWorker,
  startFreshEngine,
} from './lib/create-rounds.mjs';

const opts = createRoundsOptions();
const prefix = () => String(Math.floor(Math.random() * 1e6)).padStart(6, '0');

if (opts['load-worker'])
  await runCreatesWorker(opts['load-worker'], () => {
    const p = prefix();
    let n = 0;
    return {
      path: '/api/v1/records/customer',
      nextBody: () => ({ record_type: 'company', name: `推送客户${p}-${n++}`, industry: 'manufacturing' }),
    };
  });
else await main();

async function main() {
  const received = new Set();
  let deliveries = 0;
  const sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      deliveries++;
      received.add(req.headers['x-lodestar-event']);
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const { engine, db, stop } = await startFreshEngine(process.env.BENCH_DB ?? 'lodestar_bench_webhooks', '../..');
  try {
    const token = await loginAs(engine.url);
    const api = async (method, path, body) => {
      const res = await fetch(`${engine.url}/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body && JSON.stringify(body),
      });
      if (res.status >= 300) fail(`${method} ${path} answered ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const { subscription } = await api('POST', '/admin/webhooks', {
      name: 'bench',
      url: `http://127.0.0.1:${sink.address().port}/`,
      entities: ['customer'],
      events: ['created', 'updated', 'deleted', 'stateChanged'],
    });
    const switchTo = (kind) => api('PATCH', `/admin/webhooks/${subscription.id}`, { active: kind === 'on' });
    const runs = { off: [], on: [] };
    const load = async (kind, seconds) => {
      await switchTo(kind);
      const run = await loadInChild(join(BENCH_DIR, 'webhooks.mjs'), {
        url: engine.url,
        token,
        connections: Number(opts.connections),
        duration: seconds,
      });
      if (run.non2xx || run.errors) fail(`${kind}: ${run.non2xx} non-2xx answers and ${run.errors} errors`);
      return { requestsPerSecond: run.requestsPerSecond, p50Ms: run.p50Ms, p99Ms: run.p99Ms, load: loadavg()[0] };
    };
    for (let round = 0; round < Number(opts.rounds); round++) {
      for (const kind of round % 2 ? ['on', 'off'] : ['off', 'on']) {
        await load(kind, Number(opts.warmup));
        const run = await load(kind, Number(opts.duration));
        log(
          `round ${round + 1} ${kind}: ${run.requestsPerSecond} creates/s (p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms)`,
        );
        runs[kind].push(run);
      }
    }
    await switchTo('off');

    // The database's share: audited write statements in a loop, without and with the capture trigger.
    const statements = 3000;
    const perStatement = async (kind) => {
      await db.query('begin');
      try {
        if (kind === 'on') {
          await db.query(`update lodestar_webhook_subscriptions set active = true`);
          await db.query('select lodestar_webhooks_sync()');
        }
        await db.query(`
          do $$
          declare started timestamptz := clock_timestamp();
          begin
            for i in 1..${statements} loop
              insert into lodestar_audit (entity, record_id, action, changes)
              values ('customer', gen_random_uuid()::text, 'update', '{"name": ["a", "b"]}');
            end loop;
            perform set_config('bench.ms', (extract(epoch from clock_timestamp() - started) * 1000)::text, true);
          end $$`);
        return Number((await db.query(`select current_setting('bench.ms') as ms`)).rows[0].ms);
      } finally {
        await db.query('rollback');
      }
    };
    const microseconds = { off: [], on: [] };
    for (let round = 0; round < 5; round++)
      for (const kind of round % 2 ? ['on', 'off'] : ['off', 'on']) {
        microseconds[kind].push(Math.round(((await perStatement(kind)) * 1000) / statements));
      }
    const middle = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    log(
      `per audited statement: off ${middle(microseconds.off)} µs, on ${middle(microseconds.on)} µs (each 'on' one queues a delivery)`,
    );

    // Every queued change is delivered, each once.
    const pending = async () =>
      Number(
        (await db.query(`select count(*) as n from lodestar_outbox where kind = 'change' and status = 'pending'`))
          .rows[0].n,
      );
    const until = Date.now() + 10 * 60_000;
    while ((await pending()) > 0 && Date.now() < until) await sleep(500);
    const { rows: counts } = await db.query(
      `select count(*) filter (where status = 'sent') as sent, count(*) as queued from lodestar_outbox where kind = 'change'`,
    );
    const sent = Number(counts[0].sent);
    const queued = Number(counts[0].queued);
    log(
      `deliveries: ${queued} queued, ${sent} sent, ${received.size} distinct changes received in ${deliveries} requests`,
    );
    if (sent !== queued || received.size !== queued || deliveries !== queued)
      fail('every queued change should be received exactly once');

    const results = {
      ...(await resultsHeader(db, opts)),
      creates: {
        off: {
          requestsPerSecond: median(runs.off, 'requestsPerSecond'),
          p99Ms: median(runs.off, 'p99Ms'),
          runs: runs.off,
        },
        on: { requestsPerSecond: median(runs.on, 'requestsPerSecond'), p99Ms: median(runs.on, 'p99Ms'), runs: runs.on },
      },
      auditedStatementMicroseconds: {
        off: middle(microseconds.off),
        on: middle(microseconds.on),
        runs: microseconds,
      },
      deliveries: { queued, sent, received: received.size, requests: deliveries },
    };
    writeFileSync(join(BENCH_DIR, 'results-webhooks.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`creates/s: off ${results.creates.off.requestsPerSecond}, on ${results.creates.on.requestsPerSecond}`);
  } finally {
    await stop();
    sink.close();
  }
}
