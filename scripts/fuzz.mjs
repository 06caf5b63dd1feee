// `npm run fuzz -- --runs 50000 [--seed N]`: the long form of the API fuzzer that `npm test` runs
// bounded (engine/test/api-fuzz.api.test.ts). It starts its own engine on a fresh PostgreSQL database
// (PGlite when no server is reachable), prints progress and a summary, and exits non-zero on any finding.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { root } from './ensure-built.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '50000' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    concurrency: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: npm run fuzz -- [--runs N (default 50000)] [--seed N (default: random, printed)] [--concurrency N (default 1; above 1 requests meet each other, and a run is not replayable)]',
  );
  process.exit(0);
}
const runs = Number(values.runs);
const seed = Number(values.seed);
const concurrency = Number(values.concurrency);
if (
  !Number.isInteger(runs) ||
  runs < 1 ||
  !Number.isInteger(seed) ||
  !Number.isInteger(concurrency) ||
  concurrency < 1
) {
  console.error('--runs, --seed and --concurrency take whole numbers');
  process.exit(2);
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 }, () => (socket.end(), resolve(true)));
    socket.on('error', () => resolve(false)).on('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const env = { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), FUZZ_CONCURRENCY: String(concurrency) };
if (!(await reachable('127.0.0.1', 5432)) && !env.TEST_DATABASE_URL) {
  console.warn('! PostgreSQL is not reachable on 127.0.0.1:5432: fuzzing an engine on embedded PGlite instead.');
  env.LODESTAR_TEST_DB = 'pglite';
}
console.log(
  `› fuzzing the API with ${runs} generated requests, seed ${seed}, ${concurrency} operation(s) at a time${concurrency === 1 ? ` (replay with --seed ${seed} --runs ${runs})` : ''}`,
);
const run = spawnSync(
  'npx',
  ['vitest', 'run', 'engine/test/api-fuzz.api.test.ts', '--disableConsoleIntercept', '--reporter=dot'],
  { cwd: root, stdio: 'inherit', env },
);
process.exit(run.status ?? 1);
