import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { IMMUTABLE, precompressedAssets } from './ui-assets.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Serves the built web apps: the studio at /studio, the runtime UI at /, each with SPA fallback. */
export function uiRouter(root = REPO_ROOT): Router {
  const router = Router();
  mount(router, '/studio', join(root, 'studio/dist'));
  mount(router, '/', join(root, 'runtime-ui/dist'));
  return router;
}

function mount(router: Router, path: string, dist: string): void {
  if (!existsSync(join(dist, 'index.html'))) return;
  router.use(path, precompressedAssets(dist));
  router.use(path, express.static(dist, { index: 'index.html', maxAge: '1h', setHeaders: cacheByName }));
  // Client-side routes: any GET below `path` that is not a file gets the app shell.
  router.get(path === '/' ? /^\/(?!api\/|studio).*/ : new RegExp(`^${path}(/.*)?$`), (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dist, 'index.html'));
  });
}

/** The app shell is asked for every time (it names the current hashed assets); hashed assets are kept. */
function cacheByName(res: express.Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  else if (file.includes(`${sep}assets${sep}`)) res.setHeader('Cache-Control', IMMUTABLE);
}
