// `npm start`: install and build what is missing, then run Lodestar (embedded database in ./data unless DATABASE_URL is set).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, root } from './ensure-built.mjs';

ensureBuilt();
const child = spawn(process.execPath, [join(root, 'engine/dist/cli/main.js'), 'start'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
