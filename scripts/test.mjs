// `npm test`: install and build what is missing, check PostgreSQL, run every test, print "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import net from 'node:net';
import { runChecks } from './checks.mjs';
import { ensureBuilt, ensureEngineBuilt, ensureInstalled, root } from './ensure-built.mjs';

/**
 * What the tests need from Debian's packages, installed once on a fresh machine: chromium (with CJK fonts,
 * so Chinese screens render) for the browser tests, PgBouncer 1.18 for the pooled-connection test.
 */
const DEBIAN_NEEDS = [
  { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', packages: ['chromium', 'fonts-noto-cjk'] },
  { path: process.env.PGBOUNCER_PATH ?? '/usr/sbin/pgbouncer', packages: ['pgbouncer'] },
];

function ensureDebianPackages() {
  const packages = DEBIAN_NEEDS.filter((need) => !existsSync(need.path)).flatMap((need) => need.packages);
  if (!packages.length) return;
  console.log(`› installing Debian's ${packages.join(', ')} for the tests`);
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const apt = (...args) =>
    spawnSync(asRoot[0] ?? 'apt-get', [...asRoot.slice(1), ...(asRoot.length ? ['apt-get'] : []), ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  const install = () => apt('install', '-y', ...packages);
  if (install().status !== 0) {
    apt('update');
    if (install().status !== 0)
      console.warn(`! could not install ${packages.join(', ')}: the tests needing them will fail`);
  }
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 }, () => (socket.end(), resolve(true)));
    socket.on('error', () => resolve(false)).on('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** A step everything after it needs: when it fails, npm test ends with the plain summary line, not a stack. */
function orFail(step, failure) {
  try {
    step();
  } catch {
    console.log(`0 passed, 1 failed (${failure})`);
    process.exit(1);
  }
}

orFail(ensureInstalled, 'the dependencies do not install');
// The engine's type-check reads @lodestar/core's declarations, which the engine's build writes.
orFail(ensureEngineBuilt, 'the engine does not build');
// What people check comes first: a workspace that does not type-check (the tests included) or a lint error
// (style, hooks, the dependency rules of ARCHITECTURE.md) is a failed test, even if vitest would run.
const failures = await runChecks();
if (failures.length) {
  console.log(`0 passed, ${failures.length} failed (${failures.join('; ')})`);
  process.exit(1);
}
orFail(ensureBuilt, 'the apps do not build');
ensureDebianPackages();
const env = { ...process.env };
if (!(await reachable('127.0.0.1', 5432)) && !env.TEST_DATABASE_URL) {
  console.warn(
    '! PostgreSQL is not reachable on 127.0.0.1:5432: running the PostgreSQL suites on embedded PGlite instead.',
  );
  env.LODESTAR_TEST_DB = 'pglite';
}
const results = join(root, '.vitest-results.json');
rmSync(results, { force: true });
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}`,
  ...process.argv.slice(2),
];
const run = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env });
if (existsSync(results)) {
  const summary = JSON.parse(readFileSync(results, 'utf8'));
  console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
}
process.exit(run.status ?? 1);
