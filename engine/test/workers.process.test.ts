import { execFileSync } from 'node:child_process';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin, PROCESS_ADMIN, spawnEngine, waitForHealth, type EngineProcess } from './support/engine-process.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';

/**
 * `lodestar start --workers 2` as an operator runs it: one primary, two engine processes on one port, and
 * nothing that only one of them knows — a revoked key, the login limit and a dead worker's place.
 */
let db: TestDb;
let engine: EngineProcess;
const LIMIT = 6;

const workerPids = (): number[] => {
  try {
    return execFileSync('ps', ['--ppid', String(engine.child.pid), '-o', 'pid='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((pid) => pid > 0);
  } catch {
    return [];
  }
};

function statusOnNewConnection(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(`${engine.url}${path}`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${engine.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  db = await createPostgresDb();
  engine = spawnEngine(
    { DATABASE_URL: db.url!, LODESTAR_LOGINS_PER_MINUTE: String(LIMIT), LOG_LEVEL: 'error' },
    undefined,
    ['--workers', '2'],
  );
  await waitForHealth(engine.url, Date.now() + 120_000);
}, 150_000);

afterAll(async () => {
  if (engine && engine.child.exitCode === null) {
    engine.child.kill('SIGTERM');
    await engine.exited;
  }
  await db?.drop();
});

describe('lodestar start --workers 2', () => {
  it('serves from two engine processes on one port', async () => {
    expect(engine.output()).toMatch(/2 engine processes|2 个引擎进程/);
    expect(await until('two workers', () => (workerPids().length === 2 ? true : undefined))).toBe(true);
    const token = await loginAdmin(engine.url);
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        fetch(`${engine.url}/api/v1/records/customer`, { headers: { authorization: `Bearer ${token}` } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
  });

  it('refuses a revoked API key in every worker', async () => {
    const token = await loginAdmin(engine.url);
    const created = await fetch(`${engine.url}/api/v1/auth/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ERP' }),
    });
    const key = (await created.json()) as { id: string; key: string };
    const burst = async () =>
      (
        await Promise.all(
          Array.from({ length: 12 }, () =>
            fetch(`${engine.url}/api/v1/records/customer`, { headers: { authorization: `Bearer ${key.key}` } }),
          ),
        )
      ).map((a) => a.status);
    // Both workers have now seen (and remembered) the key.
    expect(await burst()).toEqual(Array(12).fill(200));
    const revoked = await fetch(`${engine.url}/api/v1/auth/api-keys/${key.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(204);
    // The other worker hears of it by PostgreSQL's notification at the revocation's commit.
    await until(
      'the key refused everywhere',
      async () => ((await burst()).every((s) => s === 401) ? true : undefined),
      2_000,
    );
  });

  it('counts logins against one limit across the workers', async () => {
    // Limits are per client address and minute; earlier tests signed in twice.
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      const answer = await fetch(`${engine.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(PROCESS_ADMIN),
      });
      statuses.push(answer.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT - 2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
  });

  it('replaces a worker that dies, and keeps answering meanwhile', async () => {
    const before = workerPids();
    expect(before).toHaveLength(2);
    process.kill(before[0]!, 'SIGKILL');
    const after = await until('a new worker', () => {
      const now = workerPids();
      return now.length === 2 && !now.includes(before[0]!) ? now : undefined;
    });
    expect(after).toContain(before[1]);
    // On new connections: a kept-alive one belonged to the killed worker and died with it.
    const health = await Promise.all(Array.from({ length: 10 }, () => statusOnNewConnection('/api/v1/health')));
    expect(health).toEqual(Array(10).fill(200));
  });

  it('stops every worker on SIGTERM and exits cleanly', async () => {
    const workers = workerPids();
    engine.child.kill('SIGTERM');
    expect(await engine.exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});
