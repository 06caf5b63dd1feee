import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

export const CLI = join(REPO_ROOT, 'engine/dist/cli/main.js');

/** An engine running as its own process, the way `lodestar start` runs in production. */
export interface EngineProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number>;
  output(): string;
}

/** A free-looking port for a child engine (random in a range tests use for nothing else). */
export function randomPort(): number {
  return 30_000 + Math.floor(Math.random() * 20_000);
}

/** The first admin every spawned engine creates on an empty database (the unattended-install variables). */
export const PROCESS_ADMIN = { email: 'ops@lodestar.test', password: 'process admin password' };

/** Spawns `lodestar start [args]` with `env` on top of this process's environment, output collected. */
export function spawnEngine(env: Record<string, string>, port = randomPort(), args: string[] = []): EngineProcess {
  const admin = { LODESTAR_ADMIN_EMAIL: PROCESS_ADMIN.email, LODESTAR_ADMIN_PASSWORD: PROCESS_ADMIN.password };
  const child = spawn(process.execPath, [CLI, 'start', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...admin, ...env, PORT: String(port) },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, url: `http://localhost:${port}`, exited, output: () => output };
}

/** Resolves once the engine answers its health check. */
export async function waitForHealth(url: string, deadline = Date.now() + 60_000): Promise<Response> {
  for (;;) {
    try {
      return await fetch(`${url}/api/v1/health`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Logs in as the process admin and answers the bearer token. */
export async function loginAdmin(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(PROCESS_ADMIN),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
