import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI } from './engine-process.js';

const run = promisify(execFile);

/**
 * `lodestar --dir <folder> <args>` as a process, the way a consultant runs it, against the given
 * database; never throws: answers the exit code and everything printed.
 */
export function cliRunner(target: () => { dir: string; databaseUrl: string | undefined }) {
  return async (...args: string[]): Promise<{ code: number; out: string }> => {
    const { dir, databaseUrl } = target();
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, '--dir', dir, ...args], {
        env: { ...process.env, DATABASE_URL: databaseUrl ?? '', LOG_LEVEL: 'warn' },
      });
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };
}
