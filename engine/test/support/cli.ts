import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI } from './engine-process.js';
import { REPO_ROOT } from './paths.js';

const run = promisify(execFile);

/**
 * The CLI speaks the locale's language (lang.ts): tests run it in English whatever the machine's locale,
 * unless a test sets these itself (`env`).
 */
const ENGLISH_LOCALE = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', LODESTAR_LANG: '' };

/**
 * `lodestar --dir <folder> <args>` as a process, the way a consultant runs it, against the given
 * database, in English unless `env` sets a locale; never throws: answers the exit code and everything printed.
 */
export function cliRunner(
  target: () => { dir: string; databaseUrl: string | undefined },
  env: Record<string, string> = {},
) {
  return async (...args: string[]): Promise<{ code: number; out: string }> => {
    const { dir, databaseUrl } = target();
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, '--dir', dir, ...args], {
        env: { ...process.env, ...ENGLISH_LOCALE, ...env, DATABASE_URL: databaseUrl ?? '', LOG_LEVEL: 'warn' },
      });
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };
}

/** Parsed JSON of any shape: tests reach into template files freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into parsed JSON of any shape
type AnyJson = any;

/** A copy of the project-delivery template in `scratch/name`, with `edit` applied to its parsed files. */
export function copyTemplate(
  scratch: string,
  name: string,
  edit: (json: (file: string, change: (value: AnyJson) => void) => void) => void,
): string {
  const folder = join(scratch, name);
  cpSync(join(REPO_ROOT, 'templates/project-delivery'), folder, { recursive: true });
  edit((file, change) => {
    const path = join(folder, file);
    const value = JSON.parse(readFileSync(path, 'utf8'));
    change(value);
    writeFileSync(path, JSON.stringify(value, null, 2));
  });
  return folder;
}
