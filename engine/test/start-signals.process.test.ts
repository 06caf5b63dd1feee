import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_ADMIN, randomPort, waitForHealth } from './support/engine-process.js';
import { copyBuilt, freshCopy } from './support/fresh-copy.js';
import { REPO_ROOT } from './support/paths.js';

/*
 * Stopping `npm start` as a service manager or a terminal does: the server goes with it and frees its port.
 * Runs in a fresh copy of the repository (built, so `npm start` starts at once) on an embedded database.
 */
let copy: ReturnType<typeof freshCopy>;
// One embedded database for both runs: the second reopens it instead of creating one.
const dataDir = mkdtempSync(join(tmpdir(), 'lodestar-signals-'));
const pids: number[] = [];

beforeAll(() => {
  for (const app of ['engine/dist/cli/main.js', 'runtime-ui/dist/index.html', 'studio/dist/index.html']) {
    if (!existsSync(join(REPO_ROOT, app))) throw new Error(`${app} is missing: run \`npm run build\` first`);
  }
  copy = freshCopy();
  copyBuilt(copy.dir, ['engine/dist', 'runtime-ui/dist', 'studio/dist']);
});
afterAll(() => {
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  copy?.remove();
});

/** `command` in the copy, serving the embedded database; answers once the server is up, with its pids. */
async function launch(command: string, args: string[]) {
  const port = randomPort();
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'info',
    LODESTAR_ADMIN_EMAIL: PROCESS_ADMIN.email,
    LODESTAR_ADMIN_PASSWORD: PROCESS_ADMIN.password,
  };
  const child: ChildProcess = spawn(command, args, { cwd: copy.dir, env });
  pids.push(child.pid!);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://localhost:${port}`;
  await waitForHealth(url);
  // The server's own pid is in its log lines; the launcher (scripts/start.mjs) is its parent.
  const server = await until(() => Number(/"pid":(\d+)/.exec(output)?.[1]) || undefined);
  const launcher = parentOf(server);
  pids.push(server, launcher);
  return { child, url, server, launcher, exited, output: () => output };
}

describe('stopping npm start', () => {
  it('SIGTERM to npm ends the launcher and the server, and frees the port', async () => {
    const run = await launch('npm', ['start']);
    expect(readFileSync(`/proc/${run.launcher}/cmdline`, 'utf8')).toContain('scripts/start.mjs');
    run.child.kill('SIGTERM');
    await until(() => !alive(run.server) && !alive(run.launcher), 20_000);
    await expect(fetch(`${run.url}/api/v1/health`)).rejects.toThrow();
  });

  it('SIGTERM to the launcher stops the server cleanly and exits with it', async () => {
    const run = await launch(process.execPath, ['scripts/start.mjs']);
    expect(run.launcher).toBe(run.child.pid);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await until(() => !alive(run.server), 10_000);
    await expect(fetch(`${run.url}/api/v1/health`)).rejects.toThrow();
  });
});

/** Whether a process runs (a zombie waiting for its parent does not). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

async function until<T>(check: () => T | undefined | false, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
