#!/usr/bin/env node
// Issue 15, "Measure": a nightly schedule recomputing R, F, M and an RFM class for 1,000,000 customers from
// 5,000,000 payments, and what another user's list latency does meanwhile.
//   1. a fresh database (BENCH_DB, default lodestar_bench_rfm) published by the engine with
//      bench/definitions/rfm-1m: `customer` with roll-ups of its payments (paymentCount, paidTotal, lastPaidOn)
//      and the fields the schedule sets (recency, frequency, monetary, rfmClass); `payment` (amount, paidOn);
//      the workflow customer-rfm whose schedule `rfm` sets them in SQL over `paymentCount > 0`;
//   2. seeds customers and payments set-based (INSERT … SELECT generate_series), the roll-up triggers off and
//      the secondary indexes dropped, the roll-ups in one UPDATE … FROM … GROUP BY, then triggers and indexes
//      back, VACUUM ANALYZE;
//   3. clears the RFM fields (not timed), so every run writes every customer as the first nightly run does;
//   4. a second user's list (GET /records/customer?limit=50, half of them filtered to a region) under
//      load from a child process: 5 s of warm-up, idle for --idle seconds, then while the schedule runs
//      ("run now") until it finishes, then idle again; p50/p99 of each;
//   5. reads the run log (wall time, batches, progress) and checks every customer's values against SQL
//      written by hand; writes bench/results-rfm-1m.json.
//   node bench/rfm-1m.mjs [--customers 1000000] [--payments 5] [--idle 15] [--connections 8] [--reuse]
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  BENCH_DIR,
  PG_BASE,
  engineServerOptions,
  fail,
  freePort,
  log,
  loginAs,
  sleep,
  startServer,
} from './lib/common.mjs';

const { values: opts } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    payments: { type: 'string', default: '5' },
    idle: { type: 'string', default: '15' },
    connections: { type: 'string', default: '8' },
    reuse: { type: 'boolean', default: false },
    'load-worker': { type: 'string' },
  },
});

const DB = process.env.BENCH_DB ?? 'lodestar_bench_rfm';
const URL_DB = `${PG_BASE}/${DB}`;
const DEFINITIONS = join(BENCH_DIR, 'definitions/rfm-1m');

if (opts['load-worker']) await loadWorker(opts['load-worker']);
else await main();

async function main() {
  const customers = Number(opts.customers);
  const perCustomer = Number(opts.payments);
  const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [DB])).rowCount > 0;
  let reuse = opts.reuse && exists;
  if (reuse) {
    const db = new pg.Client({ connectionString: URL_DB });
    await db.connect();
    const n = (await db.query('select count(*)::int as n from customer')).rows[0].n;
    await db.end();
    if (n !== customers) {
      log(`${DB} holds ${n} customers, not ${customers}: seeding afresh`);
      reuse = false;
    }
  }
  if (!reuse) {
    await admin.query(`drop database if exists ${DB}`);
    await admin.query(`create database ${DB}`);
  }
  await admin.end();

  const port = await freePort();
  const engine = await startServer(
    engineServerOptions(port, { DATABASE_URL: URL_DB, LODESTAR_DEFINITIONS: DEFINITIONS }),
  );
  const db = new pg.Client({ connectionString: URL_DB });
  await db.connect();
  try {
    const seeding = reuse ? undefined : await seed(db, customers, perCustomer);
    const token = await loginAs(engine.url);
    const reader = await secondUser(engine.url, token);

    const cleared = Date.now();
    await db.query(`update customer set recency = null, frequency = null, monetary = null, "rfmClass" = null`);
    await db.query(`vacuum analyze customer`);
    log(`cleared the RFM fields of every customer in ${((Date.now() - cleared) / 1000).toFixed(1)} s (not timed)`);

    // Warm the engine and the caches first (not counted); then the list idle, during the job, idle again.
    await listLoad(engine.url, reader, { seconds: 5 });
    const idle = await listLoad(engine.url, reader, { seconds: Number(opts.idle) });
    // Latencies of refused requests measure nothing: a list that does not answer 200 stops the bench.
    if (idle.errors) fail(`the reader's list failed ${idle.errors} of ${idle.requests} times (${idle.firstError})`);
    log(`idle list: ${idle.requests} requests, p50 ${idle.p50Ms} ms, p99 ${idle.p99Ms} ms`);

    const auditBefore = (await db.query(`select count(*)::int as n from lodestar_audit where entity = 'customer'`))
      .rows[0].n;
    const started = Date.now();
    const queued = await api(engine.url, token, 'POST', '/api/v1/schedules/customer-rfm/rfm/run');
    if (queued.status !== 202) fail(`run now answered ${queued.status}: ${JSON.stringify(queued.body)}`);
    const runId = queued.body.id;
    const progress = [];
    const during = listLoad(engine.url, reader, { until: { runId, adminToken: token } });
    let run;
    for (;;) {
      run = (await api(engine.url, token, 'GET', `/api/v1/schedules/runs/${runId}`)).body;
      progress.push({ atSeconds: (Date.now() - started) / 1000, processed: run.processed, total: run.total });
      if (run.status === 'succeeded' || run.status === 'failed') break;
      await sleep(1000);
    }
    const wallSeconds = (Date.now() - started) / 1000;
    const load = await during;
    if (run.status !== 'succeeded') fail(`the run failed: ${JSON.stringify(run.error)}`);
    log(
      `run ${runId}: ${run.processed} of ${run.total} customers, ${run.changed} changed, ${run.failed} failed, ` +
        `in ${wallSeconds.toFixed(1)} s (run log ${secondsBetween(run.startedAt, run.finishedAt)} s)`,
    );
    log(`list while the job ran: ${load.requests} requests, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms`);
    const idleAfter = await listLoad(engine.url, reader, { seconds: Number(opts.idle) });
    log(
      `idle list after the job: ${idleAfter.requests} requests, p50 ${idleAfter.p50Ms} ms, p99 ${idleAfter.p99Ms} ms`,
    );

    const auditRows =
      (await db.query(`select count(*)::int as n from lodestar_audit where entity = 'customer'`)).rows[0].n -
      auditBefore;
    const drift = (
      await db.query(
        `with want as (
           select id,
                  (now() at time zone 'Asia/Shanghai')::date - "lastPaidOn" as r, "paymentCount" as f, "paidTotal" as m
             from customer where "paymentCount" > 0)
         select count(*)::int as n from customer c join want w on w.id = c.id
          where c.recency is distinct from w.r or c.frequency is distinct from w.f or c.monetary is distinct from w.m
             or c."rfmClass" is distinct from case
                  when w.r <= 90 then case when w.m >= 25000 then 'champion' when w.f >= 5 then 'loyal' else 'regular' end
                  when w.m >= 25000 then 'atRisk' when w.r > 365 then 'lost' else 'regular' end`,
      )
    ).rows[0].n;
    if (drift) fail(`${drift} customers whose RFM values differ from the hand-written SQL`);
    const classes = (
      await db.query(`select "rfmClass" as class, count(*)::int as n from customer group by 1 order by 2 desc`)
    ).rows;
    const sizes = (
      await db.query(
        `select (select count(*)::int from customer) as customers, (select count(*)::int from payment) as payments,
                pg_size_pretty(pg_database_size(current_database())) as database_size`,
      )
    ).rows[0];
    const results = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAverageAtEnd: loadavg() },
      database: (await db.query('select version()')).rows[0].version,
      stored: sizes,
      seeding: seeding ?? 'reused an already seeded database',
      job: {
        schedule: 'customer-rfm/rfm',
        batchSize: 5000,
        wallSeconds,
        runLogSeconds: secondsBetween(run.startedAt, run.finishedAt),
        processed: run.processed,
        changed: run.changed,
        failed: run.failed,
        auditRows,
        targetSeconds: 120,
        progress,
      },
      list: {
        path: '/api/v1/records/customer?limit=50 (half with &filter[region][eq]=<region>)',
        connections: Number(opts.connections),
        idle,
        duringJob: load,
        idleAfter,
      },
      classes,
      driftFromHandWrittenSql: drift,
    };
    writeFileSync(join(BENCH_DIR, 'results-rfm-1m.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(
      `RFM for ${sizes.customers} customers from ${sizes.payments} payments: ${wallSeconds.toFixed(1)} s ` +
        `(target < 120 s); another user's list p50/p99 ${idle.p50Ms}/${idle.p99Ms} ms idle, ` +
        `${load.p50Ms}/${load.p99Ms} ms during the job, ${idleAfter.p50Ms}/${idleAfter.p99Ms} ms idle after; ` +
        `${auditRows} audit rows; no drift; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
  } finally {
    await db.end();
    await engine.stop();
  }
}

function secondsBetween(a, b) {
  return Math.round((new Date(b) - new Date(a)) / 100) / 10;
}

async function api(url, token, method, path, body) {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
    ...(body && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Another administrator (the model has no roles.json), who reads the list while the engine runs the job. */
async function secondUser(url, token) {
  const email = 'reader@lodestar.test';
  const password = 'benchmark reader password';
  const changedPassword = `${password} 2`;
  // A database kept with --reuse already has the reader, its password changed at its first sign-in.
  const again = await api(url, token, 'POST', '/api/v1/auth/login', { email, password: changedPassword });
  if (again.status === 200) return again.body.token;
  const created = await api(url, token, 'POST', '/api/v1/admin/users', { email, password, roles: ['admin'] });
  if (created.status !== 201) fail(`creating the reader answered ${created.status}`);
  const login = await api(url, token, 'POST', '/api/v1/auth/login', { email, password });
  if (login.status !== 200) fail(`the reader's login answered ${login.status}`);
  if (!login.body.user.mustChangePassword) return login.body.token;
  // A password an administrator set must be changed before the reader may list anything (403 otherwise).
  const changed = await api(url, login.body.token, 'POST', '/api/v1/auth/password', {
    currentPassword: password,
    newPassword: changedPassword,
  });
  if (changed.status >= 300) fail(`the reader's password change answered ${changed.status}`);
  return (await api(url, token, 'POST', '/api/v1/auth/login', { email, password: changedPassword })).body.token;
}

// ------------------------------------------------------------------------------------------------ seeding

/**
 * Customers, then `perCustomer` payments each on average (0 to 2× per customer, so some have none), paid over
 * the last two years; the roll-up triggers off and the secondary indexes dropped while inserting, the roll-ups
 * in one UPDATE, everything back, VACUUM ANALYZE. Answers the seconds each step took.
 */
async function seed(db, customers, perCustomer) {
  const steps = {};
  const timed = async (name, sql) => {
    const started = Date.now();
    await db.query(sql);
    steps[name] = (Date.now() - started) / 1000;
    log(`seed: ${name} ${steps[name].toFixed(1)} s`);
  };
  const owner = (await db.query(`select id from lodestar_users order by created_at limit 1`)).rows[0]?.id ?? null;
  const ownerSql = owner ? `'${owner}'::uuid` : 'null';
  await timed('disable the roll-up triggers', `alter table payment disable trigger user`);
  const indexes = (
    await db.query(
      `select i.indexname, i.indexdef from pg_indexes i
        where i.schemaname = 'public' and i.tablename in ('customer', 'payment')
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    )
  ).rows;
  await timed('drop the secondary indexes', indexes.map((i) => `drop index "${i.indexname}";`).join('\n'));
  await timed(
    'insert customers',
    `insert into customer (id, name, region, state, state_entered_at, owner_id, created_by, updated_by)
     select gen_random_uuid(), '客户 ' || g,
            (array['north','east','south','central','west','northeast','northwest','southwest'])[1 + g % 8],
            'active', now(), ${ownerSql}, ${ownerSql}, ${ownerSql}
       from generate_series(1, ${customers}) as g`,
  );
  await db.query(`set session_replication_role = replica`);
  // 0 … 2×perCustomer payments per customer (hash of its id), so the average is perCustomer and ~1 in
  // (2×perCustomer + 1) customers has none; amounts 100.00–9,999.99, paid within the last two years.
  await timed(
    'insert payments (foreign key not checked row by row)',
    `insert into payment (label, amount, "paidOn", customer, owner_id, created_by, updated_by)
     select '回款 ' || p, 100 + (abs(hashtext(c.id::text || p)) % 990000) / 100.0,
            current_date - (abs(hashtext(p || c.id::text)) % 730), c.id, c.owner_id, c.owner_id, c.owner_id
       from customer c
       cross join lateral generate_series(1, abs(hashtext(c.id::text)) % ${2 * perCustomer + 1}) as p`,
  );
  await db.query(`reset session_replication_role`);
  await timed(
    'fill the roll-ups (one UPDATE … FROM … GROUP BY)',
    `update customer set "paymentCount" = s.n, "paidTotal" = s.total, "lastPaidOn" = s.last
       from (select customer, count(*) as n, sum(amount) as total, max("paidOn") as last from payment group by customer) as s
      where s.customer = customer.id`,
  );
  await timed(
    'customers without payments count 0',
    `update customer set "paymentCount" = 0, "paidTotal" = 0 where "paymentCount" is null`,
  );
  await timed('enable the roll-up triggers', `alter table payment enable trigger user`);
  await db.query(`set maintenance_work_mem = '512MB'`);
  await timed('create the secondary indexes', indexes.map((i) => `${i.indexdef};`).join('\n'));
  await timed('vacuum analyze customer', `vacuum analyze customer`);
  await timed('vacuum analyze payment', `vacuum analyze payment`);
  const seconds = Math.round(Object.values(steps).reduce((a, b) => a + b, 0) * 10) / 10;
  const payments = (await db.query(`select count(*)::int as n from payment`)).rows[0].n;
  log(`seeded ${customers} customers and ${payments} payments in ${seconds} s`);
  return { seconds, steps, payments };
}

// ------------------------------------------------------------------------------------------------ list load

/**
 * The reader's list under load from a child process, `connections` requests at a time: `seconds` long, or
 * until the run `until.runId` has finished.
 */
async function listLoad(url, token, spec) {
  const file = join(BENCH_DIR, `.rfm-1m-load-${process.pid}.json`);
  writeFileSync(file, JSON.stringify({ url, token, connections: Number(opts.connections), ...spec }));
  const output = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(BENCH_DIR, 'rfm-1m.mjs'), '--load-worker', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`load worker exited with ${code}`))));
  });
  return JSON.parse(output);
}

async function loadWorker(file) {
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(file, { force: true });
  const latencies = [];
  let errors = 0;
  let firstError;
  let done = false;
  const started = Date.now();
  const headers = { authorization: `Bearer ${spec.token}` };
  const regions = ['north', 'east', 'south', 'central', 'west', 'northeast', 'northwest', 'southwest'];
  const one = async () => {
    // The first page, or the first page of one region: what a sales rep opens all day.
    const region = regions[Math.floor(Math.random() * regions.length)];
    const path = `/api/v1/records/customer?limit=50${Math.random() < 0.5 ? '' : `&filter[region][eq]=${region}`}`;
    const t0 = performance.now();
    const res = await fetch(spec.url + path, { headers });
    await res.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (res.status !== 200) {
      errors++;
      firstError ??= `${res.status} ${path}`;
    }
  };
  const loop = async () => {
    while (!done) await one().catch(() => errors++);
  };
  const watcher = (async () => {
    if (spec.seconds) {
      await sleep(spec.seconds * 1000);
    } else {
      for (;;) {
        const res = await fetch(`${spec.url}/api/v1/schedules/runs/${spec.until.runId}`, {
          headers: { authorization: `Bearer ${spec.until.adminToken}` },
        });
        const run = await res.json();
        if (run.status === 'succeeded' || run.status === 'failed') break;
        await sleep(250);
      }
    }
    done = true;
  })();
  await Promise.all([watcher, ...Array.from({ length: spec.connections }, loop)]);
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] * 10) / 10;
  process.stdout.write(
    JSON.stringify({
      seconds: Math.round((Date.now() - started) / 100) / 10,
      requests: sorted.length,
      requestsPerSecond: Math.round(sorted.length / ((Date.now() - started) / 1000)),
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: Math.round(sorted[sorted.length - 1] * 10) / 10,
      errors,
      ...(firstError && { firstError }),
    }),
  );
}
