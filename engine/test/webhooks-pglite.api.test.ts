import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';
import { WebhookReceiver, waitFor } from './support/webhook-receiver.js';

/** The embedded database arms the capture trigger (plpgsql, a transition table) and delivers as PostgreSQL does. */
let server: TestServer;
const erp = new WebhookReceiver();

beforeAll(async () => {
  [server] = await Promise.all([startTestServer({ kind: 'pglite' }), erp.start()]);
});
afterAll(async () => {
  await Promise.all([server?.close(), erp.close()]);
});

describe('change webhooks on PGlite', () => {
  it('deliver a created and an updated customer, signed and in order', async () => {
    const subscribed = await server.request('POST', '/api/v1/admin/webhooks', {
      name: 'ERP',
      url: erp.url,
      entities: ['customer'],
      events: ['created', 'updated'],
    });
    expect(subscribed.status, JSON.stringify(subscribed.body)).toBe(201);
    erp.secret = subscribed.body.secret as string;
    const created = await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name: '华东科技',
      industry: 'manufacturing',
    });
    expect(created.status).toBe(201);
    const patched = await server.request('PATCH', `/api/v1/records/customer/${created.body.id}`, {
      version: created.body.version,
      name: '华东科技有限公司',
    });
    expect(patched.status).toBe(200);
    await waitFor(() => erp.accepted().length >= 2);
    expect(erp.accepted().map((d) => [d.body.type, d.signed])).toEqual([
      ['customer.created', true],
      ['customer.updated', true],
    ]);
    expect(erp.accepted()[1]!.body.changes).toEqual({ name: ['华东科技', '华东科技有限公司'] });

    const paused = await server.request('PATCH', `/api/v1/admin/webhooks/${subscribed.body.subscription.id}`, {
      active: false,
    });
    expect(paused.status).toBe(200);
  });
});
