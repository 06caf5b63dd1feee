import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from './support/test-server.js';

/** The same small CRUD + list case on both databases the engine runs on. */
describe.each(['postgres', 'pglite'] as const)('records on %s', (kind) => {
  let server: TestServer;
  const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);

  beforeAll(async () => {
    server = await startTestServer({ kind, definitionsDir: join(FIXTURES, 'records') });
  });
  afterAll(() => server?.close());

  it('creates, reads, patches, lists and deletes', async () => {
    const customer = (
      await api('POST', '/customer', { record_type: 'company', name: 'Acme', industry: 'retail', region: 'East' })
    ).body;
    const contact = (await api('POST', '/contact', { name: 'Li', customer: customer.id })).body;
    const input = {
      title: 'Smoke',
      closeDate: '2024-02-29',
      closedAt: '2024-03-01T10:00:00.000Z',
      amount: 12.5,
      labels: ['hot'],
      aliases: ['a"b', 'c,d'],
      extra: { list: [1, 2] },
      customer: customer.id,
      contacts: [contact.id],
    };
    const created = await api('POST', '/deal', input);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ ...input, version: 1, state: 'open' });
    const patched = await api('PATCH', `/deal/${created.body.id}`, { version: 1, amount: null, contacts: [] });
    expect(patched.body).toMatchObject({ amount: null, contacts: [], version: 2 });
    expect((await api('PATCH', `/deal/${created.body.id}`, { version: 1, title: 'late' })).status).toBe(409);
    for (const title of ['B', 'C', 'D']) await api('POST', '/deal', { title, customer: customer.id });
    const first = await api(
      'GET',
      '/deal?filter[customer.region]=East&sort=-title&limit=2&fields=title&expand=customer',
    );
    expect(first.body.data.map((d: { title: string }) => d.title)).toEqual(['Smoke', 'D']);
    expect(first.body.data[0].customer).toMatchObject({ name: 'Acme' });
    const second = await api(
      'GET',
      `/deal?filter[customer.region]=East&sort=-title&limit=2&fields=title&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toMatchObject({ data: [{ title: 'C' }, { title: 'B' }], nextCursor: null });
    expect((await api('DELETE', `/deal/${created.body.id}`, { version: 2 })).status).toBe(204);
    expect((await api('GET', `/deal/${created.body.id}`)).status).toBe(404);
    expect((await api('GET', '/deal?filter[amount][gt]=x')).status).toBe(400);
  });
});
