#!/usr/bin/env node
// After `vite build`: writes a Brotli (.br) and a gzip (.gz) copy beside every hashed asset worth compressing,
// at the highest levels (done once per build, not per request), for the engine to send to browsers that
// accept them (engine/src/api/routes/ui-assets.ts).
//   node scripts/precompress.mjs <dist folder>
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|css|svg|json|txt|map|webmanifest)$/;
const MIN_BYTES = 1024;

const dist = process.argv[2];
if (!dist) {
  console.error('usage: node scripts/precompress.mjs <dist folder>');
  process.exit(2);
}
const assets = join(dist, 'assets');
let before = 0;
let after = 0;
for (const name of readdirSync(assets)) {
  const file = join(assets, name);
  if (!COMPRESSIBLE.test(name) || statSync(file).size < MIN_BYTES) continue;
  const body = readFileSync(file);
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  before += body.length;
  after += br.length;
}
console.log(
  `precompressed ${assets}: ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB with Brotli`,
);
