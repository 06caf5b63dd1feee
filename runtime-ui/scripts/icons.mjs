// Renders the app icons a phone installs (public/icon-*.png) from public/icon.svg in Debian's chromium:
// `node runtime-ui/scripts/icons.mjs` after changing the SVG.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '../public');
const svg = readFileSync(join(publicDir, 'icon.svg'), 'utf8');
// Maskable icons keep their mark inside the middle 80%: the launcher may crop the rest to a circle.
const ICONS = [
  { name: 'icon-192.png', size: 192, safeZone: 0 },
  { name: 'icon-512.png', size: 512, safeZone: 0 },
  { name: 'icon-maskable-512.png', size: 512, safeZone: 0.1 },
  { name: 'apple-touch-icon.png', size: 180, safeZone: 0 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
for (const { name, size, safeZone } of ICONS) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = Math.round(size * (1 - 2 * safeZone));
  const background = safeZone ? '#102046' : 'transparent';
  const sized = svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `);
  await page.setContent(
    `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${background}">${sized}</body>`,
  );
  await page.screenshot({ path: join(publicDir, name), omitBackground: !safeZone });
  await page.close();
}
await browser.close();
