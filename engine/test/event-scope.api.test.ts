import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/actor.js';
import { ModelCache } from '../src/model/model-cache.js';
import { sendEvent } from '../src/runtime/transition.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * Which records a role may send which events to (roles.json `events`) is judged by the runtime, not by
 * the route: any caller of sendEvent gets the same 404 (out of read scope) and 403 (event not granted).
 */
let server: TestServer;
const actors: Record<'alice' | 'bob' | 'mia', Actor> = {
  alice: { id: '', roles: [] },
  bob: { id: '', roles: [] },
  mia: { id: '', roles: [] },
};
let customerId = '';

beforeAll(async () => {
  server = await startTestServer();
  const unit = async (name: string) =>
    (await server.request('POST', '/api/v1/admin/org-units', { name })).body.id as string;
  const [teamA, teamB] = [await unit('华东组 Team A'), await unit('华南组 Team B')];
  const tokens: Record<string, string> = {};
  for (const [key, roles, orgUnitId] of [
    ['alice', ['salesperson'], teamA],
    ['bob', ['salesperson'], teamB],
    ['mia', ['salesManager'], teamA],
  ] as const) {
    const { user, token } = await server.userToken({ email: `${key}@example.com`, roles: [...roles], orgUnitId });
    actors[key] = { id: user.id, roles: [...roles], orgUnitId };
    tokens[key] = token;
  }
  const created = await server.request(
    'POST',
    '/api/v1/records/customer',
    { record_type: 'company', name: '范围 Scope', industry: 'retail', level: 'normal' },
    { authorization: `Bearer ${tokens.alice}` },
  );
  expect(created.status).toBe(201);
  customerId = created.body.id;
});

afterAll(async () => {
  await server?.close();
});

const send = async (actor: Actor, type: string) => {
  const model = (await ModelCache.open(server.testDb.db.knex)).current();
  const entity = model.entities.get('customer')!;
  return sendEvent(server.testDb.db.knex, { model, entity, id: customerId, event: { type }, actor }, new Date());
};

describe('sendEvent judges the event scope itself', () => {
  it('refuses an event to a record outside the read scope as not found (404)', async () => {
    await expect(send(actors.bob, 'ACTIVATE')).rejects.toMatchObject({ status: 404 });
    const record = await server.request('GET', `/api/v1/records/customer/${customerId}`);
    expect(record.body).toMatchObject({ state: 'prospect', version: 1 });
  });

  it('refuses an event the role may not send (403); the role that holds it sends it', async () => {
    expect((await send(actors.mia, 'ACTIVATE')).transition).toMatchObject({ from: 'prospect', to: 'active' });
    await expect(send(actors.alice, 'PROMOTE')).rejects.toMatchObject({ status: 403 });
    expect((await server.request('GET', `/api/v1/records/customer/${customerId}`)).body).toMatchObject({
      state: 'active',
      version: 2,
    });
    expect((await send(actors.mia, 'PROMOTE')).transition).toMatchObject({ from: 'active' });
  });
});
