import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBuilt, freshCopy } from './support/fresh-copy.js';
import { REPO_ROOT } from './support/paths.js';

/*
 * The README's `npx lodestar …` in a fresh clone: npm links a workspace's bin only when its file exists at
 * install time, and engine/dist is built after `npm ci` (by `npm start`), so the bin must be a committed file.
 */
const run = promisify(execFile);
let copy: ReturnType<typeof freshCopy>;

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'engine/dist/cli/main.js')))
    throw new Error('engine/dist is missing: run `npx tsc -b` first');
  copy = freshCopy();
});
afterAll(() => copy?.remove());

describe('a fresh clone', () => {
  it('runs `npx lodestar` once `npm start` has built the engine', async () => {
    expect(existsSync(join(copy.dir, 'engine/dist'))).toBe(false);
    expect(existsSync(join(copy.dir, 'node_modules/.bin/lodestar'))).toBe(true);
    copyBuilt(copy.dir, ['engine/dist']);
    const { stdout } = await run('npx', ['--offline', 'lodestar', '--help'], { cwd: copy.dir });
    expect(stdout).toContain('Usage: lodestar');
    expect(stdout).toContain('template');
    // `npm run lodestar -- …`, the README's other spelling, runs the same launcher.
    const viaScript = await run('npm', ['run', '--silent', 'lodestar', '--', '--help'], { cwd: copy.dir });
    expect(viaScript.stdout).toContain('Usage: lodestar');
  });
});
