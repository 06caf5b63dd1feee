#!/usr/bin/env node
// Runs the benchmark against a seeded database (node bench/seed.mjs first):
//   1. starts the engine (node engine/dist/cli/main.js start) and bench/hand-written-server.mjs on two ports;
//   2. checks that both answer every operation alike (same rows for the same list query);
//   3. per operation: warm-up then a measured autocannon run, engine and hand-written alternately (the order
//      flips from one operation to the next); autocannon runs in a separate process (bench/lib/load.mjs);
//   4. times publishing a new nullable customer field (3 publishes, median), then removes the fields again;
//   5. writes bench/RESULTS.md and bench/results.json.
//
//   node bench/run.mjs [--duration 10] [--warmup 2] [--connections 16] [--ops get,list,related,create,update]
//                      [--rounds 3] [--skip-publish] [--engine-url http://...]   (an already running engine)
//                      [--engine-cpu-prof] [--hand-cpu-prof]   (V8 CPU profiles of the servers in bench/profiles/)
//
// Exits non-zero when a measured run has more than 1% non-2xx responses or errors (its figures are then
// marked INVALID in RESULTS.md), or when the two servers disagree on what an operation returns.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';
import {
  BENCH_DIR,
  DATABASE_URL,
  ENGINE_MAIN,
  REPO_ROOT,
  enumOf,
  engineServerOptions,
  fail,
  freePort,
  log,
  loginAs,
  machineTicks,
  processSnapshot,
  processTicks,
  readEntity,
  sleep,
  startServer,
  waitForQuiet,
} from './lib/common.mjs';

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    ops: { type: 'string', default: 'get,list,related,create,update' },
    rounds: { type: 'string', default: '3' },
    'skip-publish': { type: 'boolean', default: false },
    'engine-url': { type: 'string' },
    'engine-cpu-prof': { type: 'boolean', default: false },
    'hand-cpu-prof': { type: 'boolean', default: false },
    pin: { type: 'boolean', default: false },
    out: { type: 'string', default: BENCH_DIR },
  },
});
const DURATION = Number(opts.duration);
const WARMUP = Number(opts.warmup);
const CONNECTIONS = Number(opts.connections);
const ROUNDS = Number(opts.rounds);
const TARGET_RATIO = 0.7;
const PUBLISH_TARGET_MS = 1000;
const MAX_NON_2XX = 0.01;
const MAX_OTHER_CPU = 15; // % of a core used by unrelated processes during a run before it is measured again (up to 3 attempts)

const OPS = {
  get: {
    title: 'get by id',
    what: 'GET /api/v1/records/customer/{id}: ids cycle through 10,000 random existing customers',
  },
  list: {
    title: 'filtered + sorted list (50)',
    what: 'GET /api/v1/records/customer?filter[industry][eq]=X&filter[region][eq]=Y&sort=-annualRevenue&limit=50, (X, Y) taken from 10,000 random companies (requests follow the data)',
  },
  related: {
    title: 'list filtered on related field',
    what: 'GET /api/v1/records/contact?filter[customer.region][eq]=X&limit=50: contacts whose customer is in region X (default order: id), X the region of 10,000 random customers',
  },
  create: {
    title: 'create',
    what: 'POST /api/v1/records/customer: a company (90%) or government agency (10%), 5–7 fields',
  },
  update: {
    title: 'update one field',
    what: 'PATCH /api/v1/records/customer/{id} with { city, version }: rows from a pool of 100,000 random customers read just before the run, each patched at its current version (the hand-written server checks and bumps `version` in `UPDATE … WHERE id = $1 AND version = $2`)',
  },
};
const ops = opts.ops
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const op of ops) if (!OPS[op]) fail(`unknown op "${op}" (known: ${Object.keys(OPS).join(', ')})`);

const customerDef = readEntity('customer');
const industries = enumOf(customerDef, 'industry');
const regions = enumOf(customerDef, 'region');
const administrativeLevels = enumOf(customerDef, 'administrativeLevel');
const cities = [
  '杭州',
  '宁波',
  '苏州',
  '南京',
  '上海',
  '北京',
  '广州',
  '深圳',
  '成都',
  '武汉',
  '西安',
  '重庆',
  '天津',
  '长沙',
  '郑州',
  '青岛',
];

// ---------------------------------------------------------------------------------------------- setup

const db = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
const fact = async (sql, params) => (await db.query(sql, params)).rows[0];
let seeded;
try {
  seeded = await fact(
    `select (select count(*) from customer)::int as customers, (select count(*) from contact)::int as contacts`,
  );
} catch (error) {
  fail(`cannot read the benchmark database (${DATABASE_URL}): ${error.message}; run node bench/seed.mjs first`);
}
if (seeded.customers < 1000)
  fail(`only ${seeded.customers} customers in ${DATABASE_URL}; run node bench/seed.mjs first`);
log(`database: ${seeded.customers.toLocaleString('en')} customers, ${seeded.contacts.toLocaleString('en')} contacts`);

const machine = await describeMachine();
const children = [];
const shutdown = async () => {
  for (const child of children.reverse()) await child.stop().catch(() => {});
};
process.on('SIGINT', () => shutdown().then(() => process.exit(130)));
// Whatever ends the runner (a failure included), the servers it started end with it.
process.on('exit', () => {
  for (const child of children) if (child.child?.exitCode === null) child.child.kill('SIGTERM');
});

let engine;
if (opts['engine-url']) {
  engine = { name: 'engine', url: opts['engine-url'].replace(/\/$/, ''), child: null };
  log(`using the running engine at ${engine.url}`);
} else {
  log('starting the engine');
  const nodeArgs = opts['engine-cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(BENCH_DIR, 'profiles')}`] : [];
  engine = await startServer({ ...engineServerOptions(await freePort()), nodeArgs }).catch((e) => fail(e.message));
  children.push(engine);
}
log('starting the hand-written server');
const hand = await startServer({
  name: 'hand-written',
  args: [join(BENCH_DIR, 'hand-written-server.mjs')],
  port: await freePort(),
  env: { DATABASE_URL },
  nodeArgs: opts['hand-cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(BENCH_DIR, 'profiles')}`] : [],
}).catch((e) => fail(e.message));
children.push(hand);
// The engine's data routes need a login (the hand-written server has none: that cost is part of the comparison).
const engineToken = process.env.BENCH_ENGINE_TOKEN ?? (await loginAs(engine.url));
const targets = {
  engine: { ...engine, headers: { authorization: `Bearer ${engineToken}` } },
  hand: { ...hand, headers: {} },
};
if (opts.pin) {
  // Servers on CPU 0, the load generator on the last CPU; PostgreSQL stays unpinned.
  for (const t of [engine, hand])
    if (t.child) execFileSync('taskset', ['-a', '-cp', '0', String(t.child.pid)], { stdio: 'ignore' });
}

try {
  await checkBothAgree();
} catch (error) {
  await shutdown();
  fail(error.message);
}

// ---------------------------------------------------------------------------------------------- load runs

const tmp = mkdtempSync(join(tmpdir(), 'lodestar-bench-'));
const sampleIds = (await db.query(`select id from customer order by random() limit 10000`)).rows.map((r) => r.id);
// Filter values follow the data: the (industry, region) of 10,000 random companies, the region of 10,000 random customers.
const listCombos = (
  await db.query(
    `select industry, region from customer where industry is not null and region is not null order by random() limit 10000`,
  )
).rows.map((r) => [r.industry, r.region]);
const relatedRegions = (
  await db.query(`select region from customer where region is not null order by random() limit 10000`)
).rows.map((r) => r.region);
const indexes = (
  await db.query(
    `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename in ('customer', 'contact') order by tablename, indexname`,
  )
).rows;
const runId = Date.now().toString(36);
const results = {};
let invalid = [];

for (let round = 0; round < ROUNDS; round++) {
  for (const [i, op] of ops.entries()) {
    const order = (i + round) % 2 === 0 ? ['engine', 'hand'] : ['hand', 'engine'];
    for (const name of order) {
      let run;
      for (let attempt = 1; ; attempt++) {
        await waitForQuiet();
        await load(name, op, WARMUP, 'warm-up');
        run = await load(name, op, DURATION, 'measure');
        run.attempt = attempt;
        run.disturbed = run.otherProcessesCpuPercent > MAX_OTHER_CPU;
        if (!run.disturbed || attempt === 3) break;
        log(
          `  repeating the ${op} run on ${name}: other processes used ${run.otherProcessesCpuPercent.toFixed(0)}% of a core`,
        );
        await sleep(5000);
      }
      (results[op] ??= { engine: [], hand: [] })[name].push(run);
      const bad = run.non2xx + run.errors + run.timeouts;
      const share = bad / Math.max(1, run.total);
      run.badShare = share;
      log(
        `  ${op.padEnd(8)} ${name.padEnd(6)} ${run.requestsPerSecond.toFixed(0).padStart(6)} req/s  p99 ${String(run.latency.p99).padStart(4)} ms` +
          `  server CPU ${run.serverCpuPercent.toFixed(0)}% (${run.serverCpuMsPerRequest.toFixed(3)} ms/req)  machine ${run.machineBusyPercent.toFixed(0)}%  others ${run.otherProcessesCpuPercent?.toFixed(0)}%  statuses ${JSON.stringify(run.statusCounts)}` +
          (bad ? `  errors ${run.errors} timeouts ${run.timeouts}` : ''),
      );
      if (share > MAX_NON_2XX) {
        invalid.push(
          `${op} on ${name}: ${(share * 100).toFixed(1)}% non-2xx/errors (${JSON.stringify(run.statusCounts)}, errors ${run.errors}, timeouts ${run.timeouts})`,
        );
        log(`  !!! ${invalid.at(-1)}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------- publish

let publish = null;
if (!opts['skip-publish']) {
  try {
    publish = await timePublishes();
  } catch (error) {
    publish = { error: error.message };
    log(`publish timing failed: ${error.message}`);
  }
}

await shutdown();
await db.end();
rmSync(tmp, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------- report

const summary = ops.map((op) => {
  const pairs = results[op].engine.map((engineRun, i) => ({ engine: engineRun, hand: results[op].hand[i] }));
  const ratios = pairs.map((p) => p.engine.requestsPerSecond / p.hand.requestsPerSecond);
  // Pairs disturbed by other processes (still, after three attempts) count only when no undisturbed pair exists.
  const cleanPairs = pairs.filter((p) => !p.engine.disturbed && !p.hand.disturbed);
  const counted = cleanPairs.length ? cleanPairs : pairs;
  const median = (values, key = (x) => x) =>
    [...values].sort((a, b) => key(a) - key(b))[Math.floor((values.length - 1) / 2)];
  const e = median(
    counted.map((p) => p.engine),
    (r) => r.requestsPerSecond,
  );
  const h = median(
    counted.map((p) => p.hand),
    (r) => r.requestsPerSecond,
  );
  // The ratio is taken per round, from the engine run and the hand-written run measured back to back (the
  // machine's speed drifts over minutes on a shared VM), and the median of those ratios counts.
  const ratio = median(counted.map((p) => p.engine.requestsPerSecond / p.hand.requestsPerSecond));
  const valid = pairs.every((p) => p.engine.badShare <= MAX_NON_2XX && p.hand.badShare <= MAX_NON_2XX);
  return {
    op,
    title: OPS[op].title,
    engine: e,
    hand: h,
    ratio,
    ratios,
    counted: counted.length,
    met: ratio >= TARGET_RATIO,
    valid,
  };
});
const report = {
  date: new Date().toISOString(),
  machine,
  settings: {
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    warmupSeconds: WARMUP,
    rounds: ROUNDS,
    targetRatio: TARGET_RATIO,
  },
  dataset: seeded,
  indexes: indexes.map((i) =>
    i.indexdef.replace('CREATE INDEX ', '').replace('CREATE UNIQUE INDEX ', 'UNIQUE ').replace(' USING btree', ''),
  ),
  operations: Object.fromEntries(ops.map((op) => [op, OPS[op].what])),
  summary: summary.map(({ op, title, engine: e, hand: h, ratio, ratios, met, valid }) => ({
    op,
    title,
    ratio: round(ratio, 3),
    ratioPerRound: ratios.map((x) => round(x, 3)),
    targetMet: met,
    valid,
    engine: brief(e),
    hand: brief(h),
  })),
  runs: results,
  publish,
  invalid,
};
writeFileSync(join(opts.out, 'results.json'), JSON.stringify(report, null, 2) + '\n');
// bench/transitions.mjs and bench/restricted.mjs own marked sections of the same file: keep them.
const resultsFile = join(opts.out, 'RESULTS.md');
const kept = (() => {
  try {
    const text = readFileSync(resultsFile, 'utf8');
    return ['transitions', 'restricted']
      .map((name) => new RegExp(`<!-- ${name} -->[\\s\\S]*<!-- \\/${name} -->`).exec(text)?.[0])
      .filter(Boolean)
      .join('\n\n');
  } catch {
    return undefined;
  }
})();
writeFileSync(resultsFile, renderMarkdown(report, summary).trimEnd() + (kept ? `\n\n${kept}\n` : '\n'));
log(`wrote ${join(opts.out, 'RESULTS.md')} and results.json`);
console.log(renderTable(summary));
if (publish && !publish.error)
  console.log(
    `\npublish a nullable field on ${seeded.customers.toLocaleString('en')} rows: median ${publish.medianMs} ms (${publish.timesMs.join(', ')} ms)`,
  );
if (invalid.length)
  fail(`runs with more than ${MAX_NON_2XX * 100}% non-2xx responses or errors:\n  ${invalid.join('\n  ')}`);

// ---------------------------------------------------------------------------------------------- helpers

function brief(run) {
  return {
    requestsPerSecond: round(run.requestsPerSecond, 1),
    p99Ms: run.latency.p99,
    p50Ms: run.latency.p50,
    serverCpuMsPerRequest: Number.isFinite(run.serverCpuMsPerRequest) ? round(run.serverCpuMsPerRequest, 3) : null,
    serverCpuPercent: Number.isFinite(run.serverCpuPercent) ? round(run.serverCpuPercent, 0) : null,
    machineBusyPercent: round(run.machineBusyPercent, 0),
    otherProcessesCpuPercent:
      run.otherProcessesCpuPercent === undefined ? null : round(run.otherProcessesCpuPercent, 0),
  };
}

function fmt(n, digits) {
  return typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}

function limitedBy(run) {
  return !Number.isFinite(run.serverCpuPercent) ? 'n/a' : run.serverCpuPercent >= 85 ? 'node' : 'postgres';
}

function round(n, digits) {
  return Number(n.toFixed(digits));
}

/** One autocannon run in a child process; the server's and the machine's CPU use is sampled around it. */
async function load(name, op, duration, phase) {
  const target = targets[name];
  const data = await dataFor(op);
  const specFile = join(tmp, `${name}-${op}-${phase}.json`);
  writeFileSync(
    specFile,
    JSON.stringify({
      url: target.url,
      op,
      connections: CONNECTIONS,
      duration,
      runId: `${runId}-${name}-${phase}`,
      headers: target.headers,
      data,
    }),
  );
  const serverPid = target.child?.pid;
  const before = {
    server: serverPid ? processTicks(serverPid) : null,
    machine: machineTicks(),
    procs: phase === 'measure' ? processSnapshot() : null,
  };
  const output = await new Promise((resolve, reject) => {
    const command = [process.execPath, join(BENCH_DIR, 'lib/load.mjs'), specFile];
    if (opts.pin) command.unshift('taskset', '-c', String(availableParallelism() - 1));
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`load generator exited with ${code}`))));
  });
  const after = {
    server: serverPid ? processTicks(serverPid) : null,
    machine: machineTicks(),
    procs: phase === 'measure' ? processSnapshot() : null,
  };
  const run = JSON.parse(output);
  const seconds = run.duration || duration;
  run.serverCpuPercent = before.server !== null ? ((after.server - before.server) / 100 / seconds) * 100 : NaN;
  const busy = after.machine.busy - before.machine.busy;
  const total = after.machine.total - before.machine.total;
  run.machineBusyPercent = (busy / total) * 100;
  run.serverCpuMsPerRequest =
    before.server !== null ? ((after.server - before.server) * 10) / Math.max(1, run.total) : NaN;
  if (before.procs) {
    // CPU used by anything but the servers, the runner (with its reaped load generator) and PostgreSQL (with its
    // reaped parallel workers): other work on the machine, short-lived processes included.
    const servers = new Set([targets.engine.child?.pid, targets.hand.child?.pid].filter(Boolean));
    let accounted = 0;
    // Backends that ended during the run (idle pool connections closing) are reaped into the postmaster's
    // children time with their whole lifetime: take back what they had used before the run.
    for (const [pid, was] of before.procs) if (was.comm === 'postgres' && !after.procs.has(pid)) accounted -= was.ticks;
    for (const [pid, now] of after.procs) {
      const was = before.procs.get(pid) ?? { ticks: 0, childTicks: 0 };
      if (servers.has(pid) || now.comm === 'postgres' || pid === process.pid) accounted += now.ticks - was.ticks;
      if (pid === process.pid || (now.comm === 'postgres' && after.procs.get(now.ppid)?.comm !== 'postgres'))
        accounted += now.childTicks - was.childTicks;
    }
    const other = Math.max(0, after.machine.task - before.machine.task - accounted);
    if (process.env.BENCH_DEBUG_CPU)
      log(`  cpu ticks: task ${after.machine.task - before.machine.task}, accounted ${accounted}`);
    run.otherProcessesCpuPercent = (other / 100 / seconds) * 100;
    if (run.otherProcessesCpuPercent > MAX_OTHER_CPU) {
      const busiest = [...after.procs]
        .map(([pid, now]) => ({ pid, comm: now.comm, delta: now.ticks - (before.procs.get(pid)?.ticks ?? 0) }))
        .filter((p) => p.delta > 20 && p.comm !== 'postgres' && !servers.has(p.pid) && p.pid !== process.pid)
        .map((p) => `${p.comm}(${p.pid})`);
      log(
        `  warning: other processes used ${run.otherProcessesCpuPercent.toFixed(0)}% of a core during this run${busiest.length ? `: ${busiest.join(', ')}` : ' (short-lived ones)'}`,
      );
    }
  }
  if (target.child?.exitCode !== null && target.child?.exitCode !== undefined)
    throw new Error(`${name} exited during the ${op} run`);
  return run;
}

/** The request data of an op; the update pool is read fresh before every run so that versions are current. */
async function dataFor(op) {
  switch (op) {
    case 'get':
      return { ids: sampleIds };
    case 'list':
      return { combos: listCombos };
    case 'related':
      return { regions: relatedRegions };
    case 'create':
      return { industries, regions, cities, administrativeLevels };
    case 'update': {
      const { rows } = await db.query(`select id, version from customer order by random() limit 100000`);
      return { pool: rows.map((r) => [r.id, r.version]), cities };
    }
  }
}

async function request(target, method, path, body) {
  const res = await fetch(target.url + path, {
    method,
    headers: { ...target.headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

/** Both servers answer each operation with 2xx and the same rows; otherwise the comparison is meaningless. */
async function checkBothAgree() {
  log('checking that both servers answer every operation alike');
  const expectStatus = (name, what, res, status) => {
    if (res.status !== status)
      throw new Error(
        `${name}: ${what} answered ${res.status}, expected ${status}: ${JSON.stringify(res.body).slice(0, 600)}`,
      );
  };
  const both = async (method, path, bodyFor) => {
    const out = {};
    for (const name of ['engine', 'hand'])
      out[name] = await request(targets[name], method, typeof path === 'function' ? path(name) : path, bodyFor?.(name));
    return out;
  };
  const { id } = await fact(`select id from customer order by random() limit 1`);
  const get = await both('GET', `/api/v1/records/customer/${id}`);
  expectStatus('engine', 'get by id', get.engine, 200);
  expectStatus('hand', 'get by id', get.hand, 200);
  const differing = Object.keys(get.hand.body).filter((k) => !isDeepStrictEqual(get.hand.body[k], get.engine.body[k]));
  if (differing.length)
    log(
      `  note: get by id differs on ${differing.join(', ')}: engine ${JSON.stringify(differing.map((k) => get.engine.body[k]))} vs ${JSON.stringify(differing.map((k) => get.hand.body[k]))}`,
    );
  const extra = Object.keys(get.engine.body).filter((k) => !(k in get.hand.body));
  if (extra.length) log(`  note: the engine's record has fields the table row has not: ${extra.join(', ')}`);

  const { industry, region } = await fact(
    `select industry, region from customer where industry is not null group by 1, 2 order by count(*) desc limit 1`,
  );
  const listPath = `/api/v1/records/customer?filter%5Bindustry%5D%5Beq%5D=${industry}&filter%5Bregion%5D%5Beq%5D=${region}&sort=-annualRevenue&limit=50`;
  const list = await both('GET', listPath);
  expectStatus('engine', 'list', list.engine, 200);
  expectStatus('hand', 'list', list.hand, 200);
  const ids = (res) => (res.body.data ?? []).map((r) => r.id);
  if (ids(list.engine).length !== 50 || !isDeepStrictEqual(ids(list.engine), ids(list.hand))) {
    throw new Error(
      `list ${listPath}: the servers return different rows (engine ${ids(list.engine).length}, hand-written ${ids(list.hand).length})`,
    );
  }
  const relatedPath = `/api/v1/records/contact?filter%5Bcustomer.region%5D%5Beq%5D=${region}&limit=50`;
  const related = await both('GET', relatedPath);
  expectStatus('engine', 'related-field list', related.engine, 200);
  expectStatus('hand', 'related-field list', related.hand, 200);
  if (ids(related.engine).length !== 50 || !isDeepStrictEqual(ids(related.engine), ids(related.hand))) {
    throw new Error(
      `list ${relatedPath}: the servers return different rows (engine ${ids(related.engine).length}, hand-written ${ids(related.hand).length})`,
    );
  }
  const wrongRegion = await fact(
    `select count(*)::int as n from contact c join customer cu on cu.id = c.customer where c.id = any($1) and cu.region <> $2`,
    [ids(related.engine), region],
  );
  if (wrongRegion.n) throw new Error(`${relatedPath}: ${wrongRegion.n} contacts belong to customers outside ${region}`);

  const create = await both('POST', '/api/v1/records/customer', (name) => ({
    record_type: 'company',
    name: `基准检查 ${name}`,
    industry,
    region,
    city: '杭州',
  }));
  expectStatus('engine', 'create', create.engine, 201);
  expectStatus('hand', 'create', create.hand, 201);
  const rows = (await db.query(`select id, version from customer order by random() limit 2`)).rows;
  const update = await both(
    'PATCH',
    (name) => `/api/v1/records/customer/${rows[name === 'engine' ? 0 : 1].id}`,
    (name) => ({ city: '宁波', version: rows[name === 'engine' ? 0 : 1].version }),
  );
  expectStatus('engine', 'update', update.engine, 200);
  expectStatus('hand', 'update', update.hand, 200);
  if (update.engine.body.version !== rows[0].version + 1 || update.hand.body.version !== rows[1].version + 1)
    throw new Error('update did not bump version');
  const stale = await both(
    'PATCH',
    (name) => `/api/v1/records/customer/${rows[name === 'engine' ? 0 : 1].id}`,
    (name) => ({ city: '宁波', version: rows[name === 'engine' ? 0 : 1].version }),
  );
  expectStatus('engine', 'stale update', stale.engine, 409);
  expectStatus('hand', 'stale update', stale.hand, 409);
  const missing = await both('GET', `/api/v1/records/customer/00000000-0000-4000-8000-000000000000`);
  expectStatus('engine', 'get a missing id', missing.engine, 404);
  expectStatus('hand', 'get a missing id', missing.hand, 404);
  log('  both servers agree (same rows for list and related-field list; 201, 200, 409, 404 where expected)');
}

/**
 * Times publishing one new nullable customer field (PUT draft, then POST publish; the publish call is
 * what is timed), three times, then publishes the original definitions again (dropping the fields).
 */
async function timePublishes() {
  const target = targets.engine;
  const model = await request(target, 'GET', '/api/v1/meta/model');
  if (model.status !== 200) throw new Error(`GET /api/v1/meta/model answered ${model.status}`);
  const original = model.body.definitions;
  const customerIndex = original.entities.findIndex((e) => e.$id === 'customer');
  if (customerIndex < 0) throw new Error('the published model has no customer entity');
  const taken = Object.keys(original.entities[customerIndex].properties)
    .map((k) => /^bench(\d+)$/.exec(k)?.[1])
    .filter(Boolean)
    .map(Number);
  let next = Math.max(0, ...taken) + 1;
  let current = original;
  const timesMs = [];
  const draftMs = [];
  const fields = [];
  log(`publishing 3 new nullable customer fields (${seeded.customers.toLocaleString('en')}+ rows)`);
  for (let i = 0; i < 3; i++) {
    const field = `bench${next++}`;
    const definitions = structuredClone(current);
    definitions.entities[customerIndex].properties[field] = { type: 'string', title: `Bench ${field}`, maxLength: 100 };
    const t0 = performance.now();
    const draft = await request(target, 'PUT', '/api/v1/meta/drafts/bench', { definitions });
    const t1 = performance.now();
    if (draft.status !== 200 && draft.status !== 201)
      throw new Error(`PUT draft answered ${draft.status}: ${JSON.stringify(draft.body).slice(0, 500)}`);
    const published = await request(target, 'POST', '/api/v1/meta/drafts/bench/publish', {});
    const t2 = performance.now();
    if (published.status !== 201)
      throw new Error(`publish answered ${published.status}: ${JSON.stringify(published.body).slice(0, 500)}`);
    const column = await fact(
      `select count(*)::int as n from information_schema.columns where table_name = 'customer' and column_name = $1`,
      [field],
    );
    if (!column.n) throw new Error(`publish answered 201 but customer has no column ${field}`);
    timesMs.push(round(t2 - t1, 1));
    draftMs.push(round(t1 - t0, 1));
    fields.push(field);
    log(
      `  ${field}: publish ${timesMs.at(-1)} ms (draft PUT ${draftMs.at(-1)} ms; plan: ${JSON.stringify(published.body.plan?.steps?.map((s) => s.kind ?? s.type ?? s) ?? published.body.plan).slice(0, 200)})`,
    );
    current = definitions;
  }
  let cleanup = 'removed again';
  const restoreDraft = await request(target, 'PUT', '/api/v1/meta/drafts/bench', { definitions: original });
  const restored =
    restoreDraft.status < 300
      ? await request(target, 'POST', '/api/v1/meta/drafts/bench/publish', {
          confirmDestructive: true,
          note: 'bench: remove the benchmark fields',
        })
      : restoreDraft;
  if (restored.status !== 201) {
    cleanup = `NOT removed (${restored.status}: ${JSON.stringify(restored.body).slice(0, 300)})`;
    log(`  warning: could not remove the benchmark fields: ${cleanup}`);
  }
  const sorted = [...timesMs].sort((a, b) => a - b);
  return {
    fields,
    timesMs,
    draftPutMs: draftMs,
    medianMs: sorted[1],
    targetMet: sorted[1] < PUBLISH_TARGET_MS,
    cleanup,
  };
}

async function describeMachine() {
  const pgInfo = await fact(
    `select version() as version, current_setting('shared_buffers') as shared_buffers, current_setting('synchronous_commit') as synchronous_commit`,
  );
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'engine'], { cwd: REPO_ROOT }).toString().trim();
    if (dirty) commit += ' + uncommitted engine changes';
  } catch {
    // not a git checkout
  }
  let engineBuilt = 'unknown';
  try {
    // The newest file of the build (tsc -b rewrites only what changed).
    const dist = join(ENGINE_MAIN, '../..');
    const newest = readdirSync(dist, { recursive: true })
      .filter((f) => String(f).endsWith('.js'))
      .reduce((max, f) => Math.max(max, statSync(join(dist, String(f))).mtimeMs), 0);
    engineBuilt = new Date(newest).toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
  } catch {
    // no build
  }
  return {
    engineBuilt,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: pgInfo.version.split(' on ')[0],
    sharedBuffers: pgInfo.shared_buffers,
    synchronousCommit: pgInfo.synchronous_commit,
    commit,
  };
}

function renderTable(rows) {
  const lines = [
    '| operation | engine req/s | engine p99 (ms) | hand-written req/s | hand-written p99 (ms) | engine / hand-written | target ≥ 70% |',
    '| --- | ---: | ---: | ---: | ---: | ---: | :---: |',
  ];
  for (const r of rows) {
    const mark = !r.valid ? 'INVALID (non-2xx)' : r.met ? 'yes' : '**no**';
    lines.push(
      `| ${r.title} | ${r.engine.requestsPerSecond.toFixed(0)} | ${r.engine.latency.p99} | ${r.hand.requestsPerSecond.toFixed(0)} | ${r.hand.latency.p99} | ${(r.ratio * 100).toFixed(0)}% | ${mark} |`,
    );
  }
  return lines.join('\n');
}

function renderMarkdown(report, rows) {
  const m = report.machine;
  const s = report.settings;
  const p = report.publish;
  const cpuRows = rows.map(
    (r) =>
      `| ${r.title} | ${r.engine.latency.p50} / ${r.hand.latency.p50} | ${fmt(r.engine.serverCpuMsPerRequest, 3)} / ${fmt(r.hand.serverCpuMsPerRequest, 3)} | ${fmt(r.engine.serverCpuPercent, 0)}% / ${fmt(r.hand.serverCpuPercent, 0)}% | ${fmt(r.engine.machineBusyPercent, 0)}% / ${fmt(r.hand.machineBusyPercent, 0)}% | ${fmt(r.engine.otherProcessesCpuPercent, 0)}% / ${fmt(r.hand.otherProcessesCpuPercent, 0)}% | ${limitedBy(r.engine)} / ${limitedBy(r.hand)} |`,
  );
  const publishText = !p
    ? '_not measured (--skip-publish)_'
    : p.error
      ? `**failed**: ${p.error}`
      : `Adding a nullable text field to \`customer\` (${report.dataset.customers.toLocaleString('en')} rows), timed around \`POST /api/v1/meta/drafts/bench/publish\`: ` +
        `**median ${p.medianMs} ms** (${p.fields.map((f, i) => `${f}: ${p.timesMs[i]} ms`).join(', ')}) — target < 1 s: **${p.targetMet ? 'met' : 'not met'}**. ` +
        `The draft PUT before each publish took ${p.draftPutMs.join(', ')} ms. The fields were ${p.cleanup} afterwards.`;
  return `# Benchmark results

Generated by \`node bench/run.mjs\` on ${report.date.slice(0, 19).replace('T', ' ')} UTC. Raw figures: [results.json](results.json).

## Requests per second and p99 latency

${renderTable(rows)}

${report.invalid.length ? `**INVALID runs** (more than 1% non-2xx or errors):\n\n${report.invalid.map((x) => `- ${x}`).join('\n')}\n\n` : ''}A run is ${s.durationSeconds} s of autocannon with ${s.connections} connections, right after a ${s.warmupSeconds} s warm-up of the same operation on the same server. Per round and operation the engine and the hand-written server are measured back to back (the order flips from one operation and round to the next), and that pair gives the round's ratio.${s.rounds > 1 ? ` Requests/s and p99 are the medians of ${s.rounds} rounds; the ratio is the median of the ${s.rounds} paired ratios (this VM's speed drifts by tens of percent over minutes, so ratios of back-to-back runs are steadier than the absolute figures). A run during which other processes used more than ${MAX_OTHER_CPU}% of a core is measured again (up to 3 attempts); a pair still disturbed is left out of the medians when undisturbed pairs exist.` : ''}

| operation | engine req/s per round | hand-written req/s per round | ratio per round |
| --- | --- | --- | --- |
${rows.map((r) => `| ${r.title} | ${results[r.op].engine.map((x) => x.requestsPerSecond.toFixed(0)).join(', ')} | ${results[r.op].hand.map((x) => x.requestsPerSecond.toFixed(0)).join(', ')} | ${r.ratios.map((x, i) => `${(x * 100).toFixed(0)}%${results[r.op].engine[i].disturbed || results[r.op].hand[i].disturbed ? ' (disturbed)' : ''}`).join(', ')} |`).join('\n')}

## Publishing a new field

${publishText}

## Where the time goes

Each cell: engine / hand-written.

| operation | p50 (ms) | server CPU per request (ms) | server process CPU | machine busy | other processes | limited by |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
${cpuRows.join('\n')}

Server process CPU is the server's Node process (100% = one core, its limit); CPU per request is that process's CPU time divided by the requests it answered; "machine busy" is all ${m.cpus} cores, PostgreSQL and the load generator included; "other processes" is CPU used by unrelated processes during the run (runs above ${MAX_OTHER_CPU}% are measured again, up to 3 times). "Limited by" says \`node\` when the server process used ≥ 85% of its core, else \`postgres\` (the database, sharing the cores, is the bottleneck).

## What is measured

Dataset: ${report.dataset.customers.toLocaleString('en')} customers (90% companies, 10% government agencies, realistic skew over industry and region) and ${report.dataset.contacts.toLocaleString('en')} contacts, seeded by \`node bench/seed.mjs\` into the tables the engine created. Indexes (the same for both servers):

${report.indexes.map((i) => `- \`${i}\``).join('\n')}

${report.indexes.some((i) => i.includes('annualRevenue')) ? `\`customer_industry_region_annualRevenue_idx\` is added by the seed, not declared by the template: the list sorts by annual revenue, and with only (industry, region) PostgreSQL reads and sorts every matching row (up to ~86,000, ~190 ms), so the list benchmark would measure PostgreSQL alone. Declaring \`["industry", "region", "annualRevenue"]\` in customer's \`x-entity.indexes\` creates the same index.\n` : ''}
${Object.entries(report.operations)
  .map(([op, what]) => `- **${OPS[op].title}**: ${what}`)
  .join('\n')}

The hand-written server (\`bench/hand-written-server.mjs\`) is express 5 + pg (Pool of 10, the engine's pool size too) with one hand-written, parameterized SQL statement per operation on the same tables: the practical limit of this stack. Before measuring, the runner checks that both servers return the same rows for the list queries and 201/200/409/404 where expected.

Every server and the load generator is its own Node process; autocannon runs in a separate process from the runner (\`bench/lib/load.mjs\`). On a ${m.cpus}-core machine the server, PostgreSQL and autocannon compete for the same cores, so absolute figures are lower than on a dedicated setup; both servers run under the same conditions, which is what the ratio relies on.

## Machine

- ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB RAM
- Node ${m.node}
- ${m.postgres} on 127.0.0.1 (shared_buffers ${m.sharedBuffers}, synchronous_commit ${m.synchronousCommit})
- engine at commit ${m.commit} (engine/dist built ${m.engineBuilt}${opts['engine-url'] ? `; measured the engine running at ${opts['engine-url']}` : ''})
`;
}
