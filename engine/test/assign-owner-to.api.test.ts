import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * `assignOwner { to: "actor" | "nobody" }` over HTTP against PostgreSQL, on the standard CRM whose customer
 * workflow (in a copy made for this test) lets a customer be released to nobody and claimed by whoever sends
 * CLAIM: releasing clears the owner, claiming makes the sender the owner, and a user who cannot send CLAIM is refused.
 * An `actorOwns` guard limits claims: with two customers the sender owns, the third claim is refused in both languages.
 */
const definitions = mkdtempSync(join(tmpdir(), 'lodestar-assign-owner-to-'));
for (const part of ['schemas', 'workflows', 'roles.json', 'template.json'])
  cpSync(join(REPO_ROOT, part), join(definitions, part), { recursive: true });
const workflowFile = join(definitions, 'workflows/customer-lifecycle.workflow.json');
const workflow = JSON.parse(readFileSync(workflowFile, 'utf8'));
Object.assign(workflow.states.prospect.on, {
  RELEASE: {
    target: 'prospect',
    actions: [{ type: 'assignOwner', params: { to: 'nobody' } }],
    meta: { title: { zh: '退回公海', en: 'Release to the pool' } },
  },
  CLAIM: {
    target: 'prospect',
    // A claim limit: two customers that are not small ones, so a third claim is refused.
    guard: { type: 'actorOwns', params: { entity: 'customer', where: 'level <> "small"', max: 1 } },
    actions: [{ type: 'assignOwner', params: { to: 'actor' } }],
    meta: { title: { zh: '领取', en: 'Claim' } },
  },
});
writeFileSync(workflowFile, JSON.stringify(workflow));
const rolesFile = join(definitions, 'roles.json');
const roles = JSON.parse(readFileSync(rolesFile, 'utf8'));
roles.roles.poolSales = {
  title: { zh: '公海销售', en: 'Pool salesperson' },
  entities: { customer: { read: 'all', update: 'own', events: { CLAIM: 'all' } } },
};
writeFileSync(rolesFile, JSON.stringify(roles));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ definitionsDir: definitions });
});
afterAll(async () => {
  await server?.close();
  rmSync(definitions, { recursive: true, force: true });
});

describe('assignOwner to the actor or to nobody', () => {
  it('releases a customer to nobody and lets the sender of CLAIM take it', async () => {
    const wang = await server.userToken({ email: 'wang@example.com', displayName: '王销售', roles: ['poolSales'] });
    const liu = await server.userToken({ email: 'liu@example.com', displayName: '刘销售', roles: ['salesperson'] });
    const created = await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name: '公海客户',
      industry: 'retail',
      level: 'normal',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const owner = async () => (await server.testDb.db.knex('customer').where({ id }).first('owner_id')).owner_id;
    expect(await owner()).toBe(created.body.owner_id);

    const released = await server.request('POST', `/api/v1/records/customer/${id}/events`, { type: 'RELEASE' });
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(await owner()).toBeNull();

    const refused = await server.request(
      'POST',
      `/api/v1/records/customer/${id}/events`,
      { type: 'CLAIM' },
      { authorization: `Bearer ${liu.token}` },
    );
    // A salesperson reads only their own customers: an unowned one is not even found.
    expect(refused.status).toBe(404);
    expect(await owner()).toBeNull();

    const claimed = await server.request(
      'POST',
      `/api/v1/records/customer/${id}/events`,
      { type: 'CLAIM' },
      { authorization: `Bearer ${wang.token}` },
    );
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect(await owner()).toBe(wang.user.id);

    // Two more released customers: wang may take one more, then the limit refuses the next, naming the count.
    const more: string[] = [];
    for (const name of ['公海客户二', '公海客户三']) {
      const made = await server.request('POST', '/api/v1/records/customer', {
        record_type: 'company',
        name,
        industry: 'retail',
        level: 'normal',
      });
      more.push(made.body.id);
      await server.request('POST', `/api/v1/records/customer/${made.body.id}/events`, { type: 'RELEASE' });
    }
    const claim = (customer: string) =>
      server.request(
        'POST',
        `/api/v1/records/customer/${customer}/events`,
        { type: 'CLAIM' },
        { authorization: `Bearer ${wang.token}` },
      );
    expect((await claim(more[0]!)).status).toBe(200);
    const third = await claim(more[1]!);
    expect(third.status, JSON.stringify(third.body)).toBe(409);
    expect(third.body.reason).toEqual({
      en: 'You may have at most 1 Customer where Customer level ≠ "Small customer"; you have 2',
      zh: '每人最多 1 条客户（客户等级 ≠ “小客户”），您已有 2 条',
    });
    expect((await server.testDb.db.knex('customer').where({ id: more[1] }).first('owner_id')).owner_id).toBeNull();
  });
});
