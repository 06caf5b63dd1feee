import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestResponse, type TestServer } from './support/test-server.js';

/*
 * The endpoints the runtime UI needs beyond records: the users directory, saved views, grouped
 * counts and sums, and "My day". Over HTTP against PostgreSQL with the default template's roles:
 * two salespeople in two teams, a marketing specialist (amount hidden), a deactivated user.
 */
let server: TestServer;
const who = { alice: '', bob: '', mark: '', gone: '' };
const tokens: Record<string, string> = {};
const opp = { a1: '', a2: '', a3: '', aLost: '', b1: '', mark: '' };
let teamA = '';

type User = keyof typeof who | 'admin';
const api = (user: User, method: string, path: string, body?: unknown): Promise<TestResponse> =>
  server.request(method, `/api/v1${path}`, body, user === 'admin' ? {} : { authorization: `Bearer ${tokens[user]}` });
const sql = (text: string, bindings: unknown[] = []) => server.testDb.db.knex.raw(text, bindings as never[]);
const created = async (response: Promise<TestResponse>): Promise<string> => {
  const r = await response;
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
};

beforeAll(async () => {
  server = await startTestServer();
  const unit = async (name: string) => (await api('admin', 'POST', '/admin/org-units', { name })).body.id as string;
  teamA = await unit('Team A');
  const teamB = await unit('Team B');
  const user = async (key: keyof typeof who, displayName: string, roles: string[], orgUnitId: string | null) => {
    const { user: made, token } = await server.userToken({
      email: `${key}@example.com`,
      displayName,
      roles,
      orgUnitId,
    });
    who[key] = made.id;
    tokens[key] = token;
  };
  await user('alice', 'Alice Zhang', ['salesperson'], teamA);
  await user('bob', 'Bob Wang', ['salesperson'], teamB);
  await user('mark', 'Mark Li', ['marketing'], null);
  await user('gone', 'Aaron Gone', ['salesperson'], teamA);
  await sql('update lodestar_users set active = false where id = ?', [who.gone]);

  const custA = await created(
    api('alice', 'POST', '/records/customer', {
      record_type: 'company',
      name: 'Alpha 华东',
      industry: 'retail',
      region: 'eastChina',
    }),
  );
  const custB = await created(
    api('bob', 'POST', '/records/customer', {
      record_type: 'company',
      name: 'Bravo 华南',
      industry: 'retail',
      region: 'southChina',
    }),
  );
  const deal = (user: User, body: Record<string, unknown>) => created(api(user, 'POST', '/records/opportunity', body));
  opp.a1 = await deal('alice', { name: 'Alpha one', customer: custA, amount: 100, source: 'referral' });
  opp.a2 = await deal('alice', { name: 'Alpha two', customer: custA, amount: 250.5, source: 'website' });
  opp.a3 = await deal('alice', { name: 'Gamma special', customer: custA, amount: 50, source: 'referral' });
  opp.aLost = await deal('alice', { name: 'Alpha lost', customer: custA, amount: 7, source: 'tender' });
  opp.b1 = await deal('bob', { name: 'Bravo one', customer: custB, amount: 1000, source: 'referral' });
  opp.mark = await deal('admin', { name: 'Mark deal', customer: custA, amount: 999, owner_id: who.mark });
  // Stage changes, stuck and breached deals are set in SQL: these endpoints only read.
  await sql(`update opportunity set state = 'interestShown' where id = ?`, [opp.a2]);
  await sql(
    `update opportunity set state = 'lost', state_entered_at = now() - interval '90 days', sla_breached_at = now() where id = ?`,
    [opp.aLost],
  );
  await sql(`update opportunity set state_entered_at = now() - interval '30 days' where id in (?, ?, ?)`, [
    opp.a1,
    opp.b1,
    opp.mark,
  ]);
  await sql(`update opportunity set sla_breached_at = now() - interval '1 hour' where id = ?`, [opp.a3]);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('GET /users', () => {
  it('lists active users by display name, for any signed-in user', async () => {
    const r = await api('alice', 'GET', '/users');
    expect(r.status).toBe(200);
    expect(r.body.data.map((u: { displayName: string }) => u.displayName)).toEqual([
      'Admin',
      'Alice Zhang',
      'Bob Wang',
      'Mark Li',
    ]);
    expect(r.body.data[1]).toEqual({
      id: who.alice,
      displayName: 'Alice Zhang',
      email: 'alice@example.com',
      orgUnitId: teamA,
    });
    expect(r.body.data[3]).toEqual({
      id: who.mark,
      displayName: 'Mark Li',
      email: 'mark@example.com',
      orgUnitId: null,
    });
    expect(JSON.stringify(r.body)).not.toContain(who.gone);
  });

  it('needs a login', async () => {
    expect((await server.request('GET', '/api/v1/users', undefined, { authorization: '' })).status).toBe(401);
  });
});

describe('saved views', () => {
  it("creates, replaces by name, lists by name and deletes the caller's own views", async () => {
    const first = await api('alice', 'POST', '/views/customer', {
      name: 'Mine',
      query: { filter: { region: 'eastChina' } },
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      entity: 'customer',
      name: 'Mine',
      query: { filter: { region: 'eastChina' } },
      createdAt: expect.any(String),
      mine: true,
      ownerId: expect.any(String),
      ownerName: expect.any(String),
      sharedWith: null,
    });
    const replaced = await api('alice', 'POST', '/views/customer', { name: 'Mine', query: { sort: '-created_at' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: first.body.id, name: 'Mine', query: { sort: '-created_at' } });
    expect((await api('alice', 'POST', '/views/customer', { name: 'Another', query: {} })).status).toBe(201);
    expect((await api('alice', 'POST', '/views/opportunity', { name: 'Deals', query: {} })).status).toBe(201);

    const listed = await api('alice', 'GET', '/views/customer');
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((v: { name: string }) => v.name)).toEqual(['Another', 'Mine']);
    expect(listed.body.data[1].query).toEqual({ sort: '-created_at' });

    // Bob sees none of them and cannot delete them; Bob's own view of the same name is his.
    expect((await api('bob', 'GET', '/views/customer')).body.data).toEqual([]);
    expect((await api('bob', 'DELETE', `/views/customer/${first.body.id}`)).status).toBe(404);
    expect((await api('bob', 'POST', '/views/customer', { name: 'Mine', query: { q: 'x' } })).status).toBe(201);
    expect((await api('alice', 'GET', '/views/customer')).body.data[1].query).toEqual({ sort: '-created_at' });

    expect((await api('alice', 'DELETE', `/views/opportunity/${first.body.id}`)).status).toBe(404); // wrong entity
    expect((await api('alice', 'DELETE', `/views/customer/${first.body.id}`)).status).toBe(204);
    expect((await api('alice', 'DELETE', `/views/customer/${first.body.id}`)).status).toBe(404);
    expect((await api('alice', 'DELETE', '/views/customer/not-a-uuid')).status).toBe(404);
    expect((await api('alice', 'GET', '/views/customer')).body.data.map((v: { name: string }) => v.name)).toEqual([
      'Another',
    ]);
  });

  it.each([
    [{ query: {} }, '/name', 'required'],
    [{ name: '', query: {} }, '/name', 'minLength'],
    [{ name: 'x'.repeat(101), query: {} }, '/name', 'maxLength'],
    [{ name: 3, query: {} }, '/name', 'type'],
    [{ name: 'A' }, '/query', 'required'],
    [{ name: 'A', query: [1] }, '/query', 'type'],
    [{ name: 'A', query: { text: 'x'.repeat(17_000) } }, '/query', 'maxSize'],
    [{ name: 'A', query: {}, colour: 'red' }, '/colour', 'additionalProperties'],
    [[1, 2], '', 'type'],
  ])('answers 422 for %j naming %s and %s', async (body, pointer, keyword) => {
    const r = await api('alice', 'POST', '/views/customer', body);
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.issues).toContainEqual(expect.objectContaining({ pointer, keyword }));
  });

  it('is 403 for an entity the caller cannot read (as its records routes) and 404 for one that does not exist', async () => {
    expect((await api('alice', 'GET', '/views/serviceRequest')).status).toBe(403);
    expect((await api('alice', 'POST', '/views/serviceRequest', { name: 'X', query: {} })).status).toBe(403);
    expect((await api('alice', 'GET', '/views/nothing')).status).toBe(404);
    expect((await api('admin', 'GET', '/views/serviceRequest')).status).toBe(200);
  });
});

describe('GET /records/{entity}/groups', () => {
  const groups = async (user: User, query: string) => {
    const r = await api(user, 'GET', `/records/opportunity/groups?${query}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };

  it('counts and sums per state over every record for an administrator', async () => {
    expect(await groups('admin', 'by=state&sum=amount')).toEqual({
      by: 'state',
      sum: 'amount',
      data: [
        { key: 'initialContact', count: 4, sum: 2149 },
        { key: 'interestShown', count: 1, sum: 250.5 },
        { key: 'lost', count: 1, sum: 7 },
      ],
    });
  });

  it("counts only a salesperson's own records (team B is never counted)", async () => {
    expect(await groups('alice', 'by=state&sum=amount')).toEqual({
      by: 'state',
      sum: 'amount',
      data: [
        { key: 'initialContact', count: 2, sum: 150 },
        { key: 'interestShown', count: 1, sum: 250.5 },
        { key: 'lost', count: 1, sum: 7 },
      ],
    });
    expect(await groups('alice', 'by=source')).toEqual({
      by: 'source',
      sum: null,
      data: [
        { key: 'referral', count: 2, sum: null },
        { key: 'tender', count: 1, sum: null },
        { key: 'website', count: 1, sum: null },
      ],
    });
    expect((await groups('bob', 'by=owner_id&sum=amount')).data).toEqual([{ key: who.bob, count: 1, sum: 1000 }]);
  });

  it('narrows by the same filters and search as the list', async () => {
    expect((await groups('alice', 'by=state&sum=amount&filter[source]=referral')).data).toEqual([
      { key: 'initialContact', count: 2, sum: 150 },
    ]);
    expect((await groups('alice', `by=state&sum=amount&q=${encodeURIComponent('Gamma')}`)).data).toEqual([
      { key: 'initialContact', count: 1, sum: 50 },
    ]);
    expect((await groups('admin', 'by=owner_id&filter[customer.region]=southChina')).data).toEqual([
      { key: who.bob, count: 1, sum: null },
    ]);
    expect((await groups('admin', 'by=customer&filter[amount][gte]=999')).data).toHaveLength(2);
  });

  it.each([
    ['sum=amount', '/query/by', 'required'],
    ['by=nothing', '/query/by', 'unknownField'],
    ['by=closedAt', '/query/by', 'ungroupable'],
    ['by=amount', '/query/by', 'ungroupable'],
    ['by=version', '/query/by', 'ungroupable'],
    ['by=state&sum=name', '/query/sum', 'unsummable'],
    ['by=state&sum=nothing', '/query/sum', 'unknownField'],
    ['by=state&sort=name', '/query/sort', 'unknownParameter'],
    ['by=state&filter[nothing]=1', '/query/filter[nothing]', 'unknownField'],
  ])('answers 400 for %s naming %s and %s', async (query, pointer, keyword) => {
    const r = await api('alice', 'GET', `/records/opportunity/groups?${query}`);
    expect(r.status).toBe(400);
    expect(r.body.issues).toContainEqual(expect.objectContaining({ pointer, keyword }));
  });

  it('treats a hidden field as unknown, and an unreadable entity as forbidden', async () => {
    const hidden = await api('mark', 'GET', '/records/opportunity/groups?by=state&sum=amount');
    expect(hidden.status).toBe(400);
    expect(hidden.body.issues).toContainEqual(
      expect.objectContaining({ pointer: '/query/sum', keyword: 'unknownField' }),
    );
    expect(
      (await api('mark', 'GET', '/records/opportunity/groups?by=state')).body.data.reduce(
        (n: number, g: { count: number }) => n + g.count,
        0,
      ),
    ).toBe(6);
    expect((await api('alice', 'GET', '/records/serviceRequest/groups?by=state')).status).toBe(403);
  });
});

describe('the OpenAPI document', () => {
  it('describes the runtime UI routes, and groups as each caller may use them', async () => {
    const admin = (await api('admin', 'GET', '/openapi.json')).body;
    for (const path of ['/users', '/views/{entity}', '/views/{entity}/{id}', '/my-day', '/records/opportunity/groups'])
      expect(admin.paths, path).toHaveProperty([path]);
    const params = (doc: {
      paths: Record<string, { get: { parameters: { name?: string; schema?: { enum?: string[] } }[] } }>;
    }) =>
      Object.fromEntries(
        doc.paths['/records/opportunity/groups']!.get.parameters.filter((p) => p.name).map((p) => [
          p.name,
          p.schema?.enum,
        ]),
      );
    expect(params(admin).by).toEqual(expect.arrayContaining(['state', 'owner_id', 'source', 'customer']));
    expect(params(admin).by).not.toContain('closedAt');
    expect(params(admin).sum).toEqual(['amount']);
    const mark = (await api('mark', 'GET', '/openapi.json')).body;
    expect(params(mark).sum).toBeUndefined();
  });
});

describe('GET /my-day', () => {
  const activity = (user: User, subject: string, fields: Record<string, unknown>) =>
    created(api(user, 'POST', '/records/activity', { subject, type: 'task', ...fields }));
  const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
  const act = { due: '', overdue: '', done: '', reminder: '', bob: '' };

  beforeAll(async () => {
    act.due = await activity('alice', 'Call Alpha today', { plannedStart: days(0), status: 'planned' });
    act.overdue = await activity('alice', 'Send the quote', { plannedStart: days(-3), status: 'inProgress' });
    act.done = await activity('alice', 'Done already', { plannedStart: days(0), remindAt: days(0), status: 'done' });
    act.reminder = await activity('alice', 'Prepare the demo', {
      plannedStart: days(5),
      remindAt: days(0),
      status: 'planned',
    });
    act.bob = await activity('bob', 'Bob calls Bravo', { plannedStart: days(0), remindAt: days(0), status: 'planned' });
  });

  const ids = (items: { id: string }[]) => items.map((item) => item.id);

  it('lists what the caller owns: due today, overdue, reminders, SLA breaches and stuck records', async () => {
    const r = await api('alice', 'GET', '/my-day?tz=Asia/Shanghai');
    expect(r.status).toBe(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(r.body.today).toBe(today);
    expect(ids(r.body.due)).toEqual([act.due]);
    expect(ids(r.body.overdue)).toEqual([act.overdue]);
    expect(ids(r.body.reminders)).toEqual([act.reminder]);
    expect(ids(r.body.slaBreached)).toEqual([opp.a3]);
    expect(ids(r.body.stuck)).toEqual([opp.a1]);
    expect(JSON.stringify(r.body)).not.toContain(act.done);
    expect(JSON.stringify(r.body)).not.toContain(act.bob);
    expect(JSON.stringify(r.body)).not.toContain(opp.b1);
    expect(JSON.stringify(r.body)).not.toContain(opp.aLost);
  });

  it('shapes each item with its title, time, state, workflow and the record', async () => {
    const body = (await api('alice', 'GET', '/my-day?tz=Asia/Shanghai')).body;
    const due = body.due[0];
    expect(due).toMatchObject({
      entity: 'activity',
      id: act.due,
      title: 'Call Alpha today',
      at: due.record.plannedStart,
    });
    expect(due.record).toMatchObject({
      id: act.due,
      subject: 'Call Alpha today',
      status: 'planned',
      owner_id: who.alice,
      version: 1,
    });
    const stuck = body.stuck[0];
    expect(stuck).toMatchObject({
      entity: 'opportunity',
      title: 'Alpha one',
      state: 'initialContact',
      workflow: 'opportunity-sales',
      at: stuck.record.state_entered_at,
    });
    expect(Date.now() - Date.parse(stuck.at)).toBeGreaterThan(29 * 86_400_000);
    expect(body.slaBreached[0]).toMatchObject({
      entity: 'opportunity',
      title: 'Gamma special',
      state: 'initialContact',
      workflow: 'opportunity-sales',
      at: body.slaBreached[0].record.sla_breached_at,
    });
  });

  it('leaves fields hidden from the caller out of the records', async () => {
    const body = (await api('mark', 'GET', '/my-day')).body;
    expect(ids(body.stuck)).toEqual([opp.mark]);
    expect(body.stuck[0].record).not.toHaveProperty('amount');
    expect(body.stuck[0].record.name).toBe('Mark deal');
  });

  it('judges "today" in the given time zone and refuses unknown ones', async () => {
    const auckland = await api('alice', 'GET', '/my-day?tz=Pacific/Auckland');
    expect(auckland.body.today).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Auckland' }).format(new Date()),
    );
    const bad = await api('alice', 'GET', '/my-day?tz=Mars/Olympus');
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toContainEqual(expect.objectContaining({ pointer: '/query/tz', keyword: 'timeZone' }));
    expect((await api('alice', 'GET', '/my-day?tz=%2B08:00')).status).toBe(400);
    expect((await api('alice', 'GET', '/my-day?when=today')).status).toBe(400);
  });
});
