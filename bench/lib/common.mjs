// Shared by seed.mjs and run.mjs: configuration, the definitions on disk, starting and stopping servers.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = resolve(BENCH_DIR, '..');
export const ENGINE_MAIN = resolve(process.env.BENCH_ENGINE_MAIN ?? join(REPO_ROOT, 'engine/dist/cli/main.js'));

/** The admin connection (any database on the server) and the benchmark database. */
export const PG_BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const DB_NAME = process.env.BENCH_DB ?? 'lodestar_bench';
export const DATABASE_URL = `${PG_BASE}/${DB_NAME}`;
export const DEFINITIONS_DIR = process.env.LODESTAR_DEFINITIONS ?? REPO_ROOT;

export function log(message) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`\n[bench] FAILED: ${message}\n`);
  process.exit(1);
}

/** The entity definition `<id>.schema.json` of the definitions folder. */
export function readEntity(id) {
  const file = join(DEFINITIONS_DIR, 'schemas', `${id}.schema.json`);
  if (!existsSync(file)) fail(`${file} does not exist`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The enum values of a property (string enum or array of enum items); fails when the field is not an enum. */
export function enumOf(entity, field) {
  const property = entity.properties?.[field];
  const values = property?.enum ?? property?.items?.enum;
  if (!Array.isArray(values) || !values.length) fail(`${entity.$id}.${field} is not an enum field in the definitions`);
  return values;
}

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a Node server as a child process and waits until `healthPath` answers 200.
 * Keeps the last output lines for the error message when it dies or never becomes healthy.
 */
export async function startServer({
  name,
  args,
  env,
  port,
  healthPath = '/api/v1/health',
  timeoutMs = 120_000,
  nodeArgs = [],
}) {
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exitPromise = new Promise((r) => child.once('exit', (code, signal) => r((exited = { code, signal }))));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const res = await fetch(url + healthPath);
      if (res.ok) {
        await res.arrayBuffer();
        return { name, url, port, child, output, exited: () => exited, stop: () => stopChild(child, exitPromise) };
      }
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  if (!exited) await stopChild(child, exitPromise);
  const error = new Error(
    `${name} did not become healthy at ${url}${healthPath} (${exited ? `exited with ${exited.code ?? exited.signal}` : 'timed out'})\n` +
      output.join('').split('\n').slice(-40).join('\n'),
  );
  error.exited = exited;
  error.output = output.join('');
  throw error;
}

async function stopChild(child, exitPromise) {
  if (child.exitCode !== null || child.signalCode !== null) return exitPromise;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const result = await exitPromise;
  clearTimeout(timer);
  return result;
}

/** The administrator a benchmark engine creates on an empty installation, and logs in as. */
export const BENCH_ADMIN = { email: 'bench@lodestar.test', password: 'benchmark admin password' };

/** Logs in as the benchmark admin; the API needs a bearer token on every data route. */
export async function loginAs(url, { email, password } = BENCH_ADMIN) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) fail(`login at ${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()).token;
}

/** The engine CLI against the benchmark database. */
export function engineServerOptions(port, extraEnv = {}) {
  if (!existsSync(ENGINE_MAIN))
    fail(`${ENGINE_MAIN} does not exist: build the engine first (npx tsc -b at the repo root)`);
  // One engine process unless BENCH_ENGINE_WORKERS says otherwise ('default': the CLI's own default, and
  // the only choice for a build older than --workers): the comparisons are against one hand-written process.
  const workers = process.env.BENCH_ENGINE_WORKERS ?? '1';
  return {
    name: 'engine',
    args: [ENGINE_MAIN, 'start', ...(workers === 'default' ? [] : ['--workers', workers])],
    port,
    env: {
      DATABASE_URL,
      LOG_LEVEL: process.env.BENCH_ENGINE_LOG_LEVEL ?? 'warn',
      LODESTAR_DEFINITIONS: DEFINITIONS_DIR,
      LODESTAR_ADMIN_EMAIL: BENCH_ADMIN.email,
      LODESTAR_ADMIN_PASSWORD: BENCH_ADMIN.password,
      ...extraEnv,
    },
  };
}

/** numeric and bigint as numbers, dates as 'YYYY-MM-DD' text: the same JSON as the engine produces. */
export function configurePgTypes() {
  pg.types.setTypeParser(1700, (v) => Number(v));
  pg.types.setTypeParser(20, (v) => Number(v));
  pg.types.setTypeParser(1082, (v) => v);
}

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------- machine load
// (used by bench/run.mjs and bench/restricted.mjs)

/** CPU ticks of the whole machine (/proc/stat): busy, total, and task (user + nice + system). */
export function machineTicks() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = values[3] + values[4];
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total, task: values[0] + values[1] + values[2] };
}

/** utime + stime of a process, in clock ticks (100 per second). */
export function processTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** pid → command name, parent pid, own and reaped children's CPU ticks of every process. */
export function processSnapshot() {
  const procs = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(entry), {
        comm,
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
        childTicks: Number(fields[13]) + Number(fields[14]),
      });
    } catch {
      // exited meanwhile
    }
  }
  return procs;
}

/**
 * Waits (up to `maxMs`, or BENCH_QUIET_MAX_MS) until the machine is less than `busyPercent` busy over a second.
 * A shared machine that never quiets down can be measured anyway with a short wait; the runs then record the
 * other processes' CPU beside their figures.
 */
export async function waitForQuiet({
  busyPercent = 20,
  maxMs = Number(process.env.BENCH_QUIET_MAX_MS ?? 120_000),
} = {}) {
  const deadline = Date.now() + maxMs;
  let told = false;
  for (;;) {
    const start = machineTicks();
    await sleep(1000);
    const end = machineTicks();
    const busy = ((end.busy - start.busy) / (end.total - start.total)) * 100;
    if (busy < busyPercent) return;
    if (Date.now() > deadline) return log(`  the machine is still ${busy.toFixed(0)}% busy; measuring anyway`);
    if (!told) log(`  waiting for the machine to be idle (${busy.toFixed(0)}% busy)`);
    told = true;
  }
}

/** Replaces the `<!-- name -->…<!-- /name -->` section of a markdown file (appends it when absent). */
export function writeMarkedSection(file, name, body) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const section = `<!-- ${name} -->\n${body.trim()}\n<!-- /${name} -->`;
  const marked = new RegExp(`<!-- ${name} -->[\\s\\S]*<!-- \\/${name} -->`);
  writeFileSync(file, marked.test(text) ? text.replace(marked, () => section) : `${text.trimEnd()}\n\n${section}\n`);
}
