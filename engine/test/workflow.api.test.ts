import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../src/identity/sessions.js';
import { startEngine } from '../src/main.js';
import { FIXTURES } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
const users = { manager: '', alice: '', bob: '', boss: '' };

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: join(FIXTURES, 'workflow-runtime') });
  const knex = server.testDb.db.knex;
  const [boss] = await knex('lodestar_users')
    .insert({ email: 'boss@example.com', display_name: 'Boss', roles: ['manager'] })
    .returning('id');
  const rows = await knex('lodestar_users')
    .insert([
      { email: 'manager@example.com', display_name: 'Manager', roles: ['manager'] },
      { email: 'alice@example.com', display_name: 'Alice', roles: ['agent'], manager_id: boss.id },
      { email: 'bob@example.com', display_name: 'Bob', roles: ['agent'], manager_id: boss.id },
    ])
    .returning(['id', 'email']);
  const byEmail = Object.fromEntries(rows.map((r: { id: string; email: string }) => [r.email, r.id]));
  Object.assign(users, {
    boss: boss.id,
    manager: byEmail['manager@example.com'],
    alice: byEmail['alice@example.com'],
    bob: byEmail['bob@example.com'],
  });
  for (const id of Object.values(users)) tokens.set(id, (await openSession(knex, id, new Date())).token);
});
afterAll(() => server?.close());

const tokens = new Map<string, string>();
const as = (user: string) => ({ authorization: `Bearer ${tokens.get(user)}` });
const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  server.request(method, `/api/v1/records${path}`, body, headers);
const send = (path: string, type: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  api('POST', `${path}/events`, { type, ...extra }, headers);
const history = async (path: string) => (await api('GET', `${path}/history`)).body.data as Record<string, unknown>[];
const knex = () => server.testDb.db.knex;

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('moving a deal through its stages', () => {
  it('starts a new record in the initial state, with a start row in history', async () => {
    const deal = (await api('POST', '/deal', { title: 'Start' }, as(users.alice))).body;
    expect(deal).toMatchObject({ state: 'lead', version: 1 });
    expect(Date.parse(deal.state_entered_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(await history(`/deal/${deal.id}`)).toEqual([
      expect.objectContaining({ from: null, to: 'lead', event: 'START', actor: users.alice, workflow: 'deal-sales' }),
    ]);
  });

  it('refuses a guarded event with its reason, changes nothing, and allows it once the field is filled', async () => {
    const deal = (await api('POST', '/deal', { title: 'Guarded', owner_id: users.alice })).body;
    const path = `/deal/${deal.id}`;
    const allowed = (await api('GET', `${path}/transitions`)).body;
    expect(allowed).toEqual({ workflow: 'deal-sales', state: 'lead', data: [] });
    const all = (await api('GET', `${path}/transitions?all=1`)).body.data;
    expect(all).toEqual([
      expect.objectContaining({
        event: 'QUALIFY',
        target: 'qualified',
        allowed: false,
        reason: expect.objectContaining({ en: expect.stringContaining('amount') }),
      }),
      expect.objectContaining({
        event: 'LOSE',
        target: 'lost',
        allowed: false,
        reason: expect.objectContaining({ en: expect.stringContaining('lostReason') }),
      }),
    ]);

    const refused = await send(path, 'QUALIFY');
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      type: expect.stringContaining('transition-refused'),
      event: 'QUALIFY',
      state: 'lead',
      guard: 'requireFields',
      reason: { en: expect.stringContaining('amount') },
    });
    expect((await api('GET', path)).body).toMatchObject({ state: 'lead', version: 1 });
    expect(await history(path)).toHaveLength(1);

    await api('PATCH', path, { version: 1, amount: 5000 });
    expect((await api('GET', `${path}/transitions`)).body.data).toEqual([
      { event: 'QUALIFY', target: 'qualified', allowed: true },
    ]);
    const moved = await send(path, 'QUALIFY', { comment: 'budget confirmed' }, as(users.alice));
    expect(moved.status).toBe(200);
    expect(moved.body.record).toMatchObject({ state: 'qualified', version: 3, amount: 5000 });
    expect(moved.body.transition).toMatchObject({ from: 'lead', to: 'qualified', event: 'QUALIFY' });
    expect(moved.headers.get('etag')).toBe('"3"');
    expect((await history(path)).at(-1)).toMatchObject({
      from: 'lead',
      to: 'qualified',
      event: 'QUALIFY',
      actor: users.alice,
      comment: 'budget confirmed',
    });
  });

  it('runs entry actions in the transition: a follow-up task, a mail to the owner and a webhook in the outbox', async () => {
    const deal = (await api('POST', '/deal', { title: 'Effects', amount: 10, owner_id: users.alice })).body;
    const moved = await send(`/deal/${deal.id}`, 'QUALIFY');
    const tasks = (await api('GET', `/task?filter[deal]=${deal.id}`)).body.data;
    expect(tasks).toEqual([expect.objectContaining({ subject: 'Send the proposal', deal: deal.id })]);
    const outbox = await knex()('lodestar_outbox').where({ record_id: deal.id }).orderBy('id');
    expect(outbox.map((row: { kind: string; history_id: string }) => [row.kind, Number(row.history_id)])).toEqual([
      ['email', moved.body.transition.historyId],
      ['webhook', moved.body.transition.historyId],
    ]);
    expect(outbox[0].payload).toMatchObject({ to: ['alice@example.com'], subject: 'Deal qualified' });
    expect(outbox[1].payload).toMatchObject({
      url: 'http://127.0.0.1:9/hooks/deals',
      body: { event: 'QUALIFY', entity: 'deal', recordId: deal.id, from: 'lead', to: 'qualified' },
    });
  });

  it('lets only the approval role approve, and keeps who decided, when and why', async () => {
    const deal = (await api('POST', '/deal', { title: 'Approval', amount: 99 })).body;
    const path = `/deal/${deal.id}`;
    await send(path, 'QUALIFY');
    await send(path, 'PROPOSE');
    const bySales = await send(path, 'APPROVE', {}, as(users.alice));
    expect(bySales.status).toBe(409);
    expect(bySales.body.reason.en).toMatch(/manager/i);
    const blocked = (await api('GET', `${path}/transitions?all=1`, undefined, as(users.alice))).body.data;
    expect(blocked.find((e: { event: string }) => e.event === 'APPROVE')).toMatchObject({ allowed: false });
    const approved = await send(path, 'APPROVE', { comment: '同意，按标准价' }, as(users.manager));
    expect(approved.status).toBe(200);
    expect(approved.body.record).toMatchObject({ state: 'won', approvedBy: users.manager });
    expect((await history(path)).at(-1)).toMatchObject({
      from: 'proposal',
      to: 'won',
      event: 'APPROVE',
      actor: users.manager,
      comment: '同意，按标准价',
      approval: { role: 'manager', decision: 'approved' },
      at: expect.any(String),
    });
  });

  it.each([
    ['an event the state does not know', { type: 'WIN' }, 409],
    ['an event name that is not one', { type: 'drop table' }, 400],
    ['no event', {}, 400],
    ['a comment that is not text', { type: 'QUALIFY', comment: 42 }, 400],
  ])('answers %s with its status', async (_case, body, status) => {
    const deal = (await api('POST', '/deal', { title: 'Bad event', amount: 1 })).body;
    const response = await api('POST', `/deal/${deal.id}/events`, body);
    expect(response.status).toBe(status);
    expect((await api('GET', `/deal/${deal.id}`)).body.version).toBe(1);
  });

  it('answers 404 for a missing record, 409 for a stale If-Match, and refuses records without a workflow', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await send(`/deal/${missing}`, 'QUALIFY')).status).toBe(404);
    expect((await api('GET', `/deal/${missing}/history`)).status).toBe(404);
    const deal = (await api('POST', '/deal', { title: 'Stale', amount: 1 })).body;
    expect((await send(`/deal/${deal.id}`, 'QUALIFY', {}, { 'if-match': '"7"' })).body).toMatchObject({
      status: 409,
      currentVersion: 1,
    });
    const task = (await api('POST', '/task', { subject: 'No workflow' })).body;
    expect(task.state).toBeUndefined();
    expect((await send(`/task/${task.id}`, 'DONE')).status).toBe(409);
    expect((await api('GET', `/task/${task.id}/transitions`)).body).toEqual({ workflow: null, state: null, data: [] });
  });
});

describe('starting a workflow in one statement', () => {
  it('writes the record, its start in history and its SLA timer together', async () => {
    const counter = (await api('POST', '/counter', { name: 'Timed start' })).body;
    expect(counter).toMatchObject({ state: 'a', version: 1, state_entered_at: expect.any(String) });
    expect(await history(`/counter/${counter.id}`)).toEqual([
      expect.objectContaining({ from: null, to: 'a', event: 'START' }),
    ]);
    const timers = await knex()('lodestar_timers')
      .where({ record_id: counter.id })
      .orderBy('id')
      .select('state', 'kind', 'event', 'status', 'due_at');
    expect(timers).toEqual([
      { state: 'a', kind: 'sla', event: null, status: 'pending', due_at: expect.any(Date) },
      { state: 'a', kind: 'slaWarn', event: null, status: 'pending', due_at: expect.any(Date) },
    ]);
    expect(timers[0].due_at.getTime() - Date.parse(counter.state_entered_at)).toBe(3_600_000);
    // The record carries the SLA's due time the timer has; its owner is warned after 80 % of the hour.
    expect(counter.sla_due_at).toBe(timers[0].due_at.toISOString());
    expect(timers[1].due_at.getTime() - Date.parse(counter.state_entered_at)).toBe(2_880_000);
  });
});

describe('concurrent events on one record', () => {
  it('keeps a history that is a valid path, with no lost or doubled transition', async () => {
    const counter = (await api('POST', '/counter', { name: 'Race' })).body;
    const path = `/counter/${counter.id}`;
    const events = Array.from({ length: 50 }, (_, i) => ['NEXT', 'BACK', 'NEXT'][i % 3]!);
    const responses = await Promise.all(events.map((type) => send(path, type)));
    expect(responses.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const accepted = responses.filter((r) => r.status === 200);
    const rows = await history(path);
    const moves = rows.slice(1);
    expect(moves).toHaveLength(accepted.length);
    const edges: Record<string, Record<string, string>> = {
      a: { NEXT: 'b' },
      b: { NEXT: 'c', BACK: 'a' },
      c: { BACK: 'b', DONE: 'done' },
      done: {},
    };
    let state = 'a';
    for (const row of moves) {
      expect(row.from).toBe(state);
      expect(row.to).toBe(edges[state]![row.event as string]);
      state = row.to as string;
    }
    const final = (await api('GET', path)).body;
    expect(final.state).toBe(state);
    expect(final.version).toBe(1 + accepted.length);
    expect(new Set(accepted.map((r) => r.body.record.version)).size).toBe(accepted.length);
    // The mix must really race: some events pass, others find the state moved on.
    expect(accepted.length).toBeGreaterThan(5);
    expect(accepted.length).toBeLessThan(50);
  });
});

describe('two engines on one database', () => {
  it('decide on the stored record even when this engine last saw an older version', async () => {
    const other = await startEngine(
      { port: 0, db: { dataDir: 'unused' }, definitionsDir: join(FIXTURES, 'workflow-runtime'), logLevel: 'silent' },
      { db: server.testDb.db, seed: false },
    );
    try {
      const otherApi = (method: string, path: string, body?: unknown) =>
        fetch(`${other.url}/api/v1/records${path}`, {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
          body: JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, body: await r.json() }));
      const deal = (await api('POST', '/deal', { title: 'Two engines' })).body;
      await api('GET', `/deal/${deal.id}`);
      // The other engine fills the amount: this engine's last view of the deal (no amount) is stale.
      expect((await otherApi('PATCH', `/deal/${deal.id}`, { version: 1, amount: 10 })).status).toBe(200);
      const qualified = await send(`/deal/${deal.id}`, 'QUALIFY');
      expect(qualified.status).toBe(200);
      expect(qualified.body.record).toMatchObject({ state: 'qualified', amount: 10, version: 3 });
      // And the other way round: the other engine moves it on; this engine's remembered version is old.
      expect((await otherApi('POST', `/deal/${deal.id}/events`, { type: 'PROPOSE' })).status).toBe(200);
      const stale = await send(`/deal/${deal.id}`, 'PROPOSE');
      expect(stale.status).toBe(409);
      expect(stale.body.state).toBe('proposal');
      expect((await history(`/deal/${deal.id}`)).map((row) => row.event)).toEqual(['START', 'QUALIFY', 'PROPOSE']);
    } finally {
      await other.close();
    }
  });
});

describe('durable timers and SLAs', () => {
  it('assigns round-robin, marks an SLA breach, escalates after the SLA with a mail to the manager, then fires the next delay', async () => {
    const first = (await api('POST', '/ticket', { subject: 'Printer' })).body;
    const second = (await api('POST', '/ticket', { subject: 'Screen' })).body;
    expect(new Set([first.owner_id, second.owner_id])).toEqual(new Set([users.alice, users.bob]));

    const breached = await until(
      () => api('GET', `/ticket/${first.id}`).then((r) => r.body),
      (t) => t.sla_breached_at !== null,
    );
    expect(breached).toMatchObject({ state: 'new', sla_breached_at: expect.any(String) });
    expect((await history(`/ticket/${first.id}`)).at(-1)).toMatchObject({
      from: 'new',
      to: 'new',
      event: 'SLA_BREACHED',
      actor: null,
    });

    await send(`/ticket/${first.id}`, 'PICK');
    expect((await api('GET', `/ticket/${first.id}`)).body.sla_breached_at).toBeNull();
    const solved = await until(
      () => api('GET', `/ticket/${first.id}`).then((r) => r.body),
      (t) => t.state === 'solved',
    );
    expect(solved.state).toBe('solved');
    const path = (await history(`/ticket/${first.id}`)).map((row) => `${row.event}:${row.to}`);
    expect(path).toEqual([
      'START:new',
      'SLA_BREACHED:new',
      'PICK:working',
      'SLA_BREACHED:working',
      'after.sla:escalated',
      'after.PT1S:solved',
    ]);
    const mails = await knex()('lodestar_outbox').where({ record_id: first.id, kind: 'email' });
    expect(mails.map((m: { payload: { to: string[] } }) => m.payload.to)).toEqual([['boss@example.com']]);
  });

  it('cancels a timer when the record leaves its state first', async () => {
    const ticket = (await api('POST', '/ticket', { subject: 'Quick' })).body;
    await send(`/ticket/${ticket.id}`, 'PICK');
    await send(`/ticket/${ticket.id}`, 'SOLVE');
    const timers = await until(
      () => knex()('lodestar_timers').where({ record_id: ticket.id }).orderBy('id').select('state', 'kind', 'status'),
      (rows: { status: string }[]) => rows.every((r) => r.status !== 'pending'),
    );
    // One-second SLAs: too short for a warning before them.
    expect(timers).toEqual([
      { state: 'new', kind: 'sla', status: 'cancelled' },
      { state: 'working', kind: 'sla', status: 'cancelled' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect((await history(`/ticket/${ticket.id}`)).map((row) => row.event)).toEqual(['START', 'PICK', 'SOLVE']);
  });
});
