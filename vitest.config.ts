import { defineConfig } from 'vitest/config';

// Tests read @lodestar/core from its sources (package.json `lodestar-source`), never a stale build.
const conditions = ['lodestar-source', 'module', 'node', 'development|production'];
const fromSource = { resolve: { conditions }, ssr: { resolve: { conditions } } };

export default defineConfig({
  test: {
    projects: [
      {
        // What the engine and the apps share (browser-safe).
        ...fromSource,
        test: { name: 'core', root: './core', include: ['src/**/*.test.ts'] },
      },
      {
        ...fromSource,
        test: {
          name: 'engine',
          root: './engine',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The web app's pure modules (no DOM): validators, board and period arithmetic.
        ...fromSource,
        test: { name: 'runtime-ui', root: './runtime-ui', include: ['src/**/*.test.ts'] },
      },
      {
        // The studio's pure edits of definitions.
        ...fromSource,
        test: { name: 'studio', root: './studio', include: ['src/**/*.test.ts'] },
      },
    ],
  },
});
