import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The engine serves the built studio at `/studio`. In `vite dev`, API calls go to an engine on :3000.
export default defineConfig({
  base: '/studio/',
  plugins: [react()],
  // @lodestar/core is read from its TypeScript sources, like @lodestar/ui-shared (the engine reads its build).
  resolve: { conditions: ['lodestar-source', ...defaultClientConditions] },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
