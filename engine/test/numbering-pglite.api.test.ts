import { calendarDateIn } from '@lodestar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberingSet } from './support/numbering-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const year = calendarDateIn(new Date(), 'Asia/Shanghai').year;

/** Numbering on the embedded database: the counter function, concurrent creates, a publish over data. */
describe('numbered fields on PGlite', () => {
  let server: TestServer;
  const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);

  beforeAll(async () => {
    server = await startTestServer({ kind: 'pglite', definitions: numberingSet() });
  });
  afterAll(() => server?.close());

  it('numbers creates, gives failed ones back, keeps numbers unique and numbers existing rows on publish', async () => {
    const created = await Promise.all(
      Array.from({ length: 5 }, (_, i) => api('POST', '/quote', { record_type: 'standard', title: `Q${i}` })),
    );
    expect(created.map((c) => c.body.number).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `QT-${year}-000${n}`));
    const failed = await api('POST', '/quote', {
      record_type: 'standard',
      title: 'x',
      contacts: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(failed.status).toBe(422);
    expect(failed.body.issues[0].pointer).toBe('/contacts');
    expect((await api('POST', '/quote', { record_type: 'standard', title: 'next' })).body.number).toBe(
      `QT-${year}-0006`,
    );
    const knex = server.testDb.db.knex;
    await expect(knex('quote').insert({ title: 'copy', number: `QT-${year}-0006` })).rejects.toThrow();

    await knex('contact').insert([
      { name: 'b', created_at: '2024-02-01T00:00:00Z' },
      { name: 'a', created_at: '2024-01-01T00:00:00Z' },
    ]);
    const set = numberingSet({ contactNumber: { type: 'string', 'x-sequence': { pattern: 'C-{0000}' } } });
    expect((await server.request('PUT', '/api/v1/meta/drafts/main', { definitions: set })).status).toBe(200);
    const published = await server.request('POST', '/api/v1/meta/drafts/main/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(await knex('contact').select('name', 'code').orderBy('code')).toEqual([
      { name: 'a', code: 'C-0001' },
      { name: 'b', code: 'C-0002' },
    ]);
    expect((await api('POST', '/contact', { name: 'c' })).body.code).toBe('C-0003');
  });
});
