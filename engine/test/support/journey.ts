import { expect } from 'vitest';
import type { TestServer } from './test-server.js';

/**
 * A role's journey over HTTP, as the journey tests walk it: `call` asserts the status it expects (naming the
 * request and the answer when it differs), `send` posts an event, `get` reads a record, `inbox` is My day's
 * approvals. `server` and `tokenOf` are read at each call, so they may be set in a beforeAll.
 */
export function journey(server: () => TestServer, tokenOf: (who: string) => string) {
  const as = (who: string) => ({ authorization: `Bearer ${tokenOf(who)}` });
  async function call(who: string, method: string, path: string, body?: unknown, status = 200) {
    const answer = await server().request(method, `/api/v1${path}`, body, as(who));
    expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe(status);
    return answer.body;
  }
  const send = (who: string, entity: string, id: string, type: string, comment?: string) =>
    call(who, 'POST', `/records/${entity}/${id}/events`, { type, ...(comment && { comment }) });
  const get = (who: string, entity: string, id: string) => call(who, 'GET', `/records/${entity}/${id}`);
  const inbox = async (who: string) =>
    ((await call(who, 'GET', '/my-day')) as { approvals: { id: string; step: { id: string } }[] }).approvals;
  return { as, call, send, get, inbox };
}
