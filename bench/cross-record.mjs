#!/usr/bin/env node
// Transitions that reach across records, against plain ones, in the same run (issue 15, "Measure").
//   node bench/cross-record.mjs [--accounts 200] [--items 2000] [--connections 32] [--duration 10] [--rounds 5]
// Creates the database lodestar_bench_cross, starts the engine on bench/definitions/cross-record: four child
// entities of `account`, each with a TOGGLE event open ⇄ review and a setField action, differing only in
// what else the transition does:
//   plain   (plainItem)  nothing else: today's transition, one statement;
//   guard   (guardItem)  a `condition` guard over the account's roll-up (`account.guardItems >= 1`);
//   update  (updateItem) an `updateRecord` of the account (`paidTotal` ± amount, `lastPaidAt` = NOW());
//   both    (bothItem)   the guard and the updateRecord.
// Each round measures the four in turn (autocannon in its own process, bench/lib/load.mjs, op `event`).
// Afterwards: every account's paidTotal equals the amounts of its update/both items now in review (no lost
// update), and history holds one row per version bump. Writes bench/results-cross-record.json and the
// "Transitions across records" section of bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  BENCH_DIR,
  PG_BASE,
  engineServerOptions,
  fail,
  freePort,
  log,
  loginAs,
  startServer,
  withClient,
} from './lib/common.mjs';

const { values: opts } = parseArgs({
  options: {
    accounts: { type: 'string', default: '200' },
    items: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '32' },
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '5' },
  },
});
const KINDS = [
  { kind: 'plain', entity: 'plainItem', what: 'setField only' },
  { kind: 'guard', entity: 'guardItem', what: 'setField + condition guard over a roll-up of the parent' },
  { kind: 'update', entity: 'updateItem', what: 'setField + updateRecord of the parent' },
  { kind: 'both', entity: 'bothItem', what: 'setField + guard over a roll-up + updateRecord of the parent' },
];
const DB = 'lodestar_bench_cross';
const DATABASE_URL = `${PG_BASE}/${DB}`;

await withClient(`${PG_BASE}/postgres`, async (client) => {
  await client.query(`drop database if exists ${DB} with (force)`);
  await client.query(`create database ${DB}`);
});
const port = await freePort();
const engine = await startServer(
  engineServerOptions(port, { DATABASE_URL, LODESTAR_DEFINITIONS: join(BENCH_DIR, 'definitions/cross-record') }),
);
const headers = { 'content-type': 'application/json', authorization: `Bearer ${await loginAs(engine.url)}` };
const post = (entity, body) =>
  fetch(`${engine.url}/api/v1/records/${entity}`, { method: 'POST', headers, body: JSON.stringify(body) }).then(
    async (r) => (r.status === 201 ? r.json() : fail(`create ${entity}: ${r.status} ${await r.text()}`)),
  );
/** Creates `count` records, 50 requests at a time; `body(i)` gives each one's fields. */
const createMany = async (entity, count, body) => {
  const ids = [];
  for (let i = 0; i < count; i += 50)
    ids.push(
      ...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => post(entity, body(i + k))))).map(
        (r) => r.id,
      ),
    );
  return ids;
};
try {
  log(`creating ${opts.accounts} accounts and ${opts.items} items of each kind`);
  const accounts = await createMany('account', Number(opts.accounts), (i) => ({ name: `Account ${i}`, paidTotal: 0 }));
  const ids = {};
  for (const { entity } of KINDS)
    ids[entity] = await createMany(entity, Number(opts.items), (i) => ({
      name: `${entity} ${i}`,
      amount: 100 + (i % 50),
      account: accounts[i % accounts.length],
    }));
  const dir = mkdtempSync(join(tmpdir(), 'lodestar-cross-'));
  const load = (entity, duration) => {
    const spec = join(dir, 'spec.json');
    writeFileSync(
      spec,
      JSON.stringify({
        url: engine.url,
        op: 'event',
        connections: Number(opts.connections),
        duration,
        headers: { authorization: headers.authorization },
        data: { entity, event: 'TOGGLE', ids: ids[entity] },
      }),
    );
    return JSON.parse(
      execFileSync(process.execPath, [join(BENCH_DIR, 'lib/load.mjs'), spec], { encoding: 'utf8', maxBuffer: 1 << 26 }),
    );
  };
  log('warm-up 3 s per kind');
  for (const { entity } of KINDS) load(entity, 3);
  const runs = Object.fromEntries(KINDS.map((k) => [k.kind, []]));
  for (let round = 1; round <= Number(opts.rounds); round++) {
    // Alternate the order, so no kind always runs on the warmest (or most vacuum-worn) tables.
    const order = round % 2 ? KINDS : [...KINDS].reverse();
    for (const { kind, entity } of order) {
      const run = load(entity, Number(opts.duration));
      const bad = Object.entries(run.statusCounts).filter(([code]) => code !== '200');
      if (bad.length || run.errors)
        fail(`${kind}: non-200 answers ${JSON.stringify(run.statusCounts)}, ${run.errors} errors`);
      runs[kind].push(run);
      log(
        `round ${round} ${kind}: ${Math.round(run.requestsPerSecond)} transitions/s, p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms`,
      );
    }
  }
  rmSync(dir, { recursive: true, force: true });
  // Requests still in flight when a run ends complete after autocannon stops counting: let them finish, then
  // read everything in one statement (one snapshot), so history and versions are compared at the same moment.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const checks = await withClient(DATABASE_URL, async (client) => {
    const bumps = KINDS.map((k) => `select coalesce(sum(version - 1), 0) as n from "${k.entity}"`).join(' union all ');
    const { rows } = await client.query(
      `select (select count(*) from lodestar_history where event = 'TOGGLE')::int as history,
              (select sum(n) from (${bumps}) v)::int as bumps,
              (select coalesce(sum(version - 1), 0) from account)::int as "parentBumps",
              (select coalesce(json_agg(d), '[]') from (
                 select a.id, a."paidTotal", coalesce(s.total, 0) as expected from account a left join (
                   select account, sum(amount) as total from (
                     select account, amount from "updateItem" where state = 'review'
                     union all select account, amount from "bothItem" where state = 'review') x group by account) s
                 on s.account = a.id where a."paidTotal" is distinct from coalesce(s.total, 0)) d) as drift`,
    );
    return rows[0];
  });
  if (checks.drift.length) fail(`${checks.drift.length} accounts drifted, e.g. ${JSON.stringify(checks.drift[0])}`);
  if (checks.history !== checks.bumps)
    fail(`history holds ${checks.history} TOGGLE rows, the items moved ${checks.bumps} times`);
  log(
    `checks: no account drifted; ${checks.history} TOGGLE rows = item version bumps; ${checks.parentBumps} account updates`,
  );
  const median = (list) =>
    [...list].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(list.length / 2)];
  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: availableParallelism(), model: cpus()[0]?.model ?? 'unknown' },
    settings: {
      accounts: Number(opts.accounts),
      itemsPerKind: Number(opts.items),
      connections: Number(opts.connections),
      durationS: Number(opts.duration),
      rounds: Number(opts.rounds),
    },
    kinds: Object.fromEntries(
      KINDS.map(({ kind, entity, what }) => {
        const m = median(runs[kind]);
        return [
          kind,
          {
            entity,
            what,
            runs: runs[kind].map((r) => ({
              requestsPerSecond: Math.round(r.requestsPerSecond),
              p50Ms: r.latency.p50,
              p99Ms: r.latency.p99,
            })),
            median: { requestsPerSecond: Math.round(m.requestsPerSecond), p50Ms: m.latency.p50, p99Ms: m.latency.p99 },
          },
        ];
      }),
    ),
    checks: { accountsDrifted: 0, historyRows: checks.history, accountUpdates: checks.parentBumps },
  };
  writeFileSync(join(BENCH_DIR, 'results-cross-record.json'), JSON.stringify(result, null, 2) + '\n');
  writeSection(result);
  for (const { kind } of KINDS) {
    const m = result.kinds[kind].median;
    console.log(
      `${kind}: median ${m.requestsPerSecond} transitions/s, p99 ${m.p99Ms} ms (${ratio(result, kind)} of plain)`,
    );
  }
} finally {
  await engine.stop();
}

function ratio(result, kind) {
  return `${Math.round((100 * result.kinds[kind].median.requestsPerSecond) / result.kinds.plain.median.requestsPerSecond)}%`;
}

function writeSection(result) {
  const file = join(BENCH_DIR, 'RESULTS.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const s = result.settings;
  const section = [
    '<!-- cross-record -->',
    '## Transitions across records',
    '',
    `\`node bench/cross-record.mjs\`, ${result.measuredAt.slice(0, 10)}, ${result.machine.cpus} CPUs (${result.machine.model}), PostgreSQL, engine and load generator on the same machine.`,
    `Each request is \`POST /api/v1/records/{entity}/{id}/events\` with \`{"type":"TOGGLE"}\` to one of ${s.itemsPerKind.toLocaleString('en')} records of one kind, spread over ${s.accounts} parent accounts, from ${s.connections} connections, ${s.durationS} s per kind and round, the kinds in turn (${s.rounds} rounds, median shown). A guard over a roll-up reads the parent in the decision's statement; an updateRecord takes the locked path (a transaction holding the record's row lock, then the parent's), computes the new values in SQL over the locked parent and writes it through the records' own patch with its audit row. Afterwards no account's paid total differed from the amounts of its items in review, and history held one row per item version (${result.checks.historyRows.toLocaleString('en')}).`,
    '',
    '| kind | what the transition does | transitions/s | vs plain | p50 (ms) | p99 (ms) | rounds (transitions/s) |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...Object.entries(result.kinds).map(
      ([kind, k]) =>
        `| ${kind} | ${k.what} | ${k.median.requestsPerSecond} | ${ratio(result, kind)} | ${k.median.p50Ms} | ${k.median.p99Ms} | ${k.runs.map((r) => r.requestsPerSecond).join(', ')} |`,
    ),
    '',
    'The kinds share each round, so a machine busy with other work slows all four alike: compare the ratios, and the rounds column for how steady they were.',
    '<!-- /cross-record -->',
  ].join('\n');
  const marked = /<!-- cross-record -->[\s\S]*<!-- \/cross-record -->/;
  writeFileSync(file, marked.test(text) ? text.replace(marked, section) : `${text.trimEnd()}\n\n${section}\n`);
}
