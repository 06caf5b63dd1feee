import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The engine serves the built app at `/`. In `vite dev`, API calls go to an engine on :3000
// (or on LODESTAR_API, e.g. http://localhost:3100).
export default defineConfig({
  base: '/',
  plugins: [react()],
  // @lodestar/core is read from its TypeScript sources, like @lodestar/ui-shared (the engine reads its build).
  resolve: { conditions: ['lodestar-source', ...defaultClientConditions] },
  server: { proxy: { '/api': process.env.LODESTAR_API ?? 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
