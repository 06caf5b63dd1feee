#!/usr/bin/env node
// Issue 18 item 1: global search on 1,000,000 customers and 200,000 contacts.
//   1. a fresh database (BENCH_DB, default lodestar_bench_search) published by the engine with the default
//      template, whose customer and contact declare x-entity.search (a tsvector per row, GIN over owner + document);
//   2. two teams of 10 owners each (team A holds the salesperson measured and the sales manager's team), the
//      records generated in SQL (INSERT … SELECT generate_series: Chinese company names from regions,
//      trades and suffixes, some with English words; contacts named from common surnames and given names
//      with mobiles and emails), owners spread over the 20 users, then VACUUM ANALYZE;
//   3. GET /api/v1/search?q=…&limit=5 one request at a time, for an admin, a salesperson (own records) and
//      team A's sales manager (team), each term --repeat times after one warm-up pass: 2-character Chinese
//      terms and English words; p50/p95 per user and kind of term;
//   4. writes bench/results-search.json and the `<!-- search -->` section of bench/RESULTS.md.
//   node bench/search.mjs [--customers 1000000] [--contacts 200000] [--repeat 20] [--reuse]
import { writeFileSync } from 'node:fs';
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
  startServer,
  writeMarkedSection,
} from './lib/common.mjs';

const { values: opts } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    contacts: { type: 'string', default: '200000' },
    repeat: { type: 'string', default: '20' },
    reuse: { type: 'boolean', default: false },
  },
});
const DB = process.env.BENCH_DB ?? 'lodestar_bench_search';
const URL_DB = `${PG_BASE}/${DB}`;
const PASSWORD = 'search bench password';
const CHINESE = ['科技', '华东', '贸易', '物流', '医药', '上海', '张伟', '王芳'];
const ENGLISH = ['acme', 'global', 'trading', 'tech'];
const TARGET_P95_MS = 50;

const customers = Number(opts.customers);
const contacts = Number(opts.contacts);
const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
await admin.connect();
const exists = (await admin.query('select 1 from pg_database where datname = $1', [DB])).rowCount > 0;
const reuse = opts.reuse && exists;
if (!reuse) {
  await admin.query(`drop database if exists ${DB}`);
  await admin.query(`create database ${DB}`);
}
await admin.end();

const port = await freePort();
const engine = await startServer(engineServerOptions(port, { DATABASE_URL: URL_DB }));
const db = new pg.Client({ connectionString: URL_DB });
await db.connect();
try {
  const token = await loginAs(engine.url);
  const call = async (method, path, body, as = token) => {
    const res = await fetch(`${engine.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${as}`, ...(body && { 'content-type': 'application/json' }) },
      ...(body && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const people = reuse ? await readPeople() : await makePeople(call);
  if (!reuse) await seed(people);
  const users = {
    admin: token,
    salesperson: await loginAs(engine.url, { email: people.salesperson, password: PASSWORD }),
    manager: await loginAs(engine.url, { email: people.manager, password: PASSWORD }),
  };
  const results = {};
  for (const [user, as] of Object.entries(users)) {
    results[user] = {};
    for (const [kind, terms] of [
      ['chinese', CHINESE],
      ['english', ENGLISH],
    ]) {
      const times = [];
      let hits = 0;
      for (let pass = 0; pass <= Number(opts.repeat); pass++) {
        for (const q of terms) {
          const started = performance.now();
          const res = await call('GET', `/search?q=${encodeURIComponent(q)}&limit=5`, undefined, as);
          const ms = performance.now() - started;
          if (res.status !== 200) fail(`search ${q} as ${user} answered ${res.status}: ${JSON.stringify(res.body)}`);
          if (pass === 0) continue; // warm-up
          times.push(ms);
          hits += res.body.groups.reduce((n, g) => n + g.hits.length, 0);
        }
      }
      times.sort((a, b) => a - b);
      const at = (p) => Number(times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1));
      results[user][kind] = {
        requests: times.length,
        p50Ms: at(0.5),
        p95Ms: at(0.95),
        hitsPerRequest: hits / times.length,
      };
      log(`${user.padEnd(11)} ${kind.padEnd(7)} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  (${times.length} requests)`);
    }
  }
  const explain = await db.query(
    `explain (analyze, buffers) select t.id from customer as t where t.search_doc @@ $1::tsquery limit 10`,
    ["('a_科技' | 'b_科技' | 'c_科技' | 'd_科技' | 'e_科技' | 'f_科技' | 'g_科技')"],
  );
  const summary = {
    at: new Date().toISOString(),
    customers,
    contacts,
    machine: { cpus: cpus().length, loadAverage: loadavg().map((n) => Number(n.toFixed(1))) },
    targetP95Ms: TARGET_P95_MS,
    chineseTerms: CHINESE,
    englishTerms: ENGLISH,
    results,
    explainTitleScan: explain.rows.map((r) => r['QUERY PLAN']),
  };
  writeFileSync(join(BENCH_DIR, 'results-search.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeMarkedSection(join(BENCH_DIR, 'RESULTS.md'), 'search', render(summary));
  log('wrote bench/results-search.json and the search section of bench/RESULTS.md');
} finally {
  await db.end();
  await engine.stop();
}

async function makePeople(call) {
  const unit = async (name, parentId) => {
    const res = await call('POST', '/admin/org-units', { name, ...(parentId && { parentId }) });
    if (res.status !== 201) fail(`org unit ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const sales = await unit('销售部');
  const teams = [await unit('华东组', sales), await unit('华南组', sales)];
  const owners = [];
  for (const [t, team] of teams.entries()) {
    for (let i = 0; i < 10; i++) {
      const email = `seller${t}-${i}@bench.test`;
      const res = await call('POST', '/admin/users', {
        email,
        password: PASSWORD,
        displayName: `销售${t}-${i}`,
        roles: ['salesperson'],
        orgUnitId: team,
      });
      if (res.status !== 201) fail(`user ${email}: ${res.status} ${JSON.stringify(res.body)}`);
      owners.push(res.body.id);
    }
  }
  const manager = 'manager@bench.test';
  const res = await call('POST', '/admin/users', {
    email: manager,
    password: PASSWORD,
    displayName: '华东经理',
    roles: ['salesManager'],
    orgUnitId: teams[0],
  });
  if (res.status !== 201) fail(`manager: ${res.status} ${JSON.stringify(res.body)}`);
  // Bench users sign in with the password they were given.
  await db.query(`update lodestar_users set must_change_password = false where email like '%@bench.test'`);
  return { owners, salesperson: 'seller0-0@bench.test', manager };
}

async function readPeople() {
  const { rows } = await db.query(`select id from lodestar_users where email like 'seller%@bench.test' order by email`);
  return { owners: rows.map((r) => r.id), salesperson: 'seller0-0@bench.test', manager: 'manager@bench.test' };
}

async function seed({ owners }) {
  const started = Date.now();
  const arr = (values) => `array[${values.map((v) => `'${v}'`).join(',')}]`;
  const regions = arr(['华东', '华南', '华北', '西南', '东北', '上海', '北京', '深圳', '杭州', '苏州', '成都', '武汉']);
  const trades = arr(['科技', '贸易', '制造', '物流', '医药', '电子', '软件', '能源', '材料', '食品', '建筑', '纺织']);
  const suffixes = arr(['有限公司', '集团', '股份有限公司', '实业有限公司']);
  const english = arr(['Acme', 'Global', 'Trading', 'Tech', 'Pacific', 'United', 'Star', 'Bright']);
  const surnames = arr(['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴']);
  const given = arr(['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '勇', '军', '杰', '涛']);
  const ownerArray = `array[${owners.map((id) => `'${id}'::uuid`).join(',')}]`;
  const pick = (array, expr) => `(${array})[1 + (${expr}) % cardinality(${array})]`;
  await db.query(`
    insert into customer (record_type, name, industry, owner_id, phone, city, "legalRepresentative")
    select 'company',
           case when i % 5 = 0 then ${pick(english, 'i / 5')} || ' ' || ${pick(trades, 'i / 7')} || ' ' || i
                else ${pick(regions, 'i')} || ${pick(trades, 'i / 12')} || i || ${pick(suffixes, 'i / 144')} end,
           'manufacturing',
           ${pick(ownerArray, 'i')},
           '0' || (20 + i % 80) || '-' || lpad((i::bigint * 7919 % 100000000)::text, 8, '0'),
           ${pick(regions, 'i / 3')},
           ${pick(surnames, 'i / 11')} || ${pick(given, 'i / 13')}
      from generate_series(1, ${customers}) as i`);
  log(`${customers} customers in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const at = Date.now();
  await db.query(`
    insert into contact (name, customer, owner_id, mobile, email)
    select ${pick(surnames, 'i')} || ${pick(given, 'i / 10')} || case when i % 3 = 0 then ${pick(given, 'i / 7')} else '' end,
           c.id, c.owner_id,
           '1' || (30 + i % 60) || lpad((i::bigint * 104729 % 100000000)::text, 8, '0'),
           'user' || i || '@' || lower(${pick(english, 'i / 3')}) || '.com'
      from generate_series(1, ${contacts}) as i
      join (select id, owner_id, row_number() over () as n from customer) c on c.n = 1 + (i * 5) % ${customers}`);
  log(`${contacts} contacts in ${((Date.now() - at) / 1000).toFixed(0)} s`);
  await db.query('vacuum analyze customer');
  await db.query('vacuum analyze contact');
}

function render(s) {
  const rows = Object.entries(s.results).flatMap(([user, kinds]) =>
    Object.entries(kinds).map(
      ([kind, r]) => `| ${user} | ${kind} | ${r.requests} | ${r.p50Ms} | ${r.p95Ms} | ${r.hitsPerRequest.toFixed(1)} |`,
    ),
  );
  return `## Global search (bench/search.mjs)

${s.customers.toLocaleString('en')} customers and ${s.contacts.toLocaleString('en')} contacts, default template (x-entity.search:
a tsvector of field-tagged bigrams, words, phone digit suffixes and pinyin, GIN-indexed over owner and document),
\`GET /api/v1/search?limit=5\`
one request at a time, after one warm-up pass. Chinese terms: ${s.chineseTerms.join(' ')}; English: ${s.englishTerms.join(' ')}.
Target p95 < ${s.targetP95Ms} ms. ${s.machine.cpus} cores, load average ${s.machine.loadAverage.join(' / ')} (shared with other work).

| user | terms | requests | p50 ms | p95 ms | hits per answer |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

How the statements run (engine/src/search/run-search.ts): the search index only (sequential and plain index scans
off), so a prefix term's unknown selectivity cannot send the planner down the owner index or the table. An own
scope is intersected with the term inside the GIN index (owner_id is its first column); a team scope is a filter
over the term's matches (a GIN scan with \`= any(…)\` runs once per member). Reading these figures: the statements
alone take a few ms to ≈ 50 ms (EXPLAIN ANALYZE in engine commits), so a p95 over 50 ms on a machine this busy
is mostly waiting for a core; the salesperson's search of a term they have no match for went from ≈ 570 ms to
≈ 46 ms with the owner in the index. What remains slow is a manager's search of a term their team has few
matches for: the filter reads the term's other matches (25,000 for acme here) before it gives up.
`;
}
