import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteSet } from './support/line-item-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** The embedded database writes a parent and its lines the same way: one transaction, all or nothing. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ kind: 'pglite', definitions: quoteSet() });
});
afterAll(async () => {
  await server?.close();
});

const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);

describe('line items on PGlite', () => {
  it('creates, replaces and refuses lines with the parent', async () => {
    const lines = [
      { product: 'A', quantity: 2, unitPrice: 10 },
      { product: 'B', quantity: 1, unitPrice: 5.5 },
    ];
    const created = await api('POST', '/quote', { name: 'Q', lines });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ total: 25.5, lineCount: 2 });
    const [a] = created.body.lines;
    const patched = await api('PATCH', `/quote/${created.body.id}`, {
      version: 1,
      lines: [{ product: 'C', quantity: 3, unitPrice: 1 }, { id: a.id }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.lines.map((l: { product: string }) => l.product)).toEqual(['C', 'A']);
    expect(patched.body).toMatchObject({ total: 23, lineCount: 2, version: 2 });
    const refused = await api('PATCH', `/quote/${created.body.id}`, { version: 2, lines: [{ id: a.id, quantity: 0 }] });
    expect(refused.status).toBe(422);
    expect(refused.body.issues[0].pointer).toBe('/lines/0/quantity');
    expect((await api('GET', `/quote/${created.body.id}`)).body).toMatchObject({ total: 23, version: 2 });
  });
});
