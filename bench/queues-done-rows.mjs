#!/usr/bin/env node
// Issue 20 point 3, the queues: does a claim slow down when lodestar_outbox and lodestar_timers hold millions
// of done rows (why they are not partitioned), and what does deleting a month of done rows cost?
//   1. a fresh database (BENCH_DB, default lodestar_bench_queues) with the engine's tables (engine/dist);
//   2. --done sent outbox rows and fired timers spread over 24 months, plus 1,000 pending rows of each;
//   3. the engine's claim statements (outbox-repo claimDue, timers-repo claimDueTimer), each run --runs times in
//      a rolled-back transaction, before and after the fill: median milliseconds;
//   4. deleting the done rows of the oldest month in batches of 10,000 (what a retention job would do);
//   writes bench/results-queues.json.
//   node bench/queues-done-rows.mjs [--done 5000000] [--runs 50]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_DIR, PG_BASE, REPO_ROOT, log } from './lib/common.mjs';

const { values: opts } = parseArgs({
  options: { done: { type: 'string', default: '5000000' }, runs: { type: 'string', default: '50' } },
});
const DONE = Number(opts.done);
const RUNS = Number(opts.runs);
const DB = process.env.BENCH_DB ?? 'lodestar_bench_queues';
const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
await admin.connect();
await admin.query(`drop database if exists ${DB} with (force)`);
await admin.query(`create database ${DB}`);
await admin.end();

const { connect } = await import(join(REPO_ROOT, 'engine/dist/db/connect.js'));
const { migrateEngineTables } = await import(join(REPO_ROOT, 'engine/dist/db/engine-tables.js'));
const engineDb = await connect({ databaseUrl: `${PG_BASE}/${DB}`, poolSize: 1 });
await migrateEngineTables(engineDb.knex);
await engineDb.close();

const db = new pg.Client({ connectionString: `${PG_BASE}/${DB}` });
await db.connect();
const OUTBOX_CLAIM = `update lodestar_outbox set attempts = attempts + 1, next_attempt_at = now() + interval '5 minutes'
  where id in (select id from lodestar_outbox where status = 'pending' and next_attempt_at <= now() and attempts < 10
    and (ordering_key is null or not exists (select 1 from lodestar_outbox as earlier
      where earlier.ordering_key = lodestar_outbox.ordering_key and earlier.status = 'pending' and earlier.id < lodestar_outbox.id))
    order by next_attempt_at, id limit 20 for update skip locked) returning *`;
const TIMER_CLAIM = `select id from lodestar_timers where status = 'pending' and due_at <= now() order by due_at, id limit 1 for update skip locked`;

async function median(sql) {
  const ms = [];
  for (let i = 0; i < RUNS; i++) {
    await db.query('begin');
    const t = performance.now();
    await db.query(sql);
    ms.push(performance.now() - t);
    await db.query('rollback');
  }
  ms.sort((a, b) => a - b);
  return Math.round(ms[Math.floor(ms.length / 2)] * 1000) / 1000;
}

async function pending() {
  await db.query(`insert into lodestar_outbox (kind, payload, ordering_key, next_attempt_at)
    select 'change', '{}'::jsonb, 'k' || (g % 100), now() - interval '1 minute' from generate_series(1, 1000) g`);
  await db.query(`insert into lodestar_timers (entity, record_id, workflow, state, kind, event, due_at)
    select 'deal', gen_random_uuid(), 'sales', 's', 'after', 'go', now() - interval '1 minute' from generate_series(1, 1000) g`);
  await db.query('analyze lodestar_outbox; analyze lodestar_timers');
}

const results = { done: DONE, runs: RUNS };
await pending();
results.before = { outboxClaimMs: await median(OUTBOX_CLAIM), timerClaimMs: await median(TIMER_CLAIM) };
log(`claims with no done rows: ${JSON.stringify(results.before)}`);

let t = performance.now();
await db.query(`insert into lodestar_outbox (kind, payload, ordering_key, status, attempts, created_at, next_attempt_at, sent_at)
  select 'change', '{"body":{"id":"1"}}'::jsonb, 'k' || (g % 1000), 'sent', 1, c, c, c
    from (select g, now() - (g % 730) * interval '1 day' as c from generate_series(1, ${DONE}) g) s`);
results.outboxFillSeconds = Math.round((performance.now() - t) / 100) / 10;
t = performance.now();
await db.query(`insert into lodestar_timers (entity, record_id, workflow, state, kind, event, due_at, status, created_at, done_at)
  select 'deal', gen_random_uuid(), 'sales', 's', 'after', 'go', c, 'fired', c, c
    from (select g, now() - (g % 730) * interval '1 day' as c from generate_series(1, ${DONE}) g) s`);
results.timersFillSeconds = Math.round((performance.now() - t) / 100) / 10;
await db.query('vacuum analyze lodestar_outbox');
await db.query('vacuum analyze lodestar_timers');
results.after = { outboxClaimMs: await median(OUTBOX_CLAIM), timerClaimMs: await median(TIMER_CLAIM) };
log(`claims with ${DONE.toLocaleString('en')} done rows each: ${JSON.stringify(results.after)}`);
results.sizes = (
  await db.query(`select relname as table, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class
    where relname in ('lodestar_outbox', 'lodestar_timers', 'lodestar_outbox_due_idx', 'lodestar_timers_due_idx') order by relname`)
).rows;

// A month of done rows, deleted 10,000 at a time (sent_at/done_at have no index: each batch scans until it finds them).
for (const [table, column, status] of [
  ['lodestar_outbox', 'sent_at', 'sent'],
  ['lodestar_timers', 'done_at', 'fired'],
]) {
  t = performance.now();
  let deleted = 0;
  for (;;) {
    const { rowCount } = await db.query(
      `delete from ${table} where ctid = any(array(select ctid from ${table}
         where status = '${status}' and ${column} < now() - interval '700 days' limit 10000))`,
    );
    deleted += rowCount;
    if (rowCount === 0) break;
  }
  results[`${table}DeleteOldestMonth`] = { rows: deleted, seconds: Math.round((performance.now() - t) / 100) / 10 };
  log(
    `${table}: deleted ${deleted.toLocaleString('en')} rows of the oldest month in ${results[`${table}DeleteOldestMonth`].seconds} s`,
  );
}
results.at = new Date().toISOString();
writeFileSync(join(BENCH_DIR, 'results-queues.json'), `${JSON.stringify(results, null, 2)}\n`);
log('wrote bench/results-queues.json');
await db.end();
