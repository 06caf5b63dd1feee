import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
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
        test: { name: 'runtime-ui', root: './runtime-ui', include: ['src/**/*.test.ts'] },
      },
      {
        // The studio's pure edits of definitions.
        test: { name: 'studio', root: './studio', include: ['src/**/*.test.ts'] },
      },
    ],
  },
});
