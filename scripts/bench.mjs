// `npm run bench`: build, seed the 1M-row benchmark database when missing, measure, write bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, root } from './ensure-built.mjs';

ensureBuilt();
for (const [script, ...args] of [
  ['seed.mjs', '--if-missing'],
  ['run.mjs', ...process.argv.slice(2)],
]) {
  const result = spawnSync(process.execPath, [join(root, 'bench', script), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
