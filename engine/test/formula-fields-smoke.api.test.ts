import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { FORMULA_DEFINITIONS } from './support/formula-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** Formula fields on the embedded PGlite: a stored generated column, a computed relation hop, a publish over data. */
describe('formula fields on pglite', () => {
  let server: TestServer;
  const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);

  beforeAll(async () => {
    server = await startTestServer({ kind: 'pglite', definitions: FORMULA_DEFINITIONS });
  });
  afterAll(() => server?.close());

  it('computes, filters, sorts and publishes formula fields', async () => {
    const customer = (await api('POST', '/customer', { name: 'Key', level: 'key' })).body.id;
    for (const [title, amount] of [
      ['A', 10.05],
      ['B', 20],
    ] as const) {
      const created = await api('POST', '/quote', { title, amount, discount: 0.5, customer });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    // 10.05 × 0.5 = 5.025 → 5.03 (halves away from zero); × 0.05 = 0.2515 → 0.25
    const list = await api('GET', '/quote?filter[commission][gt]=0.1&sort=-total&fields=title,total,commission');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(
      list.body.data.map((r: { title: string; total: number; commission: number }) => [r.title, r.total, r.commission]),
    ).toEqual([
      ['B', 10, 0.5],
      ['A', 5.03, 0.25],
    ]);
    expect((await api('POST', '/quote', { title: 'C', total: 1 })).status).toBe(422);

    const set: DefinitionSet = (await server.request('GET', '/api/v1/meta/model')).body.definitions;
    set.entities.find((e) => e.$id === 'quote')!.properties.doubled = { type: 'number', 'x-formula': 'amount * 2' };
    expect((await server.request('PUT', '/api/v1/meta/drafts/main', { definitions: set })).status).toBe(200);
    const published = await server.request('POST', '/api/v1/meta/drafts/main/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const doubled = await api('GET', '/quote?sort=title&fields=doubled');
    expect(doubled.body.data.map((r: { doubled: number }) => r.doubled)).toEqual([20.1, 40]);
  });
});
