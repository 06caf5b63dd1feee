import { afterAll, beforeAll, expect, it } from 'vitest';
import { APPROVAL_DEFINITIONS } from './support/approval-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** Approvals by steps, delegation and the inbox on the embedded PGlite (one connection, its own array bindings). */
let server: TestServer;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const as = (who: string, method: string, path: string, body?: unknown) =>
  server.request(method, `/api/v1${path}`, body, { authorization: `Bearer ${tokens[who]}` });
const inbox = async (who: string) =>
  ((await as(who, 'GET', '/my-day')).body.approvals as { id: string; step: { id: string } }[]).map(
    (i) => `${i.id}:${i.step.id}`,
  );

beforeAll(async () => {
  server = await startTestServer({ kind: 'pglite', definitions: APPROVAL_DEFINITIONS });
  const user = async (name: string, roles: string[], managerId?: string) => {
    const made = await server.userToken({
      email: `${name}@example.com`,
      roles,
      displayName: name,
      ...(managerId && { managerId }),
    });
    tokens[name] = made.token;
    ids[name] = made.user.id;
  };
  await user('boss', ['salesManager']);
  await user('rep', ['sales'], ids.boss);
  await user('director', ['salesDirector']);
  await user('deputy', ['sales']);
});
afterAll(async () => {
  await server?.close();
});

it('routes a 35% quote to the manager, then the director, with a delegate standing in', async () => {
  const quote = (await as('rep', 'POST', '/records/quote', { name: 'Q', discount: 0.35, total: 1 })).body.id as string;
  await as('rep', 'POST', `/records/quote/${quote}/events`, { type: 'SUBMIT' });
  expect(await inbox('boss')).toEqual([`${quote}:manager`]);
  const until = new Date(Date.now() + 86_400_000).toISOString();
  expect((await as('boss', 'PUT', '/delegations/me', { delegateId: ids.deputy, endsAt: until })).status).toBe(200);
  expect(await inbox('deputy')).toEqual([`${quote}:manager`]);
  const first = await as('deputy', 'POST', `/records/quote/${quote}/events`, { type: 'APPROVE' });
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  expect(first.body.record.state).toBe('pending');
  expect(await inbox('director')).toEqual([`${quote}:director`]);
  const second = await as('director', 'POST', `/records/quote/${quote}/events`, { type: 'APPROVE' });
  expect(second.body.record.state).toBe('approved');
});
