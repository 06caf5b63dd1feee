import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';

/** The runtime UI evaluates formulas under a CSP without 'unsafe-eval': the language must never build code. */
const FORMULA_SOURCES = [join(REPO_ROOT, 'core/src/formula'), join(REPO_ROOT, 'engine/src/formula')];
const CODE_BUILDERS = [
  /\beval\s*\(/,
  /\bnew\s+Function\b/,
  /\bFunction\s*\(/,
  /\bset(?:Timeout|Interval)\s*\(\s*['"`]/,
];

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesOf(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

describe('the formula language builds no code', () => {
  it('has no eval, new Function or string timers in its sources', () => {
    const files = FORMULA_SOURCES.flatMap(sourcesOf);
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((file) => {
      // Comments may name what the code must not do.
      const text = withoutComments(readFileSync(file, 'utf8'));
      return CODE_BUILDERS.filter((re) => re.test(text)).map((re) => `${relative(REPO_ROOT, file)}: ${re.source}`);
    });
    expect(found).toEqual([]);
  });

  it('the scan finds code building where there is some', () => {
    expect(CODE_BUILDERS.some((re) => re.test('const f = new Function("a", "return a")'))).toBe(true);
    expect(CODE_BUILDERS.some((re) => re.test('eval (source)'))).toBe(true);
  });
});
