#!/usr/bin/env node
// Issue 20 point 3: the record's history tab and the funnel report over a large, month-partitioned history.
//   1. a fresh database (BENCH_DB, default lodestar_bench_history) prepared by the engine (migration 028:
//      lodestar_history partitioned by month); the converted, nearly empty "everything before next month"
//      partition is replaced by one partition per month for the last --months months (created first);
//   2. one customer and one opportunity through the API, cloned in SQL to --records opportunities in every
//      stage of opportunity-sales;
//   3. --rows history rows spread evenly over the months and the records, server-side (INSERT … SELECT
//      generate_series, one month partition at a time, with its indexes in place), then ANALYZE;
//   4. p50/p95 of GET /api/v1/records/opportunity/<id>/history for --samples random records (one request at
//      a time, each record's rows spread over every month) and of the funnel report
//      GET /api/v1/reports/opportunity-sales/funnel (--funnel-samples requests);
//   writes bench/results-history.json.
//   node bench/history-50m.mjs [--rows 50000000] [--records 100000] [--months 24] [--samples 300] [--funnel-samples 10]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  BENCH_DIR,
  PG_BASE,
  enumOf,
  engineServerOptions,
  fail,
  freePort,
  log,
  loginAs,
  readEntity,
  startServer,
} from './lib/common.mjs';

const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000000' },
    records: { type: 'string', default: '100000' },
    months: { type: 'string', default: '24' },
    samples: { type: 'string', default: '300' },
    'funnel-samples': { type: 'string', default: '10' },
  },
});
const ROWS = Number(opts.rows);
const RECORDS = Number(opts.records);
const MONTHS = Number(opts.months);
const DB = process.env.BENCH_DB ?? 'lodestar_bench_history';
const URL_DB = `${PG_BASE}/${DB}`;
const STATES = [
  'initialContact',
  'interestShown',
  'meetingDecisionMakers',
  'needsIdentified',
  'solutionProposed',
  'demonstration',
  'proposalRevised',
  'verbalCommitment',
  'contractNegotiation',
  'contractSigned',
  'lost',
];

const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
await admin.connect();
await admin.query(`drop database if exists ${DB} with (force)`);
await admin.query(`create database ${DB}`);
await admin.end();

const port = await freePort();
const engine = await startServer(engineServerOptions(port, { DATABASE_URL: URL_DB }));
const url = `http://127.0.0.1:${port}`;
const results = {
  machine: { cores: (await import('node:os')).cpus().length },
  rows: ROWS,
  records: RECORDS,
  months: MONTHS,
};
const db = new pg.Client({ connectionString: URL_DB });
await db.connect();
try {
  const token = await loginAs(url);
  const api = async (method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 300) fail(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
  const customerDef = readEntity('customer');
  const customer = await api('POST', '/api/v1/records/customer', {
    record_type: 'company',
    name: '历史基准客户',
    industry: enumOf(customerDef, 'industry')[0],
    region: enumOf(customerDef, 'region')[0],
    city: '杭州',
  });
  const opportunity = await api('POST', '/api/v1/records/opportunity', { name: '历史基准商机', customer: customer.id });

  // Month partitions for the whole period, instead of the converted table's "everything before next month".
  const parts = (
    await db.query(
      `select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'lodestar_history'::regclass and c.relname like 'lodestar_history_upto_%'`,
    )
  ).rows;
  await db.query('begin');
  await db.query('create temp table kept_history as select * from lodestar_history');
  for (const { relname } of parts) {
    await db.query(`alter table lodestar_history detach partition ${relname}`);
    await db.query(`drop table ${relname}`);
  }
  await db.query('commit');
  const monthStart = (offset) => {
    const now = new Date();
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
    return d.toISOString().slice(0, 10);
  };
  for (let m = -(MONTHS - 1); m <= 0; m++) {
    const name = `lodestar_history_p${monthStart(m).slice(0, 7).replace('-', '')}`;
    await db.query(
      `create table if not exists ${name} partition of lodestar_history
         for values from ('${monthStart(m)} 00:00:00+00') to ('${monthStart(m + 1)} 00:00:00+00')`,
    );
  }
  await db.query('insert into lodestar_history select * from kept_history');

  log(`cloning the opportunity into ${RECORDS.toLocaleString('en')} records`);
  const columns = (
    await db.query(
      `select column_name from information_schema.columns where table_name = 'opportunity' and table_schema = current_schema()
        and is_generated = 'NEVER' order by ordinal_position`,
    )
  ).rows.map((r) => r.column_name);
  const override = {
    id: 'gen_random_uuid()',
    name: `'历史基准商机 ' || g`,
    state: `(array[${STATES.map((s) => `'${s}'`).join(',')}])[1 + g % ${STATES.length}]`,
    created_at: `now() - (g % ${MONTHS * 30}) * interval '1 day'`,
  };
  const select = columns.map((c) => override[c] ?? `t."${c}"`).join(', ');
  let t = performance.now();
  await db.query(
    `insert into opportunity (${columns.map((c) => `"${c}"`).join(', ')})
     select ${select} from opportunity t, generate_series(2, ${RECORDS}) g where t.id = $1`,
    [opportunity.id],
  );
  await db.query(`create table bench_ids as select row_number() over () - 1 as n, id from opportunity`);
  await db.query(`alter table bench_ids add primary key (n)`);
  results.recordsSeconds = Math.round((performance.now() - t) / 100) / 10;

  log(`filling ${ROWS.toLocaleString('en')} history rows over ${MONTHS} months`);
  const perMonth = Math.ceil(ROWS / MONTHS);
  const started = performance.now();
  for (let i = 0; i < MONTHS; i++) {
    const m = -(MONTHS - 1) + i;
    t = performance.now();
    await db.query(
      `insert into lodestar_history (entity, record_id, workflow, from_state, to_state, event, model_version, at)
       select 'opportunity', b.id, 'opportunity-sales', s.states[1 + (g / ${RECORDS})::int % 10], s.states[2 + (g / ${RECORDS})::int % 10],
              'next', 1, $1::timestamptz + (g::float8 / ${perMonth}) * ($2::timestamptz - $1::timestamptz)
         from generate_series(0, ${perMonth - 1}) g
         join bench_ids b on b.n = g % ${RECORDS}
         cross join (select array[${STATES.map((s) => `'${s}'`).join(',')}] as states) s`,
      [`${monthStart(m)} 00:00:00+00`, `${monthStart(m + 1)} 00:00:00+00`],
    );
    const secs = (performance.now() - t) / 1000;
    log(
      `  month ${i + 1}/${MONTHS}: ${perMonth.toLocaleString('en')} rows in ${secs.toFixed(1)} s (${Math.round(perMonth / secs).toLocaleString('en')} rows/s)`,
    );
  }
  results.fillSeconds = Math.round((performance.now() - started) / 100) / 10;
  t = performance.now();
  await db.query('analyze lodestar_history');
  await db.query('analyze opportunity');
  results.analyzeSeconds = Math.round((performance.now() - t) / 100) / 10;
  results.historyRows = Number((await db.query(`select count(*) from lodestar_history`)).rows[0].count);
  results.historySize = (
    await db.query(
      `select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) as s from pg_inherits where inhparent = 'lodestar_history'::regclass`,
    )
  ).rows[0].s;

  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const measure = async (paths) => {
    const ms = [];
    for (const path of paths) {
      const s = performance.now();
      await api('GET', path);
      ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    return {
      requests: ms.length,
      p50Ms: Math.round(percentile(ms, 50) * 10) / 10,
      p95Ms: Math.round(percentile(ms, 95) * 10) / 10,
    };
  };
  const sampleIds = (
    await db.query(`select id from bench_ids order by random() limit $1`, [Number(opts.samples)])
  ).rows.map((r) => r.id);
  const first = await api('GET', `/api/v1/records/opportunity/${sampleIds[0]}/history`);
  results.historyRowsOfARecord = first.data.length;
  // The history tab's statement (runtime/history-repo.ts readHistory): one index probe per month partition.
  const plan = (
    await db.query(
      `explain (analyze, buffers, format json) select * from lodestar_history where entity = 'opportunity' and record_id = $1 order by id`,
      [sampleIds[1]],
    )
  ).rows[0]['QUERY PLAN'][0];
  results.historyPlan = {
    partitionsScanned:
      JSON.stringify(plan).match(/"Index Scan"|"Index Only Scan"|"Bitmap Heap Scan"|"Seq Scan"/g)?.length ?? 0,
    seqScans: JSON.stringify(plan).match(/"Seq Scan"/g)?.length ?? 0,
    executionMs: plan['Execution Time'],
  };
  await measure(sampleIds.slice(0, 20).map((id) => `/api/v1/records/opportunity/${id}/history`)); // warm-up
  results.historyTab = await measure(sampleIds.map((id) => `/api/v1/records/opportunity/${id}/history`));
  log(`history tab: ${JSON.stringify(results.historyTab)}`);
  const funnelPath = '/api/v1/reports/opportunity-sales/funnel';
  await api('GET', funnelPath);
  results.funnel = await measure(Array.from({ length: Number(opts['funnel-samples']) }, () => funnelPath));
  log(`funnel: ${JSON.stringify(results.funnel)}`);
  // The same report over the records created in the last three months (the report's period filter).
  const periodPath = `${funnelPath}?from=${monthStart(-2)}&to=${new Date().toISOString().slice(0, 10)}`;
  await api('GET', periodPath);
  results.funnelLastThreeMonths = await measure(
    Array.from({ length: Number(opts['funnel-samples']) }, () => periodPath),
  );
  log(`funnel, last three months: ${JSON.stringify(results.funnelLastThreeMonths)}`);
  results.at = new Date().toISOString();
  writeFileSync(join(BENCH_DIR, 'results-history.json'), `${JSON.stringify(results, null, 2)}\n`);
  log('wrote bench/results-history.json');
} finally {
  await db.end();
  await engine.stop();
}
