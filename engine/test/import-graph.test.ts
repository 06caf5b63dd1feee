import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';

const SRC = join(REPO_ROOT, 'engine/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const name = (path: string): string => relative(SRC, path).split('\\').join('/');

/**
 * Every relative import of every engine module: values and types alike (a type-only cycle still ties two
 * modules into one concept), `export … from` and `import()` too.
 */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const specifiers = [
      ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/gm),
    ].map((m) => (m[1] ?? m[2])!);
    const targets = specifiers
      .map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')))
      .filter((target) => existsSync(target));
    graph.set(name(file), [...new Set(targets.map(name))]);
  }
  return graph;
}

/** The import cycles, each as the path that closes it (`a → b → a`). Depth-first, colouring modules. */
function cycles(graph: Map<string, string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const found: string[] = [];
  const path: string[] = [];
  const visit = (module: string): void => {
    state.set(module, 'open');
    path.push(module);
    for (const next of graph.get(module) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(module, 'done');
  };
  for (const module of [...graph.keys()].sort()) if (!state.has(module)) visit(module);
  return found;
}

describe('engine import graph', () => {
  const graph = importGraph();

  it('reads the whole engine', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('records/read-records.ts')).toContain('records/record-id.ts');
  });

  it('finds a cycle when there is one', () => {
    expect(
      cycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['c.ts']],
          ['c.ts', ['a.ts']],
          ['d.ts', ['a.ts']],
        ]),
      ),
    ).toEqual(['a.ts → b.ts → c.ts → a.ts']);
  });

  it('has no import cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });

  // Dependencies point down (ARCHITECTURE.md): these were the upward imports.
  it.each([
    ['identity', /^api\//],
    ['model', /^store\//],
    ['db', /^(store|api)\//],
    ['workflow', /^(api|store|runtime|records)\//],
  ])('%s/ imports nothing from the layers above it', (folder, above) => {
    const upward = [...graph]
      .filter(([module]) => module.startsWith(`${folder}/`))
      .flatMap(([module, targets]) => targets.filter((t) => above.test(t)).map((t) => `${module} → ${t}`));
    expect(upward).toEqual([]);
  });
});
