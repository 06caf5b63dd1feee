import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { RequestHandler } from 'express';

/** Hashed file names never change content: a browser may keep them for a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * Serves `assets/*` of a built app in the best encoding the browser accepts, from the copies the build
 * compressed once (scripts/precompress.mjs); anything else, or a browser that accepts neither, falls
 * through to express.static.
 */
export function precompressedAssets(dist: string): RequestHandler {
  const assets = join(dist, 'assets');
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith('/assets/')) return next();
    const file = normalize(join(dist, decodeURIComponent(req.path)));
    if (!file.startsWith(assets + sep)) return next();
    // Ours in our order (Brotli is smaller): browsers list gzip first with the same weight.
    const accepted = new Set(req.acceptsEncodings());
    const encoding = ENCODINGS.find((e) => accepted.has(e.name));
    res.vary('Accept-Encoding');
    if (!encoding || !existsSync(file + encoding.suffix)) return next();
    res.type(extname(file));
    res.set({ 'Content-Encoding': encoding.name, 'Cache-Control': IMMUTABLE });
    res.sendFile(file + encoding.suffix, { lastModified: true, cacheControl: false }, (error) => {
      if (error) next(error);
    });
  };
}
