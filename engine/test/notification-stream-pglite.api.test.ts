import { afterAll, beforeAll, expect, it } from 'vitest';
import { NOTIFY_DEFINITIONS } from './support/notification-definitions.js';
import { openSse } from './support/sse-reader.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * The notification stream on the embedded database: one process, so the trigger's NOTIFY is heard by PGlite's
 * own listener at commit instead of a listening connection; a notification still arrives at once.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ kind: 'pglite', definitions: NOTIFY_DEFINITIONS });
});
afterAll(async () => {
  await server?.close();
});

it('brings a workflow step’s notification to its person’s stream on PGlite', async () => {
  const owner = await server.userToken({ email: 'owner@example.com', displayName: '李娜', roles: ['sales'] });
  const sse = await openSse(`${server.url}/api/v1/me/notifications/stream`, {
    authorization: `Bearer ${owner.token}`,
  });
  try {
    expect((await sse.next((e) => e.event === 'inbox')).data).toEqual({ unread: 0, items: [], approvals: [] });
    const created = await server.request('POST', '/api/v1/records/payment', {
      title: '嵌入式',
      owner_id: owner.user.id,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const sent = await server.request('POST', `/api/v1/records/payment/${created.body.id}/events`, { type: 'REMIND' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const at = performance.now();
    const arrived = await sse.next((e) => e.data.items.length > 0, 2_000);
    expect(arrived.at - at).toBeLessThan(1_000);
    expect(arrived.data).toMatchObject({
      unread: 1,
      items: [{ recordId: created.body.id, title: { en: 'Please follow up' } }],
    });
  } finally {
    sse.close();
  }
});
