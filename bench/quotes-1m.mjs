#!/usr/bin/env node
// Issue 14, "Measure": lists of quotes sorted by a roll-up and filtered by a formula, at 1,000,000 quotes and
// 5,000,000 lines, against a hand-written query over the same tables.
//   1. a fresh database (BENCH_DB, default lodestar_bench_quotes) published by the engine with
//      bench/definitions/quotes-1m: `quote` (region, discount, issuedOn, total = sum of the lines' amounts, net =
//      total × (1 − discount) stored, ageDays = DATEDIF(issuedOn, TODAY(), "d") computed when read) and
//      `quoteLine` (quantity, unitPrice, amount = quantity × unitPrice, position, its quote);
//   2. seeds the published tables set-based (INSERT … SELECT generate_series) with the roll-up triggers
//      disabled, fills `total` with one UPDATE … FROM (… GROUP BY quote), re-enables them, VACUUM ANALYZE;
//   3. checks that the engine and the hand-written server (this file with --hand-server) answer the same rows;
//   4. per round, autocannon (in a child process: this file with --load-worker) on both servers, the order
//      flipping each round, for
//        stored:   GET /api/v1/records/quote?sort=-total&filter[net][gt]=X&limit=50
//        computed: GET /api/v1/records/quote?sort=-total&filter[ageDays][gt]=X&limit=50
//   5. EXPLAIN ANALYZE of the statements the engine ran (captured with auto_explain) and of the hand-written ones;
//   6. prints the ratios and writes bench/results-quotes-1m.json.
//   node bench/quotes-1m.mjs [--quotes 1000000] [--lines 5] [--duration 10] [--warmup 3] [--connections 16]
//                            [--rounds 3] [--reuse]   (--reuse keeps an already seeded database of that size)
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
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
    quotes: { type: 'string', default: '1000000' },
    lines: { type: 'string', default: '5' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '3' },
    reuse: { type: 'boolean', default: false },
    'hand-server': { type: 'boolean', default: false },
    'load-worker': { type: 'string' },
  },
});

const DB = process.env.BENCH_DB ?? 'lodestar_bench_quotes';
const URL_DB = `${PG_BASE}/${DB}`;
const DEFINITIONS = join(BENCH_DIR, 'definitions/quotes-1m');
const PG_LOG = process.env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';

/** The two measured lists: the filter's field, and how the hand-written query computes it. */
const KINDS = {
  stored: { field: 'net' },
  computed: { field: 'ageDays' },
};

/**
 * The hand-written query for each list: what a developer would write for exactly this page, computing ageDays
 * the way the formula means it (whole days from issuedOn to today in Shanghai).
 */
const AGE = `((now() at time zone 'Asia/Shanghai')::date - q."issuedOn")`;
const HAND_SQL = {
  stored: `select q.*, ${AGE} as "ageDays" from quote q where q.net > $1 order by q.total desc, q.id desc limit 50`,
  computed: `select q.*, ${AGE} as "ageDays" from quote q where ${AGE} > $1 order by q.total desc, q.id desc limit 50`,
};

if (opts['hand-server']) await handServer();
else if (opts['load-worker']) await loadWorker(opts['load-worker']);
else await main();

async function main() {
  const quotes = Number(opts.quotes);
  const linesPer = Number(opts.lines);
  const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [DB])).rowCount > 0;
  let reuse = opts.reuse && exists;
  if (reuse) {
    const db = new pg.Client({ connectionString: URL_DB });
    await db.connect();
    const n = (await db.query('select count(*)::int as n from quote')).rows[0].n;
    await db.end();
    if (n !== quotes) {
      log(`${DB} holds ${n} quotes, not ${quotes}: seeding afresh`);
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
  let hand;
  try {
    const seeding = reuse ? undefined : await seed(db, quotes, linesPer);
    const token = await loginAs(engine.url);
    hand = await startServer({
      name: 'hand-written',
      args: [join(BENCH_DIR, 'quotes-1m.mjs'), '--hand-server'],
      port: await freePort(),
      env: { DATABASE_URL: URL_DB },
    });
    const params = await pickParameters(db);
    await compareAnswers(engine.url, hand.url, token, params);

    const rounds = Number(opts.rounds);
    const runs = Object.fromEntries(Object.keys(KINDS).map((k) => [k, { engine: [], hand: [] }]));
    for (let round = 0; round < rounds; round++) {
      for (const kind of Object.keys(KINDS)) {
        const order = round % 2 ? ['hand', 'engine'] : ['engine', 'hand'];
        for (const server of order) {
          const target = server === 'engine' ? engine.url : hand.url;
          await load(target, token, kind, params[kind], Number(opts.warmup));
          const run = await load(target, token, kind, params[kind], Number(opts.duration));
          log(
            `round ${round + 1} ${kind} ${server}: ${run.requestsPerSecond} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms`,
          );
          if (run.non2xx || run.errors)
            fail(`${kind} on ${server}: ${run.non2xx} non-2xx answers, ${run.errors} errors`);
          runs[kind][server].push(run);
        }
      }
    }
    const explained = await explainBoth(db, port, params);

    const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    const summary = Object.fromEntries(
      Object.entries(runs).map(([kind, { engine: e, hand: h }]) => {
        const ratios = e.map((run, i) => run.requestsPerSecond / h[i].requestsPerSecond);
        return [
          kind,
          {
            path: pathOf(kind, '<X>'),
            engine: {
              requestsPerSecond: median(e.map((r) => r.requestsPerSecond)),
              p50Ms: median(e.map((r) => r.p50Ms)),
              p99Ms: median(e.map((r) => r.p99Ms)),
            },
            hand: {
              requestsPerSecond: median(h.map((r) => r.requestsPerSecond)),
              p50Ms: median(h.map((r) => r.p50Ms)),
              p99Ms: median(h.map((r) => r.p99Ms)),
            },
            ratioPerRound: ratios.map((r) => Math.round(r * 100) / 100),
            ratio: Math.round(median(ratios) * 100) / 100,
            runs: runs[kind],
          },
        ];
      }),
    );
    const sizes = (
      await db.query(
        `select (select count(*)::int from quote) as quotes, (select count(*)::int from "quoteLine") as lines,
                pg_size_pretty(pg_database_size(current_database())) as database_size`,
      )
    ).rows[0];
    const drift = (
      await db.query(
        `select count(*)::int as n from quote q
           left join (select quote, sum(amount) as s from "quoteLine" group by quote) l on l.quote = q.id
          where q.total <> coalesce(l.s, 0)`,
      )
    ).rows[0].n;
    if (drift) fail(`${drift} quotes whose total differs from their lines`);
    const results = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model },
      database: (await db.query('select version()')).rows[0].version,
      stored: sizes,
      seeding: seeding ?? 'reused an already seeded database',
      connections: Number(opts.connections),
      durationSeconds: Number(opts.duration),
      rounds,
      parameters: params,
      lists: summary,
      explain: explained,
    };
    writeFileSync(join(BENCH_DIR, 'results-quotes-1m.json'), `${JSON.stringify(results, null, 2)}\n`);
    for (const [kind, s] of Object.entries(summary))
      log(
        `${kind} formula filter (${s.path}): engine ${s.engine.requestsPerSecond} req/s (p99 ${s.engine.p99Ms} ms), ` +
          `hand-written ${s.hand.requestsPerSecond} req/s (p99 ${s.hand.p99Ms} ms): ${Math.round(s.ratio * 100)}% ` +
          `(rounds ${s.ratioPerRound.map((r) => `${Math.round(r * 100)}%`).join(', ')}; target ≥ 70%)`,
      );
    log(`${sizes.quotes} quotes, ${sizes.lines} lines, ${sizes.database_size}; every total equal to its lines`);
  } finally {
    await db.end();
    await hand?.stop();
    await engine.stop();
  }
}

// ------------------------------------------------------------------------------------------------ seeding

/**
 * Fills the published tables set-based: quotes, then `linesPer` lines each, with the roll-up triggers off
 * (a statement trigger over 5M transition rows would aggregate every quote again) and the secondary indexes
 * dropped, then the roll-up in one UPDATE, the triggers and indexes back, VACUUM ANALYZE. Answers the seconds each step took.
 */
async function seed(db, quotes, linesPer) {
  const steps = {};
  const timed = async (name, sql) => {
    const started = Date.now();
    await db.query(sql);
    steps[name] = (Date.now() - started) / 1000;
    log(`seed: ${name} ${steps[name].toFixed(1)} s`);
  };
  const owner = (await db.query(`select id from lodestar_users order by created_at limit 1`)).rows[0]?.id ?? null;
  await timed('disable the roll-up triggers', `alter table "quoteLine" disable trigger user`);
  // Secondary indexes are built once afterwards (a sort each) rather than kept row by row through 6M random
  // inserts and 1M updates; the primary keys stay. The engine's definitions of them are put back unchanged.
  const indexes = (
    await db.query(
      `select i.indexname, i.indexdef from pg_indexes i
        where i.schemaname = 'public' and i.tablename in ('quote', 'quoteLine')
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    )
  ).rows;
  await timed('drop the secondary indexes', indexes.map((i) => `drop index "${i.indexname}";`).join('\n'));
  // Quotes: region cycles over the eight choices, a discount on two of three, issued over the last two years.
  await timed(
    'insert quotes',
    `insert into quote (id, title, region, discount, "issuedOn", owner_id, created_by, updated_by, created_at, updated_at)
     select gen_random_uuid(), '报价 ' || g,
            (array['north','east','south','central','west','northeast','northwest','southwest'])[1 + g % 8],
            case when g % 3 = 0 then null else ((g * 7) % 30) / 100.0 end,
            current_date - (g % 730),
            ${owner ? `'${owner}'::uuid` : 'null'}, ${owner ? `'${owner}'::uuid` : 'null'}, ${owner ? `'${owner}'::uuid` : 'null'},
            now() - (g % 730) * interval '1 day', now() - (g % 730) * interval '1 day'
       from generate_series(1, ${quotes}) as g`,
  );
  // Lines: quantity 1–50 and unit price 10.00–9,999.99, spread pseudo-randomly so totals differ. Every line's
  // quote was just inserted, so the foreign key's per-row check is skipped (replica role) for this statement.
  await db.query(`set session_replication_role = replica`);
  await timed(
    'insert lines (foreign key not checked row by row)',
    `insert into "quoteLine" (quote, product, quantity, "unitPrice", position, owner_id, created_by, updated_by)
     select q.id, '产品 ' || (1 + (abs(hashtext(q.id::text)) + p) % 500), 1 + (abs(hashtext(q.id::text || p)) % 50),
            10 + (abs(hashtext(p || q.id::text)) % 999000) / 100.0, p, q.owner_id, q.owner_id, q.owner_id
       from quote q cross join generate_series(1, ${linesPer}) as p`,
  );
  await db.query(`reset session_replication_role`);
  await timed(
    'fill the roll-up (one UPDATE … FROM … GROUP BY)',
    `update quote set total = s.total
       from (select quote, sum(amount) as total from "quoteLine" group by quote) as s
      where s.quote = quote.id`,
  );
  await timed('enable the roll-up triggers', `alter table "quoteLine" enable trigger user`);
  await db.query(`set maintenance_work_mem = '512MB'`);
  await timed('create the secondary indexes', indexes.map((i) => `${i.indexdef};`).join('\n'));
  await timed('vacuum analyze quote', `vacuum analyze quote`);
  await timed('vacuum analyze quoteLine', `vacuum analyze "quoteLine"`);
  const seconds = Math.round(Object.values(steps).reduce((a, b) => a + b, 0) * 10) / 10;
  log(`seeded ${quotes} quotes and ${quotes * linesPer} lines in ${seconds} s`);
  return { seconds, steps };
}

// ------------------------------------------------------------------------------------------------ requests

function pathOf(kind, x) {
  return `/api/v1/records/quote?sort=-total&filter[${KINDS[kind].field}][gt]=${x}&limit=50`;
}

/**
 * Thresholds: for the stored filter, the net of 200 random quotes (so from nearly every row to hardly any
 * passing it); for the computed one, 0–700 days. Both are drawn once, so every server sees the same sequence.
 */
async function pickParameters(db) {
  const nets = (
    await db.query(`select net from quote tablesample system (1) where net is not null limit 200`)
  ).rows.map((r) => Number(r.net));
  if (!nets.length) fail('no quote has a net amount');
  const days = Array.from({ length: 200 }, (_, i) => (i * 37) % 700);
  return { stored: nets, computed: days };
}

async function compareAnswers(engineUrl, handUrl, token, params) {
  for (const kind of Object.keys(KINDS))
    for (const x of params[kind].slice(0, 5)) {
      const [a, b] = await Promise.all(
        [engineUrl, handUrl].map(async (base) => {
          const res = await fetch(base + pathOf(kind, x), { headers: { authorization: `Bearer ${token}` } });
          if (res.status !== 200) fail(`${base}${pathOf(kind, x)} answered ${res.status}: ${await res.text()}`);
          return (await res.json()).data;
        }),
      );
      const ids = (rows) => rows.map((r) => `${r.id}:${r.total}:${r[KINDS[kind].field]}`).join(',');
      if (ids(a) !== ids(b)) fail(`${kind} X=${x}: the engine and the hand-written server answer different rows`);
      if (!a.length) log(`  (${kind} X=${x}: no rows)`);
    }
  log('both servers answer the same rows (ids, totals, filtered values)');
}

/** One autocannon run in a child process; answers its summary. */
async function load(url, token, kind, xs, duration) {
  const spec = { url, token, paths: xs.map((x) => pathOf(kind, x)), duration, connections: Number(opts.connections) };
  const file = join(BENCH_DIR, `.quotes-1m-load-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const output = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(BENCH_DIR, 'quotes-1m.mjs'), '--load-worker', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`load worker exited with ${code}`))));
  });
  return JSON.parse(output);
}

async function loadWorker(file) {
  const { default: autocannon } = await import('autocannon');
  const { rmSync } = await import('node:fs');
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(file, { force: true });
  let n = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    requests: [
      {
        method: 'GET',
        headers: { authorization: `Bearer ${spec.token}` },
        setupRequest: (request) => ({ ...request, path: spec.paths[n++ % spec.paths.length] }),
      },
    ],
  });
  process.stdout.write(
    JSON.stringify({
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      total: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    }),
  );
}

// ------------------------------------------------------------------------------------------------ EXPLAIN

/**
 * The plans PostgreSQL chose for the engine's own statements (auto_explain, loaded for the bench database
 * only while a second engine serves a few requests) and for the hand-written statements, at a low, a median
 * and a high threshold.
 */
async function explainBoth(db, enginePort, params) {
  const picks = (list) => {
    const sorted = [...list].sort((a, b) => a - b);
    return [
      sorted[Math.floor(sorted.length * 0.1)],
      sorted[Math.floor(sorted.length / 2)],
      sorted[Math.floor(sorted.length * 0.9)],
    ];
  };
  const out = {};
  let logStart;
  try {
    logStart = statSync(PG_LOG).size;
  } catch {
    logStart = undefined;
  }
  await db.query(`alter database ${DB} set session_preload_libraries = 'auto_explain'`);
  await db.query(`alter database ${DB} set auto_explain.log_min_duration = 0`);
  await db.query(`alter database ${DB} set auto_explain.log_analyze = on`);
  await db.query(`alter database ${DB} set auto_explain.log_buffers = on`);
  const port = await freePort();
  let second;
  try {
    second = await startServer(engineServerOptions(port, { DATABASE_URL: URL_DB, LODESTAR_DEFINITIONS: DEFINITIONS }));
    const token = await loginAs(second.url);
    for (const kind of Object.keys(KINDS))
      for (const x of picks(params[kind])) {
        const res = await fetch(second.url + pathOf(kind, x), { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
      }
    await sleep(500);
  } finally {
    await second?.stop();
    await db.query(`alter database ${DB} reset session_preload_libraries`);
    await db.query(`alter database ${DB} reset auto_explain.log_min_duration`);
    await db.query(`alter database ${DB} reset auto_explain.log_analyze`);
    await db.query(`alter database ${DB} reset auto_explain.log_buffers`);
  }
  if (logStart !== undefined) {
    const text = readFileSync(PG_LOG, 'utf8').slice(logStart);
    // Each auto_explain entry: "duration: … ms  plan:\n\tQuery Text: …\n\t<plan lines>" up to the next log line.
    out.engine = text
      .split(/\n(?=\d{4}-\d\d-\d\d )/)
      .filter((e) => e.includes('plan:') && /order by [^\n]*total/i.test(e) && /limit/i.test(e))
      .map((e) => e.slice(e.indexOf('duration:')).replace(/\t/g, '  '));
  } else out.engine = [`${PG_LOG} is not readable: no plans of the engine's statements`];
  out.hand = [];
  for (const kind of Object.keys(KINDS))
    for (const x of picks(params[kind])) {
      const plan = await db.query(`explain (analyze, buffers) ${HAND_SQL[kind]}`.replace('$1', String(Number(x))));
      out.hand.push({ kind, x, plan: plan.rows.map((r) => r['QUERY PLAN']).join('\n') });
    }
  for (const e of out.engine) log(`engine plan:\n${e.split('\n').slice(0, 14).join('\n')}`);
  for (const h of out.hand)
    log(`hand-written plan (${h.kind}, X=${h.x}):\n${h.plan.split('\n').slice(0, 10).join('\n')}`);
  return out;
}

// ------------------------------------------------------------------------------------------------ the baseline

async function handServer() {
  const { default: express } = await import('express');
  const { configurePgTypes } = await import('./lib/common.mjs');
  configurePgTypes();
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.get('/api/v1/health', (_req, res) => res.json({ status: 'ok' }));
  app.get('/api/v1/records/quote', async (req, res) => {
    const kind =
      'filter[net][gt]' in req.query ? 'stored' : 'filter[ageDays][gt]' in req.query ? 'computed' : undefined;
    const x = Number(req.query[`filter[${kind && KINDS[kind].field}][gt]`]);
    if (!kind || req.query.sort !== '-total' || !Number.isFinite(x))
      return res.status(400).json({ status: 400, title: 'Bad Request' });
    const { rows } = await pool.query({ name: kind, text: HAND_SQL[kind], values: [x] });
    res.json({ data: rows, nextCursor: null });
  });
  app.use((error, _req, res, _next) => {
    console.error(error);
    res.status(500).json({ status: 500, title: 'Internal Server Error' });
  });
  app.listen(Number(process.env.PORT));
}
