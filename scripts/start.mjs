// `npm start`: install and build what is missing, then run Lodestar (embedded database in ./data unless DATABASE_URL is set).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, root } from './ensure-built.mjs';

ensureBuilt();
const child = spawn(process.execPath, [join(root, 'engine/dist/cli/main.js'), 'start'], { stdio: 'inherit' });

// The server lives exactly as long as this process: signals are passed on, and it exits with the server.
const stop = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

// `npm start` runs this under `sh -c`, and a SIGTERM to npm ends npm and that shell but never reaches here:
// a parent that is gone (this process handed to another) is the same request to stop.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch);
  stop('SIGTERM');
  // Nobody is left to ask twice: a server that does not finish closing is ended.
  setTimeout(() => stop('SIGKILL'), 10_000).unref();
}, 500);
watch.unref();

// A server ended by a signal exits as shells report it: 128 + the signal's number.
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
