// Installs dependencies and builds what is stale, with no dependencies of its own (it runs before npm install).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

// Progress goes to stderr, so a command's own output (`npx lodestar … --json`) stays clean on stdout.
function run(command, label) {
  console.error(`› ${label}`);
  execSync(command, {
    cwd: root,
    stdio: ['inherit', 2, 2],
    env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' },
  });
}

/** Newest modification time of any file below `dir` (0 when missing), skipping build output. */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let time = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

export function ensureInstalled() {
  const marker = join(root, 'node_modules/.package-lock.json');
  if (mtime(marker) < mtime(join(root, 'package-lock.json')))
    run('npm ci --no-fund --no-audit', 'installing dependencies (npm ci)');
}

/** The engine's build output, rebuilt when missing or older than its sources (what `npx lodestar` needs). */
export function ensureEngineBuilt() {
  // tsc -b builds @lodestar/core first (the engine's tsconfig references it): the engine runs on its dist.
  const sources = Math.max(newest(join(root, 'engine/src')), newest(join(root, 'core/src')));
  if (mtime(join(root, 'engine/dist/cli/main.js')) < sources) run('npx tsc -b', 'building the engine');
  else if (!existsSync(join(root, 'core/dist/index.js'))) run('npx tsc -b core', 'building @lodestar/core');
}

export function ensureBuilt() {
  ensureInstalled();
  ensureEngineBuilt();
  for (const app of ['runtime-ui', 'studio']) {
    const sources = Math.max(newest(join(root, app)), newest(join(root, 'ui-shared')), newest(join(root, 'core/src')));
    if (mtime(join(root, app, 'dist/index.html')) < sources) run(`npm run build -w ${app}`, `building ${app}`);
  }
}
