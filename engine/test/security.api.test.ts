import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestResponse, type TestServer } from './support/test-server.js';

/*
 * The security suite, over HTTP against PostgreSQL with the default template's roles: two sales teams
 * in one department, a salesperson in each, a sales manager of team A, a marketing specialist. Every
 * path a user can take to another team's records must come back empty-handed.
 */
let server: TestServer;
const who = { alice: '', bob: '', mia: '', mark: '' };
const tokens: Record<string, string> = {};
const rec = { a: '' as string, b: '' as string, oppA: '', oppB: '', oppAonB: '' };
const NAMES = { a: 'Alpha 华东制造', b: 'Bravo 华南零售' };
const units = { a: '', b: '' };

const as = (user: keyof typeof who) => ({ authorization: `Bearer ${tokens[user]}` });
const api = (
  user: keyof typeof who | 'admin',
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<TestResponse> =>
  server.request(method, `/api/v1${path}`, body, user === 'admin' ? headers : { ...as(user), ...headers });

beforeAll(async () => {
  server = await startTestServer();
  const unit = async (name: string, parentId?: string) =>
    (await api('admin', 'POST', '/admin/org-units', { name, ...(parentId && { parentId }) })).body.id as string;
  const sales = await unit('销售部 Sales');
  const [teamA, teamB] = [await unit('华东组 Team A', sales), await unit('华南组 Team B', sales)];
  Object.assign(units, { a: teamA, b: teamB });
  const user = async (key: keyof typeof who, roles: string[], orgUnitId: string | null) => {
    const { user: created, token } = await server.userToken({ email: `${key}@example.com`, roles, orgUnitId });
    who[key] = created.id;
    tokens[key] = token;
  };
  await user('alice', ['salesperson'], teamA);
  await user('bob', ['salesperson'], teamB);
  await user('mia', ['salesManager'], teamA);
  await user('mark', ['marketing'], null);
  rec.a = (
    await api('alice', 'POST', '/records/customer', {
      record_type: 'company',
      name: NAMES.a,
      industry: 'manufacturing',
    })
  ).body.id;
  rec.b = (
    await api('bob', 'POST', '/records/customer', { record_type: 'company', name: NAMES.b, industry: 'retail' })
  ).body.id;
  rec.oppA = (
    await api('alice', 'POST', '/records/opportunity', { name: 'Deal A', customer: rec.a, amount: 100000 })
  ).body.id;
  rec.oppB = (
    await api('bob', 'POST', '/records/opportunity', { name: 'Deal B', customer: rec.b, amount: 250000 })
  ).body.id;
  // Alice's deal with Bob's customer (assigned by an admin): the link shows, the customer does not.
  rec.oppAonB = (
    await api('admin', 'POST', '/records/opportunity', {
      name: 'Deal A on B',
      customer: rec.b,
      amount: 5,
      owner_id: who.alice,
    })
  ).body.id;
  expect(Object.values(rec).every(Boolean)).toBe(true);
});

afterAll(async () => {
  await server?.close();
});

describe('a salesperson of team A and team B records', () => {
  it('lists, searches and filters only their own customers', async () => {
    const names = async (query: string) =>
      (await api('alice', 'GET', `/records/customer${query}`)).body.data.map((c: { name: string }) => c.name);
    expect(await names('')).toEqual([NAMES.a]);
    expect(await names(`?filter[name][contains]=${encodeURIComponent('Bravo')}`)).toEqual([]);
    expect(await names(`?q=${encodeURIComponent('华南')}`)).toEqual([]);
    expect(await names(`?filter[id]=${rec.b}`)).toEqual([]);
  });

  it('cannot reach team B records through a relation filter', async () => {
    const deals = await api('alice', 'GET', `/records/opportunity?filter[customer.name][contains]=Bravo`);
    expect(deals.status).toBe(200);
    expect(deals.body.data).toEqual([]);
  });

  it('reads, updates, deletes, transitions, and reads history and audit of team B records as not found', async () => {
    const path = `/records/customer/${rec.b}`;
    const opp = `/records/opportunity/${rec.oppB}`;
    const attempts = [
      await api('alice', 'GET', path),
      await api('alice', 'PATCH', path, { version: 1, name: 'taken over' }),
      await api('alice', 'GET', `${path}/history`),
      await api('alice', 'GET', `${path}/audit`),
      await api('alice', 'GET', `${opp}/transitions`),
      await api('alice', 'POST', `${opp}/events`, { type: 'LOSE' }),
      await api('alice', 'DELETE', `/records/activity/${rec.b}?version=1`),
    ];
    expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect(JSON.stringify(attempts.map((r) => r.body))).not.toContain('Bravo');
    // Deleting a customer is not a salesperson's right at all.
    expect((await api('alice', 'DELETE', `${path}?version=1`)).status).toBe(403);
    const stored = await api('admin', 'GET', path);
    expect(stored.body).toMatchObject({ name: NAMES.b, version: 1, state: expect.any(String) });
  });

  it('expands a relation into another team as a bare, restricted link', async () => {
    const deal = await api('alice', 'GET', `/records/opportunity/${rec.oppAonB}?expand=customer`);
    expect(deal.status).toBe(200);
    expect(deal.body.customer).toEqual({ id: rec.b, restricted: true });
    const list = await api('alice', 'GET', `/records/opportunity?expand=customer&sort=name`);
    expect(list.body.data.map((d: { name: string }) => d.name)).toEqual(['Deal A', 'Deal A on B']);
    expect(JSON.stringify(list.body)).not.toContain('Bravo');
  });

  it('exports only their own records', async () => {
    const csv = await api('alice', 'GET', '/records/customer/export');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain(NAMES.a);
    expect(csv.body).not.toContain('Bravo');
  });

  it('sees reports over their own deals only', async () => {
    const funnel = (await api('alice', 'GET', '/reports/opportunity-sales/funnel')).body;
    const bossView = (await api('admin', 'GET', '/reports/opportunity-sales/funnel')).body;
    const total = (report: { total?: { count: number }; stages?: unknown }) => JSON.stringify(report);
    expect(total(funnel)).not.toEqual(total(bossView));
    expect(JSON.stringify(funnel)).toContain('100005');
    expect(JSON.stringify(bossView)).toContain('350005');
  });

  it('cannot give a record to another team', async () => {
    const moved = await api('alice', 'PATCH', `/records/customer/${rec.a}`, { version: 1, owner_id: who.bob });
    expect(moved.status).toBe(403);
    expect(moved.body.issues[0]).toMatchObject({ pointer: '/owner_id' });
    const created = await api('alice', 'POST', '/records/customer', {
      record_type: 'company',
      name: 'Gift',
      industry: 'retail',
      owner_id: who.bob,
    });
    expect(created.status).toBe(403);
  });
});

describe('a sales manager', () => {
  it("sees the team's records and not the other team's", async () => {
    const names = (await api('mia', 'GET', '/records/customer?sort=name')).body.data.map(
      (c: { name: string }) => c.name,
    );
    expect(names).toEqual([NAMES.a]);
    expect((await api('mia', 'GET', `/records/customer/${rec.b}`)).status).toBe(404);
    expect((await api('mia', 'GET', `/records/customer/${rec.a}`)).status).toBe(200);
  });
});

describe('field restrictions', () => {
  it('a hidden field never appears: list, record, expand, export, audit, meta, OpenAPI', async () => {
    await api('admin', 'PATCH', `/records/opportunity/${rec.oppA}`, { version: 1, amount: 120000 });
    const list = await api('mark', 'GET', '/records/opportunity');
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBe(3);
    const one = await api('mark', 'GET', `/records/opportunity/${rec.oppA}`);
    const expanded = await api('mark', 'GET', `/records/contact?expand=customer`);
    const csv = await api('mark', 'GET', '/records/opportunity/export');
    const audit = await api('mark', 'GET', `/records/opportunity/${rec.oppA}/audit`);
    const meta = await api('mark', 'GET', '/meta/entities');
    const openapi = await api('mark', 'GET', '/openapi.json');
    for (const response of [list, one, expanded, csv, audit, meta, openapi]) expect(response.status).toBe(200);
    expect(list.body.data.every((d: object) => !('amount' in d))).toBe(true);
    expect(one.body).not.toHaveProperty('amount');
    expect(csv.body.split('\n')[0]).not.toContain('amount');
    // The create only: the update changed nothing but the hidden amount, so it is left out for this reader.
    expect(audit.body.data.map((row: { action: string }) => row.action)).toEqual(['create']);
    expect(audit.body.data.every((row: { changes: object }) => !('amount' in row.changes))).toBe(true);
    expect(meta.body.data.find((e: { $id: string }) => e.$id === 'opportunity').properties).not.toHaveProperty(
      'amount',
    );
    expect(openapi.body.components.schemas.Opportunity.properties).not.toHaveProperty('amount');
    // The admin still sees it all.
    expect((await api('admin', 'GET', `/records/opportunity/${rec.oppA}/audit`)).body.data[0].changes).toEqual({
      amount: [100000, 120000],
    });
  });

  it('a hidden field cannot be filtered, sorted, selected, expanded or written', async () => {
    for (const query of ['filter[amount][gt]=1', 'sort=-amount', 'fields=name,amount']) {
      const response = await api('mark', 'GET', `/records/opportunity?${query}`);
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(response.body)).toContain('amount');
    }
  });

  it('a read-only field cannot be written by any route', async () => {
    const patch = await api('alice', 'PATCH', `/records/opportunity/${rec.oppA}`, {
      version: 2,
      closedAt: '2026-01-01T00:00:00Z',
    });
    expect(patch.status).toBe(422);
    expect(patch.body.issues).toContainEqual(expect.objectContaining({ pointer: '/closedAt', keyword: 'readOnly' }));
    const create = await api('alice', 'POST', '/records/opportunity', {
      name: 'Sneaky',
      customer: rec.a,
      closedAt: '2026-01-01T00:00:00Z',
    });
    expect(create.status).toBe(422);
    expect(create.body.issues).toContainEqual(expect.objectContaining({ pointer: '/closedAt', keyword: 'readOnly' }));
    const openapi = (await api('alice', 'GET', '/openapi.json')).body.components.schemas;
    expect(openapi.OpportunityPatch.properties).not.toHaveProperty('closedAt');
    expect(openapi.Opportunity.properties.closedAt.readOnly).toBe(true);
    expect((await api('alice', 'GET', `/records/opportunity/${rec.oppA}`)).body.closedAt).toBeNull();
  });
});

describe('injection and malformed input', () => {
  const attacks = ["'; drop table customer; --", '" or 1=1 --', 'name) or (1=1', '../../etc/passwd', '%00', '\u0000'];

  it('gets a 4xx in every query parameter, never a 5xx', async () => {
    for (const attack of attacks) {
      const value = encodeURIComponent(attack);
      const paths = [
        `/records/customer?filter[${value}]=1`,
        `/records/customer?filter[name][${value}]=1`,
        `/records/customer?sort=${value}`,
        `/records/customer?fields=${value}`,
        `/records/customer?expand=${value}`,
        `/records/customer?cursor=${value}`,
        `/records/customer?limit=${value}`,
        `/records/customer?${value}=1`,
        `/records/customer/${value}`,
        `/records/${value}`,
        `/reports/${value}/funnel`,
        `/records/customer/${rec.a}/audit?cursor=${value}`,
      ];
      for (const path of paths) {
        const response = await api('alice', 'GET', path);
        expect(response.status, `${path}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${path}`).toBeLessThan(500);
        expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(js|ts):\d+|node_modules|select .* from/i);
      }
      // Text that merely contains SQL is data: searched and filtered as bound values.
      expect((await api('alice', 'GET', `/records/customer?q=${value}`)).status).toBeLessThan(500);
      expect((await api('alice', 'GET', `/records/customer?filter[name]=${value}`)).status).toBeLessThan(500);
    }
  });

  it('gets a 4xx in every JSON field name and a stored literal in values', async () => {
    for (const attack of attacks) {
      const badKey = await api('alice', 'POST', '/records/customer', {
        record_type: 'company',
        name: 'X',
        industry: 'retail',
        [attack]: 1,
      });
      expect(badKey.status).toBe(422);
      const badEvent = await api('alice', 'POST', `/records/opportunity/${rec.oppA}/events`, { type: attack });
      expect(badEvent.status).toBe(400);
    }
    const literal = await api('alice', 'POST', '/records/customer', {
      record_type: 'company',
      name: attacks[0],
      industry: 'retail',
    });
    expect(literal.status).toBe(201);
    expect((await api('alice', 'GET', `/records/customer/${literal.body.id}`)).body.name).toBe(attacks[0]);
  });
});

describe('the audit trail', () => {
  it('records create and update with before, after, actor and request id', async () => {
    const created = await api(
      'alice',
      'POST',
      '/records/customer',
      { record_type: 'company', name: '审计 Audit', industry: 'retail' },
      { 'x-request-id': 'req-create-1' },
    );
    const path = `/records/customer/${created.body.id}`;
    const patched = await api(
      'alice',
      'PATCH',
      path,
      { version: 1, name: '审计 Audited', region: 'eastChina' },
      { 'x-request-id': 'req-patch-1' },
    );
    expect(patched.status).toBe(200);
    expect(patched.headers.get('x-request-id')).toBe('req-patch-1');
    const trail = (await api('alice', 'GET', `${path}/audit`)).body.data;
    expect(trail.map((row: { action: string }) => row.action)).toEqual(['update', 'create']);
    expect(trail[0]).toMatchObject({
      actorId: who.alice,
      requestId: 'req-patch-1',
      changes: { name: ['审计 Audit', '审计 Audited'], region: [null, 'eastChina'] },
    });
    expect(trail[1]).toMatchObject({
      actorId: who.alice,
      requestId: 'req-create-1',
      changes: { name: [null, '审计 Audit'], owner_id: [null, who.alice] },
    });
  });

  it('records a transition, and refuses an event outside the role', async () => {
    const created = (
      await api('alice', 'POST', '/records/customer', {
        record_type: 'company',
        name: '流转 Flow',
        industry: 'retail',
        level: 'normal',
      })
    ).body;
    const path = `/records/customer/${created.id}`;
    const activated = await api(
      'alice',
      'POST',
      `${path}/events`,
      { type: 'ACTIVATE' },
      { 'x-request-id': 'req-event-1' },
    );
    expect(activated.status).toBe(200);
    const [row] = (await api('alice', 'GET', `${path}/audit?limit=1`)).body.data;
    expect(row).toMatchObject({
      action: 'transition',
      actorId: who.alice,
      requestId: 'req-event-1',
      changes: { state: ['prospect', 'active'] },
      detail: { workflow: 'customer-lifecycle', event: 'ACTIVATE', from: 'prospect', to: 'active' },
    });
    // Promoting to key account is the sales manager's call: blocked with the reason, and refused.
    const events = (await api('alice', 'GET', `${path}/transitions?all=1`)).body.data;
    expect(events.find((e: { event: string }) => e.event === 'PROMOTE')).toMatchObject({ allowed: false });
    expect((await api('alice', 'POST', `${path}/events`, { type: 'PROMOTE' })).status).toBe(403);
    expect((await api('mia', 'POST', `${path}/events`, { type: 'PROMOTE' })).status).toBe(200);
  });

  it('records a delete', async () => {
    const activity = (await api('alice', 'POST', '/records/activity', { subject: '拜访 Visit', type: 'visit' })).body;
    expect(activity.id).toBeTruthy();
    const deleted = await api('alice', 'DELETE', `/records/activity/${activity.id}?version=${activity.version}`);
    expect(deleted.status).toBe(204);
    const rows = (await api('admin', 'GET', `/records/activity/${activity.id}/audit`)).status;
    // The record is gone, so its trail is read through the database, where it must remain.
    expect(rows).toBe(404);
    const trail = await server.testDb.db
      .knex('lodestar_audit')
      .where({ entity: 'activity', record_id: activity.id })
      .orderBy('id');
    expect(trail.map((row) => row.action)).toEqual(['create', 'delete']);
    expect(trail[1].changes.subject).toEqual(['拜访 Visit', null]);
  });

  it('has no route that changes or deletes audit rows', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect((await api('admin', method, `/records/customer/${rec.a}/audit`, {})).status).toBe(404);
    }
    await expect(server.testDb.db.knex('lodestar_audit').delete()).rejects.toThrow(/append-only/);
  });
});

describe("a sales manager's team", () => {
  it('is the org tree at the moment of each request: a salesperson moved in counts at once, moved out no longer', async () => {
    const names = async () =>
      (await api('mia', 'GET', '/records/customer?fields=name&sort=name&limit=200')).body.data
        .map((r: { name: string }) => r.name)
        .filter((name: string) => name === NAMES.a || name === NAMES.b);
    expect(await names()).toEqual([NAMES.a]);
    expect((await api('admin', 'PATCH', `/admin/users/${who.bob}`, { orgUnitId: units.a })).status).toBe(200);
    try {
      expect(await names()).toEqual([NAMES.a, NAMES.b]);
      const found = await api('mia', 'GET', `/search?q=${encodeURIComponent('华南')}`);
      expect(JSON.stringify(found.body)).toContain(NAMES.b);
    } finally {
      expect((await api('admin', 'PATCH', `/admin/users/${who.bob}`, { orgUnitId: units.b })).status).toBe(200);
    }
    expect(await names()).toEqual([NAMES.a]);
  });
});

describe('without a token', () => {
  it('every data route answers 401', async () => {
    const paths = [
      ['GET', '/records/customer'],
      ['GET', '/records/customer/export'],
      ['GET', `/records/customer/${rec.a}`],
      ['GET', `/records/customer/${rec.a}/audit`],
      ['GET', `/records/customer/${rec.a}/history`],
      ['POST', `/records/opportunity/${rec.oppA}/events`],
      ['GET', '/reports/opportunity-sales/funnel'],
      ['GET', '/meta/entities'],
      ['POST', '/admin/handover'],
    ];
    for (const [method, path] of paths) {
      expect(
        (await server.request(method!, `/api/v1${path}`, undefined, { authorization: '' })).status,
        `${method} ${path}`,
      ).toBe(401);
    }
  });
});
