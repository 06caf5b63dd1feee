import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, loginAdmin, randomPort, spawnEngine, waitForHealth } from './support/engine-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'lodestar-start-'));
const children: ChildProcess[] = [];

/** Starts `lodestar start` on the embedded database the way `npm start` does. */
function start(port: number) {
  const engine = spawnEngine({ DATABASE_URL: '', DATA_DIR: dataDir }, port);
  children.push(engine.child);
  return engine;
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('lodestar start on the embedded database', () => {
  it('comes up with the default template, serves the UI, and refuses a second process on the same data folder', async () => {
    if (!existsSync(CLI)) throw new Error('engine/dist is missing: run `npm test` (it builds) or `npx tsc -b` first');
    const port = randomPort();
    const first = start(port);
    const url = `http://localhost:${port}`;
    const health = await waitForHealth(url, Date.now() + 150_000);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite', modelVersion: 1 });
    expect((await fetch(`${url}/api/v1/meta/entities`)).status).toBe(401);
    const token = await loginAdmin(url);
    const entities = (await (
      await fetch(`${url}/api/v1/meta/entities`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { data: { $id: string }[] };
    expect(entities.data.map((e) => e.$id)).toEqual(
      expect.arrayContaining(['customer', 'contact', 'opportunity', 'activity']),
    );
    const page = await fetch(`${url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');

    const second = start(port + 1);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/in use by process/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  }, 180_000); // two processes on WASM PostgreSQL, the first installing the default template: slow on a loaded 2-core machine
});
