#!/usr/bin/env node
// Issue 17, "Fast": `lodestar import` of 1,000,000 customers (15 columns, one relation resolved by key, one
// choice by its Chinese label) into PostgreSQL, end to end, against a hand-written COPY of the same file.
//   1. a fresh database (BENCH_DB, default lodestar_bench_import) migrated by the engine from the repo's definitions;
//   2. writes a GB18030 CSV (as Chinese Excel saves it) of --rows customers and a file of 1,000 parent groups;
//   3. imports the parents, then times `lodestar import customer <file> --record-type company` as its own
//      process, sampling its peak RSS (VmHWM) from /proc;
//   4. times two COPYs as limits: the same file (decoded to UTF-8) into a table of text columns (the bytes
//      alone), and the same rows already converted (ids, numbers, the parent's uuid) into `customer` itself,
//      with its indexes, keys and foreign keys, search documents computed beforehand (what the database must do
//      for these rows at the least);
//   5. prints the figures (with the load average and the import process's CPU seconds, since wall time on a
//      shared machine is noisy) and writes them to bench/results-import.json under `postgres` or `pglite`.
//   --pglite: the same on the embedded PGlite (a fresh data folder, no DATABASE_URL); the limits are PGlite's
//   own COPY … FROM '/dev/blob' of the same bytes, in this process once the import's process has ended.
//   node bench/import-1m.mjs [--rows 1000000] [--pglite] [--keep-files]
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import iconv from 'iconv-lite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BENCH_DIR, ENGINE_MAIN, PG_BASE, REPO_ROOT, fail, log, readEntity } from './lib/common.mjs';

const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    pglite: { type: 'boolean', default: false },
    'keep-files': { type: 'boolean', default: false },
  },
});
const LITE = opts.pglite;
const ROWS = Number(opts.rows);
const DB = process.env.BENCH_DB ?? 'lodestar_bench_import';
const DATABASE_URL = `${PG_BASE}/${DB}`;
const dir = mkdtempSync(join(tmpdir(), 'lodestar-bench-import-'));
const DATA_DIR = join(dir, 'data');
const CLK_TCK = 100;

const INDUSTRIES = ['制造业', '零售业', '批发业', '信息技术服务', '金融业', '交通物流', '建筑业', '能源'];
const LEVELS = ['重点客户', '重要客户', '普通客户', '小客户'];
const SOURCES = ['转介绍', '官网', '展会', '陌生拜访', '广告投放'];
const REGIONS = ['华东', '华北', '华南', '华中', '西北', '西南', '东北'];
const HEADERS = [
  '客户名称',
  '客户简称',
  '统一社会信用代码',
  '上级单位',
  '所属行业',
  '客户等级',
  '客户来源',
  '年营业额',
  '注册资本',
  '法定代表人',
  '所属区域',
  '省份',
  '城市',
  '详细地址',
  '联系电话',
];
const code = (prefix, i) => `9133${prefix}MA${String(i).padStart(8, '0')}`;

async function admin(sql) {
  const client = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Runs the CLI; answers its wall time in ms, its peak resident set in MB and its CPU seconds (user + system,
 * the last sample of /proc, taken every 100 ms).
 */
async function lodestar(args) {
  const started = performance.now();
  const { DATABASE_URL: _url, ...rest } = process.env;
  const env = LITE ? { ...rest, DATA_DIR } : { ...rest, DATABASE_URL };
  const child = spawn(process.execPath, [ENGINE_MAIN, '--dir', REPO_ROOT, ...args], {
    env: { ...env, LOG_LEVEL: 'warn', LANG: 'C' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  let peak = 0;
  let cpu = 0;
  const sample = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu = (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
    } catch {
      // the process has ended
    }
  }, 100);
  const [code] = await once(child, 'exit');
  clearInterval(sample);
  if (code !== 0) fail(`lodestar ${args.join(' ')} exited with ${code}:\n${out}`);
  return { ms: performance.now() - started, peakMb: Math.round(peak), cpuSeconds: +cpu.toFixed(1), out };
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** The database the limits are measured on: a node-postgres client, or the import's PGlite folder. */
async function openLimitDb() {
  if (!LITE) {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    return {
      query: async (sql) => (await client.query(sql)).rows,
      /** COPY of a UTF-8 byte stream; the GB18030 file is decoded on the way, as the import decodes it. */
      copy: (sql, path, gb) =>
        pipeline(
          ...[createReadStream(path), ...(gb ? [iconv.decodeStream('gb18030')] : []), client.query(copyFrom(sql))],
        ),
      end: () => client.end(),
    };
  }
  const { PGLITE_EXTENSIONS } = await import(join(REPO_ROOT, 'engine/dist/db/pglite-extensions.js'));
  const lite = new PGlite({ dataDir: join(DATA_DIR, 'pg'), extensions: PGLITE_EXTENSIONS });
  return {
    query: async (sql) => (await lite.query(sql)).rows,
    copy: async (sql, path, gb) => {
      const bytes = readFileSync(path);
      const text = gb ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8');
      await lite.query(sql.replace('from stdin', `from '/dev/blob'`), [], { blob: new Blob([text]) });
    },
    end: () => lite.close(),
  };
}

async function writeCsv(path, rows, line) {
  const out = createWriteStream(path);
  const write = (text) => (out.write(iconv.encode(text, 'gb18030')) ? undefined : once(out, 'drain'));
  await write(`${HEADERS.join(',')}\r\n`);
  for (let i = 0; i < rows; i++) {
    const wait = write(`${line(i).join(',')}\r\n`);
    if (wait) await wait;
  }
  out.end();
  await once(out, 'finish');
}

const customerLine = (parents) => (i) => [
  `测试客户${i}有限公司`,
  `客户${i}`,
  code('0100', i),
  code('0999', i % parents),
  INDUSTRIES[i % INDUSTRIES.length],
  LEVELS[i % LEVELS.length],
  SOURCES[i % SOURCES.length],
  `"￥${(i % 997) + 1},${String(i % 1000).padStart(3, '0')}.50"`,
  String((i % 50) * 10000),
  `法人${i % 1000}`,
  REGIONS[i % REGIONS.length],
  '浙江省',
  '杭州市',
  `西湖区文三路${i}号`,
  `0571-8${String(i % 10_000_000).padStart(7, '0')}`,
];

try {
  if (!LITE) {
    log(`fresh database ${DB}`);
    await admin(`drop database if exists ${DB} with (force)`);
    await admin(`create database ${DB}`);
  } else log(`fresh PGlite folder ${DATA_DIR}`);
  await lodestar(['migrate']);
  const parents = 1000;
  const parentFile = join(dir, 'parents.csv');
  await writeCsv(parentFile, parents, (i) => [
    `集团${i}`,
    '',
    code('0999', i),
    '',
    '制造业',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ]);
  await lodestar(['import', 'customer', parentFile, '--record-type', 'company']);
  const file = join(dir, 'customers.csv');
  log(`writing ${ROWS} customers to a GB18030 CSV`);
  await writeCsv(file, ROWS, customerLine(parents));

  log('lodestar import');
  const loadBefore = loadAverage();
  const engine = await lodestar(['import', 'customer', file, '--record-type', 'company', '--json']);
  const result = JSON.parse(engine.out.trim().split('\n').pop());
  if (result.created !== ROWS)
    fail(`imported ${result.created} of ${ROWS}: ${JSON.stringify(result.issues?.slice(0, 3))}`);

  log('hand-written COPY of the same file');
  const client = await openLimitDb();
  await client.query(`create table copy_limit (${HEADERS.map((_h, i) => `c${i} text`).join(', ')})`);
  const started = performance.now();
  await client.copy(`copy copy_limit from stdin with (format csv, header true)`, file, true);
  const copyMs = performance.now() - started;

  // The same rows as the import stores them, written by hand, COPY'd into the real table.
  const definition = readEntity('customer');
  const idOf = (field) =>
    new Map(Object.entries(definition.properties[field]['x-i18n'].enum).map(([id, label]) => [label.zh, id]));
  const [industry, level, source, region] = ['industry', 'level', 'source', 'region'].map(idOf);
  const parentIds = new Map(
    (await client.query(`select "unifiedSocialCreditCode" as code, id from customer where name like '集团%'`)).map(
      (r) => [r.code, r.id],
    ),
  );
  // The search document is part of a customer row: the limit sends it computed, as the engine's writers do
  // (before the clock starts), so the COPY times the table alone and not the trigger that fills a missing one.
  const engineDist = join(REPO_ROOT, 'engine/dist/search');
  const { searchSpecOf } = await import(join(engineDist, 'search-spec.js'));
  const { searchDocLiteral } = await import(join(engineDist, 'search-terms.js'));
  const spec = searchSpecOf(definition);
  const readings = new Map(
    (await client.query('select ch, syllable from lodestar_pinyin')).map((r) => [r.ch, r.syllable]),
  );
  const pinyinOf = (ch) => readings.get(ch);
  const converted = join(dir, 'converted.csv');
  const out = createWriteStream(converted);
  const columns = [
    'name',
    'shortName',
    'unifiedSocialCreditCode',
    'parent',
    'industry',
    'level',
    'source',
    'annualRevenue',
    'registeredCapital',
    'legalRepresentative',
    'region',
    'province',
    'city',
    'address',
    'phone',
    'record_type',
    'state',
    'search_doc',
  ];
  for (let i = 0; i < ROWS; i++) {
    const c = customerLine(parents)(i);
    const row = [
      c[0],
      c[1],
      c[2].replace('0100', '0101'),
      parentIds.get(c[3]),
      industry.get(c[4]),
      level.get(c[5]),
      source.get(c[6]),
      ((i % 997) + 1) * 1000 + (i % 1000) + 0.5,
      c[8],
      c[9],
      region.get(c[10]),
      c[11],
      c[12],
      c[13],
      c[14],
      'company',
      'prospect',
    ];
    const fields = Object.fromEntries(columns.slice(0, 15).map((name, n) => [name, row[n] ?? null]));
    row.push(searchDocLiteral(spec, fields, pinyinOf));
    if (!out.write(`${row.join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const startedTable = performance.now();
  const loadBeforeCopy = loadAverage();
  await client.copy(
    `copy customer (${columns.map((c) => `"${c}"`).join(', ')}) from stdin with (format csv)`,
    converted,
  );
  const copyTableMs = performance.now() - startedTable;
  await client.end();

  const figures = {
    database: LITE ? 'PGlite' : 'PostgreSQL',
    rows: ROWS,
    importSeconds: +(engine.ms / 1000).toFixed(1),
    importRowsPerSecond: Math.round(ROWS / (engine.ms / 1000)),
    importPeakRssMb: engine.peakMb,
    importCpuSeconds: engine.cpuSeconds,
    loadAverageBeforeImport: loadBefore,
    copySeconds: +(copyMs / 1000).toFixed(1),
    copyRowsPerSecond: Math.round(ROWS / (copyMs / 1000)),
    ratio: +(copyMs / engine.ms).toFixed(2),
    copyIntoTableSeconds: +(copyTableMs / 1000).toFixed(1),
    copyIntoTableRowsPerSecond: Math.round(ROWS / (copyTableMs / 1000)),
    ratioToTableCopy: +(copyTableMs / engine.ms).toFixed(2),
    loadAverageBeforeTableCopy: loadBeforeCopy,
    loadAverage: loadAverage(),
  };
  console.log(JSON.stringify(figures, null, 2));
  // One file for both databases: each run replaces its own database's figures.
  const resultsFile = join(BENCH_DIR, 'results-import.json');
  let results = {};
  try {
    results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    // no results yet
  }
  if (!results.postgres) results = {};
  results[LITE ? 'pglite' : 'postgres'] = figures;
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
} finally {
  if (!opts['keep-files']) rmSync(dir, { recursive: true, force: true });
}
