import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleSet } from './support/schedule-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** The embedded database runs schedules too: claims, batched SQL updates with audit rows, and events. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ kind: 'pglite', definitions: scheduleSet() });
});
afterAll(async () => {
  await server?.close();
});

const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1${path}`, body);

async function finished(id: number) {
  for (let i = 0; i < 200; i++) {
    const { body } = await api('GET', `/schedules/runs/${id}`);
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${id} did not finish`);
}

describe('schedules on PGlite', () => {
  it('recompute fields in SQL and send events when run now', async () => {
    const customer = (
      await api('POST', '/records/customer', { name: 'A', region: 'East', lastFollowUpAt: '2020-01-01' })
    ).body;
    expect(
      (await api('POST', '/records/payment', { amount: 2000, paidOn: '2026-01-01', customer: customer.id })).status,
    ).toBe(201);

    const rfm = await api('POST', '/schedules/customer-life/rfm/run');
    expect(rfm.status).toBe(202);
    expect(await finished(rfm.body.id)).toMatchObject({ status: 'succeeded', processed: 1, changed: 1 });
    expect((await api('GET', `/records/customer/${customer.id}`)).body).toMatchObject({ rfmClass: 'A', version: 2 });

    const sweep = await api('POST', '/schedules/customer-life/toPool/run');
    expect(await finished(sweep.body.id)).toMatchObject({ status: 'succeeded', processed: 1, changed: 1, refusals: 0 });
    expect((await api('GET', `/records/customer/${customer.id}`)).body.state).toBe('pool');
  });
});
