import { readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** The built apps as a browser gets them: compressed once at build, cached for a year when hashed. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** A raw GET (no client-side decompression) with the given Accept-Encoding. */
function rawGet(path: string, encoding?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const url = new URL(server.url + path);
      request(
        { host: url.hostname, port: url.port, path, headers: encoding ? { 'accept-encoding': encoding } : {} },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      )
        .on('error', reject)
        .end();
    },
  );
}

describe.each([
  ['runtime UI', '', 'runtime-ui/dist'],
  ['studio', '/studio', 'studio/dist'],
])('the %s bundle', (_name, base, dist) => {
  const script = readdirSync(join(REPO_ROOT, dist, 'assets')).find((f) => f.startsWith('index-') && f.endsWith('.js'))!;
  const original = readFileSync(join(REPO_ROOT, dist, 'assets', script));

  it('sends Brotli to a browser that takes it, the same bytes once decoded, kept for a year', async () => {
    const answer = await rawGet(`${base}/assets/${script}`, 'gzip, deflate, br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(answer.body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(answer.body).equals(original)).toBe(true);
  });

  it('sends gzip or the plain file to browsers that take only those', async () => {
    const gzip = await rawGet(`${base}/assets/${script}`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await rawGet(`${base}/assets/${script}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('asks for the app shell every time, since it names the current assets', async () => {
    const shell = await rawGet(`${base}/`, 'br');
    expect(shell.status).toBe(200);
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect(shell.body.toString()).toContain(script);
  });

  it('does not leave the assets folder', async () => {
    const escape = await rawGet(`${base}/assets/..%2f..%2fpackage.json`, 'br');
    expect(escape.body.toString()).not.toContain('"workspaces"');
  });
});
