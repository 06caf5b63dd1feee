import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The engine serves the built studio at `/studio`. In `vite dev`, API calls go to an engine on :3000.
export default defineConfig({
  base: '/studio/',
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
