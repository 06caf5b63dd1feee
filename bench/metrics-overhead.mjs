#!/usr/bin/env node
// What observing requests costs the engine (docs/operations.md): three engines on the seeded benchmark
// database, one without metrics (LOG_LEVEL=warn, as bench/run.mjs runs it), one with LODESTAR_METRICS=1, one
// with metrics and the per-request log line (LOG_LEVEL=info). Per round each gets a warm-up and a measured
// autocannon run of GET /api/v1/records/customer/{id}, in turn; reported: requests/s and the engine
// process's CPU per request (from /proc, steadier than requests/s on a shared machine), medians of the rounds.
//   node bench/seed.mjs first;  node bench/metrics-overhead.mjs [--rounds 3] [--duration 8] [--connections 16]
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { DATABASE_URL, engineServerOptions, freePort, log, loginAs, processTicks, startServer } from './lib/common.mjs';

const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
  },
});
const CONFIGS = [
  { name: 'no metrics, LOG_LEVEL=warn', env: {} },
  { name: 'LODESTAR_METRICS=1', env: { LODESTAR_METRICS: '1' } },
  { name: 'metrics + request log (info)', env: { LODESTAR_METRICS: '1' }, logLevel: 'info' },
];

const db = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
const ids = (await db.query('select id from customer order by random() limit 5000')).rows.map((r) => r.id);
await db.end();

const engines = [];
for (const config of CONFIGS) {
  const options = engineServerOptions(await freePort(), config.env);
  if (config.logLevel) options.env.LOG_LEVEL = config.logLevel;
  const server = await startServer(options);
  engines.push({ ...config, server, token: await loginAs(server.url), runs: [] });
  log(`started: ${config.name}`);
}

const load = (engine, seconds) => {
  let n = 0;
  return autocannon({
    url: engine.server.url,
    connections: Number(opts.connections),
    duration: seconds,
    headers: { authorization: `Bearer ${engine.token}` },
    requests: [{ setupRequest: (req) => ({ ...req, path: `/api/v1/records/customer/${ids[n++ % ids.length]}` }) }],
  });
};

try {
  for (let round = 1; round <= Number(opts.rounds); round++) {
    for (const engine of round % 2 ? engines : [...engines].reverse()) {
      await load(engine, Number(opts.warmup));
      const before = processTicks(engine.server.child.pid);
      const result = await load(engine, Number(opts.duration));
      const ticks = processTicks(engine.server.child.pid) - before;
      const requests = result.requests.total;
      const run = { rps: result.requests.average, cpuUsPerRequest: (ticks * 10_000) / requests, non2xx: result.non2xx };
      engine.runs.push(run);
      log(`round ${round} ${engine.name}: ${run.rps.toFixed(0)} req/s, ${run.cpuUsPerRequest.toFixed(0)} µs CPU/req`);
    }
  }
} finally {
  for (const engine of engines) await engine.server.stop();
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('\n| engine | req/s (median) | CPU µs per request (median) |\n| --- | --- | --- |');
for (const e of engines)
  console.log(
    `| ${e.name} | ${median(e.runs.map((r) => r.rps)).toFixed(0)} | ${median(e.runs.map((r) => r.cpuUsPerRequest)).toFixed(0)} |`,
  );
