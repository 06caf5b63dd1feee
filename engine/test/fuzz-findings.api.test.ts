import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * Defects the API fuzzer (api-fuzz.api.test.ts) found, each kept as the smallest request that showed
 * it: a 5xx or a leak once, a problem document now.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('publishing a draft whose definitions are not even shaped like definitions', () => {
  it.each([
    ['entities without ids', { entities: [{}, { type: 'object' }], workflows: [] }],
    ['workflows without ids', { entities: [], workflows: [{}, { states: {} }] }],
    ['entries that are not objects', { entities: [null, 7, 'x'], workflows: [null, []] }],
  ])('refuses %s with 422 and the issues, not a 500', async (_name, definitions) => {
    expect((await server.request('PUT', '/api/v1/meta/drafts/fuzz', { definitions })).status).toBe(200);
    const published = await server.request('POST', '/api/v1/meta/drafts/fuzz/publish', { confirmDestructive: true });
    expect(published.status).toBe(422);
    expect(published.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(published.body.issues.length).toBeGreaterThan(0);
    expect((await server.request('GET', '/api/v1/health')).body.modelVersion).toBe(1);
  });
});

describe('changing a user with no body at all', () => {
  it('is an empty change (200, the user as they were), not a 500', async () => {
    const { user } = await server.userToken({ email: 'no-body@example.com', roles: ['salesperson'] });
    const response = await fetch(`${server.url}/api/v1/admin/users/${user.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: user.id,
      email: 'no-body@example.com',
      roles: ['salesperson'],
      active: true,
    });
  });
});
