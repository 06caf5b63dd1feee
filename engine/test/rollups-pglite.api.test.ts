import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSet } from './support/rollup-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** The embedded database runs the same plpgsql triggers: a smoke test of every write path. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ kind: 'pglite', definitions: contractSet() });
});
afterAll(async () => {
  await server?.close();
});

const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);

describe('roll-ups on PGlite', () => {
  it('follow create, update, re-parent and delete', async () => {
    const a = (await api('POST', '/contract', { name: 'A' })).body;
    const b = (await api('POST', '/contract', { name: 'B' })).body;
    const p1 = (await api('POST', '/payment', { amount: 600, status: 'received', contract: a.id })).body;
    const p2 = (await api('POST', '/payment', { amount: 40, status: 'planned', contract: a.id })).body;
    const get = async (id: string) => (await api('GET', `/contract/${id}`)).body;
    expect(await get(a.id)).toMatchObject({
      lineCount: 2,
      paidTotal: 640,
      received: 600,
      bigReceived: 1,
      average: 320,
    });
    expect((await api('PATCH', `/payment/${p2.id}`, { version: 1, status: 'received' })).status).toBe(200);
    expect(await get(a.id)).toMatchObject({ received: 640 });
    expect((await api('PATCH', `/payment/${p1.id}`, { version: 1, contract: b.id })).status).toBe(200);
    expect(await get(a.id)).toMatchObject({ lineCount: 1, paidTotal: 40, bigReceived: 0 });
    expect(await get(b.id)).toMatchObject({ lineCount: 1, paidTotal: 600, largest: 600 });
    expect((await api('DELETE', `/payment/${p2.id}?version=2`)).status).toBe(204);
    expect(await get(a.id)).toMatchObject({ lineCount: 0, paidTotal: 0, smallest: null });
  });
});
