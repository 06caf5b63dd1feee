import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUTE_ROLE, linkAttributeSet } from './support/link-attribute-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** Links with attributes on the embedded PGlite: written, read back as objects, and a publish adding an attribute. */
describe('link attributes on pglite', () => {
  let server: TestServer;
  const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);
  beforeAll(async () => {
    server = await startTestServer({ kind: 'pglite', definitions: linkAttributeSet({ role: CUTE_ROLE }) });
  });
  afterAll(() => server?.close());

  it('writes, reads and publishes link attributes', async () => {
    const contact = (await api('POST', '/contact', { name: '张总' })).body.id;
    const deal = await api('POST', '/deal', { name: 'A', contacts: [{ id: contact, role: 'coach' }] });
    expect(deal.status, JSON.stringify(deal.body)).toBe(201);
    expect((await api('GET', `/deal/${deal.body.id}`)).body.contacts).toEqual([{ id: contact, role: 'coach' }]);
    const set = linkAttributeSet();
    expect((await server.request('PUT', '/api/v1/meta/drafts/main', { definitions: set })).status).toBe(200);
    const published = await server.request('POST', '/api/v1/meta/drafts/main/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect((await api('GET', `/deal/${deal.body.id}`)).body.contacts).toEqual([
      { id: contact, role: 'coach', influence: null },
    ]);
  });
});
