#!/usr/bin/env node
// The engine's own CPU time per request of one list URL, beside the hand-written quotes server's: a figure that
// stays meaningful on a busy machine, where req/s swing with other work. Uses a database seeded by quotes-1m.mjs.
//   node bench/cpu-per-request.mjs [--requests 3000] [--connections 8] [--profile DIR]
//   BENCH_DB picks the database (default lodestar_bench_quotes); BENCH_ENGINE_MAIN another engine build.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  BENCH_DIR,
  PG_BASE,
  engineServerOptions,
  freePort,
  log,
  loginAs,
  processTicks,
  startServer,
} from './lib/common.mjs';

const { values: opts } = parseArgs({
  options: {
    requests: { type: 'string', default: '3000' },
    connections: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    profile: { type: 'string' },
  },
});
const DB = process.env.BENCH_DB ?? 'lodestar_bench_quotes';
const URL_DB = `${PG_BASE}/${DB}`;
const DEFINITIONS = join(BENCH_DIR, 'definitions/quotes-1m');
const TICKS_PER_MS = 100 / 1000;

const db = new pg.Client({ connectionString: URL_DB });
await db.connect();
const nets = (await db.query(`select net from quote tablesample system (5) where net is not null limit 100`)).rows.map(
  (r) => Number(r.net),
);
await db.end();
const paths = nets.map((x) => `/api/v1/records/quote?sort=-total&filter[net][gt]=${x}&limit=50`);

const engine = await startServer({
  ...engineServerOptions(await freePort(), { DATABASE_URL: URL_DB, LODESTAR_DEFINITIONS: DEFINITIONS }),
  nodeArgs: opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${opts.profile}`] : [],
});
const hand = await startServer({
  name: 'hand-written',
  args: [join(BENCH_DIR, 'quotes-1m.mjs'), '--hand-server'],
  port: await freePort(),
  env: { DATABASE_URL: URL_DB },
});
const token = await loginAs(engine.url);

async function cpuPerRequest(server) {
  let n = 0;
  const run = (amount) =>
    autocannon({
      url: server.url,
      connections: Number(opts.connections),
      amount,
      requests: [
        {
          method: 'GET',
          headers: { authorization: `Bearer ${token}` },
          setupRequest: (request) => ({ ...request, path: paths[n++ % paths.length] }),
        },
      ],
    });
  await run(500);
  const before = processTicks(server.child.pid);
  const result = await run(Number(opts.requests));
  const ticks = processTicks(server.child.pid) - before;
  if (result.non2xx || result.errors)
    throw new Error(`${server.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return ticks / TICKS_PER_MS / result.requests.total;
}

try {
  for (let round = 1; round <= Number(opts.rounds); round++) {
    const e = await cpuPerRequest(engine);
    const h = await cpuPerRequest(hand);
    log(
      `round ${round}: engine ${e.toFixed(3)} ms CPU/request, hand-written ${h.toFixed(3)} ms (${Math.round((h / e) * 100)}%)`,
    );
  }
} finally {
  await engine.stop();
  await hand.stop();
}
