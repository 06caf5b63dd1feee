import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';

/** Source files of a workspace, without installed or built output. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

interface Check {
  failure: string;
  command: string[];
}

/**
 * `npm test` runs scripts/checks.mjs before vitest: these tests keep every workspace in it (vite build does not
 * type-check an app) and keep the lint in it. That a boundary error fails the lint is engine/test/architecture.test.ts.
 */
describe('the static checks of npm test', () => {
  const checks = JSON.parse(
    execFileSync('node', ['scripts/checks.mjs', '--list'], { cwd: REPO_ROOT, encoding: 'utf8' }),
  ) as Check[];
  const { workspaces } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { workspaces: string[] };

  it.each(workspaces)('type-check %s', (workspace) => {
    const project = workspace === 'engine' ? 'engine/tsconfig.test.json' : `${workspace}/tsconfig.json`;
    const check = checks.find(({ command }) => command[0] === 'tsc' && command[command.indexOf('-p') + 1] === project);
    expect(check?.command).toContain('--noEmit');
  });

  it('the engine check covers its sources and its tests', () => {
    const config = JSON.parse(readFileSync(join(REPO_ROOT, 'engine/tsconfig.test.json'), 'utf8')) as {
      include: string[];
    };
    expect(config.include).toEqual(expect.arrayContaining(['src/**/*.ts', 'test/**/*.ts']));
  });

  it('lint the whole tree with no warnings allowed', () => {
    const lint = checks.find(({ command }) => command[0] === 'eslint');
    expect(lint?.command.slice(-1)).toEqual(['.']);
    expect(lint?.command).toEqual(expect.arrayContaining(['--max-warnings', '0']));
  });

  it('check the layout of the whole tree with Prettier', () => {
    const format = checks.find(({ command }) => command[0] === 'prettier');
    expect(format?.command).toEqual(expect.arrayContaining(['--check', '.']));
  });

  it('run before the tests, and a failure ends npm test with the plain summary line', () => {
    const script = readFileSync(join(REPO_ROOT, 'scripts/test.mjs'), 'utf8');
    expect(script.indexOf('await runChecks()')).toBeGreaterThan(-1);
    const vitestRun = script.search(/'vitest',\s*'run'/);
    expect(vitestRun).toBeGreaterThan(-1);
    expect(script.indexOf('await runChecks()')).toBeLessThan(vitestRun);
    expect(script).toContain("console.log(`0 passed, ${failures.length} failed (${failures.join('; ')})`)");
  });

  it('a rule is switched off in one place only with its reason (`// eslint-disable-next-line rule -- why`)', () => {
    const files = [...workspaces, 'scripts', 'bench'].flatMap((dir) => sourceFiles(join(REPO_ROOT, dir)));
    const unexplained = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /(\/\/|\/\*)\s*eslint-disable/.test(line) && !/eslint-disable[\w-]*\s+\S.*\s--\s+\S/.test(line)
            ? [`${file.slice(REPO_ROOT.length + 1)}:${i + 1}`]
            : [],
        ),
    );
    expect(unexplained).toEqual([]);
  });
});
