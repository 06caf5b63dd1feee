import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';

/**
 * The dependency rules of ARCHITECTURE.md live in eslint.config.js as import boundaries, and `npm test` lints
 * the whole tree. These tests prove the boundaries bite: a pure module reaching I/O, the configuration or an
 * impure engine module fails, and so does an app importing the engine's sources.
 */
const BOUNDARY_RULES = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-properties']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('dependency rules', () => {
  let eslint: ESLint;
  let pure: string[];

  /** The boundary rules' complaints about `text` if it were the file at `path` (relative to the repository). */
  async function violations(path: string, text: string): Promise<string[]> {
    const [result] = await eslint.lintText(text, { filePath: join(REPO_ROOT, path) });
    return result!.messages
      .filter((message) => BOUNDARY_RULES.has(message.ruleId ?? ''))
      .map((message) => message.message);
  }

  beforeAll(async () => {
    eslint = new ESLint({ cwd: REPO_ROOT, ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId) });
    const files = sourceFiles(join(REPO_ROOT, 'engine/src')).map((path) => relative(REPO_ROOT, path));
    const configs = await Promise.all(files.map((file) => eslint.calculateConfigForFile(join(REPO_ROOT, file))));
    pure = files.filter((_, i) => configs[i]?.rules?.['no-restricted-properties']);
  });

  it('finds the pure modules', () => {
    expect(pure.length).toBeGreaterThan(100);
    expect(pure).toEqual(
      expect.arrayContaining([
        'engine/src/workflow/decide.ts',
        'engine/src/migrate/plan.ts',
        'engine/src/agenda/plan.ts',
      ]),
    );
    expect(pure).not.toContain('engine/src/records/to-sql.ts');
  });

  it('a pure module may not import I/O, the configuration, the environment or an impure engine module', async () => {
    const broken = [
      "import knex from 'knex';",
      "import { readFileSync } from 'node:fs';",
      "import { Pool } from 'pg';",
      "import { loadConfig } from '../config.js';",
      "import { toListSql } from '../records/to-sql.js';",
      'export const url = process.env.DATABASE_URL;',
    ];
    for (const line of broken) expect(await violations('engine/src/agenda/plan.ts', `${line}\n`), line).toHaveLength(1);
  });

  it('a pure module may import pure modules, and types from anywhere', async () => {
    const text =
      "import type { Knex } from 'knex';\nimport type { ListQuery } from '../records/types.js';\nimport { quoteIdent } from '../records/quote-ident.js';\n";
    expect(await violations('engine/src/agenda/plan.ts', text)).toEqual([]);
  });

  it('an I/O module may import I/O', async () => {
    expect(
      await violations(
        'engine/src/records/records-repo.ts',
        "import knex from 'knex';\nimport { toListSql } from './to-sql.js';\n",
      ),
    ).toEqual([]);
  });

  it('the apps may not import the engine sources', async () => {
    for (const path of ['runtime-ui/src/main.tsx', 'studio/src/main.tsx', 'ui-shared/src/index.ts']) {
      expect(
        await violations(path, "import { ConflictError } from '../../engine/src/errors.js';\n"),
        path,
      ).toHaveLength(1);
    }
  });

  it('core, shared with the browser, may not import Node, I/O, the environment or the engine', async () => {
    const broken = [
      "import { createHash } from 'node:crypto';",
      "import knex from 'knex';",
      "import { ConflictError } from '../../engine/src/errors.js';",
      'export const url = process.env.DATABASE_URL;',
    ];
    for (const line of broken) expect(await violations('core/src/index.ts', `${line}\n`), line).toHaveLength(1);
  });

  it('every pure module and core keep to their boundaries', async () => {
    const results = await eslint.lintFiles([
      ...pure.map((file) => join(REPO_ROOT, file)),
      ...sourceFiles(join(REPO_ROOT, 'core/src')),
    ]);
    const found = results.flatMap((result) =>
      result.messages.map((message) => `${relative(REPO_ROOT, result.filePath)}:${message.line} ${message.message}`),
    );
    expect(found).toEqual([]);
  }, 60_000);
});
