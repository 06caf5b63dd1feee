// The static checks `npm test` runs before the tests: every workspace type-checks, the tree lints clean and is
// formatted. `node scripts/checks.mjs [typecheck] [lint] [format]` runs them alone (`npm run typecheck`, `npm run lint`,
// `npm run format:check`); `--list` prints them.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Incremental state outside the work tree's sources: a second run re-checks only what changed.
const cache = 'node_modules/.cache/lodestar-checks';

/** One `tsc --noEmit` per workspace (vite build does not type-check); the engine's tests with the engine. */
function typechecks() {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return workspaces
    .map((workspace) => (workspace === 'engine' ? 'engine/tsconfig.test.json' : `${workspace}/tsconfig.json`))
    .filter((project) => existsSync(join(root, project)))
    .map((project) => ({
      failure: `${project.split('/')[0]} does not type-check`,
      command: [
        'tsc',
        '--noEmit',
        '-p',
        project,
        '--incremental',
        '--tsBuildInfoFile',
        `${cache}/${project.replaceAll('/', '_')}.tsbuildinfo`,
      ],
    }));
}

const lint = {
  failure: 'lint finds errors',
  command: [
    'eslint',
    '--cache',
    '--cache-strategy',
    'content',
    '--cache-location',
    `${cache}/eslint`,
    '--max-warnings',
    '0',
    '.',
  ],
};

/** Prettier decides layout, so reviews are about content; `npx prettier --write .` fixes what it finds. */
const format = {
  failure: 'code is not formatted (npx prettier --write .)',
  command: ['prettier', '--check', '--cache', '--cache-location', `${cache}/prettier`, '--log-level', 'warn', '.'],
};

function run({ command }) {
  return new Promise((resolve) => {
    const child = spawn('npx', command, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** Runs the named checks two at a time; prints what failed and returns the failures' one-line reasons. */
export async function runChecks(names = ['typecheck', 'lint', 'format']) {
  const queue = [
    ...(names.includes('typecheck') ? typechecks() : []),
    ...(names.includes('lint') ? [lint] : []),
    ...(names.includes('format') ? [format] : []),
  ];
  const failures = [];
  const worker = async () => {
    for (let check = queue.shift(); check; check = queue.shift()) {
      const { ok, output } = await run(check);
      if (ok) continue;
      process.stdout.write(`\n✗ ${check.failure}: npx ${check.command.join(' ')}\n${output}`);
      failures.push(check.failure);
    }
  };
  await Promise.all([worker(), worker()]);
  return failures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `--list`: the checks as JSON, for engine/test/static-checks.test.ts.
  if (process.argv[2] === '--list') {
    console.log(JSON.stringify([...typechecks(), lint, format]));
    process.exit(0);
  }
  const failures = await runChecks(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
  if (failures.length) console.log(`0 passed, ${failures.length} failed (${failures.join('; ')})`);
  process.exit(failures.length ? 1 : 0);
}
