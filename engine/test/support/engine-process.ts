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

/** Spawns `lodestar start` with `env` on top of this process's environment, output collected. */
export function spawnEngine(env: Record<string, string>, port = randomPort()): EngineProcess {
  const child = spawn(process.execPath, [CLI, 'start'], { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) } });
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
