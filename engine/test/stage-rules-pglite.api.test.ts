import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from './support/test-server.js';

/** Field rules by stage on the embedded database: a locked field refused, a hidden one left out, a blank required one blocking entry. */
let server: TestServer;
const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);

beforeAll(async () => {
  server = await startTestServer({ kind: 'pglite', definitionsDir: join(FIXTURES, 'stage-rules') });
});
afterAll(() => server?.close());

it('enforces read-only, lock, hidden and required-on-entry on PGlite', async () => {
  const blank = (await api('POST', '/quote', { name: 'no discount', cost: 5 })).body;
  expect((await api('POST', `/quote/${blank.id}/events`, { type: 'SUBMIT' })).status).toBe(409);

  const quote = (await api('POST', '/quote', { name: 'PGlite', amount: 100, discount: 0.2, cost: 60 })).body;
  await api('POST', `/quote/${quote.id}/events`, { type: 'SUBMIT' });
  const raised = await api('PATCH', `/quote/${quote.id}`, { discount: 0.35, version: 2 });
  expect(raised.status).toBe(422);
  expect(raised.body.issues[0]).toMatchObject({ pointer: '/discount', keyword: 'stageReadOnly' });

  const won = (await api('POST', `/quote/${quote.id}/events`, { type: 'WIN' })).body.record;
  expect(won).not.toHaveProperty('cost');
  expect((await api('GET', `/quote/${quote.id}`)).body).not.toHaveProperty('cost');
  expect((await api('PATCH', `/quote/${quote.id}`, { amount: 1, version: won.version })).status).toBe(422);
  expect((await api('PATCH', `/quote/${quote.id}`, { notes: 'ok', version: won.version })).status).toBe(200);
});
