import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVAL_DEFINITIONS } from './support/approval-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * Approvals by steps over HTTP on PostgreSQL: thresholds route a quote to the owner's manager and then the
 * director, legal and finance review a contract in parallel, any one approver settles an expense, a wrong
 * user is refused naming the step, delegates decide on behalf of others, and My day lists exactly the
 * approvals the caller may decide.
 */
let server: TestServer;
interface Who {
  id: string;
  token: string;
}
let boss: Who, rep: Who, director: Who, legal: Who, finance: Who, deputy: Who, amy: Who, other: Who;
const as = (who: Who | undefined, method: string, path: string, body?: unknown) =>
  server.request(method, `/api/v1${path}`, body, who ? { authorization: `Bearer ${who.token}` } : {});
const send = (who: Who, entity: string, id: string, type: string, comment?: string) =>
  as(who, 'POST', `/records/${entity}/${id}/events`, comment === undefined ? { type } : { type, comment });
const inbox = async (who: Who) => {
  const day = await as(who, 'GET', '/my-day?tz=Asia/Shanghai');
  expect(day.status, JSON.stringify(day.body)).toBe(200);
  return day.body.approvals as { entity: string; id: string; step: { id: string }; onBehalfOf?: { id: string } }[];
};
const inboxIds = async (who: Who) => (await inbox(who)).map((item) => `${item.id}:${item.step.id}`);

async function quote(name: string, discount: number, total = 10000): Promise<string> {
  const created = await as(rep, 'POST', '/records/quote', { name, discount, total });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

beforeAll(async () => {
  server = await startTestServer({ definitions: APPROVAL_DEFINITIONS });
  const user = async (email: string, roles: string[], displayName: string, managerId?: string) => {
    const made = await server.userToken({ email, roles, displayName, ...(managerId && { managerId }) });
    return { id: made.user.id, token: made.token };
  };
  boss = await user('boss@example.com', ['salesManager'], '赵经理');
  rep = await user('rep@example.com', ['sales'], '李销售', boss.id);
  director = await user('director@example.com', ['salesDirector'], '钱总监');
  legal = await user('legal@example.com', ['legal'], '孙法务');
  finance = await user('finance@example.com', ['finance'], '周财务');
  deputy = await user('deputy@example.com', ['sales'], '吴助理');
  amy = await user('amy@example.com', ['sales'], 'Amy');
  other = await user('other@example.com', ['sales'], '郑销售');
});
afterAll(async () => {
  await server?.close();
});

describe('thresholds and sequence', () => {
  it('a quote with 20% off goes to the owner’s manager only, who approves it (outside their own scope)', async () => {
    const id = await quote('Q-20', 0.2);
    expect((await send(rep, 'quote', id, 'SUBMIT')).body.record.state).toBe('pending');
    expect(await inboxIds(boss)).toEqual([`${id}:manager`]);
    expect(await inboxIds(director)).toEqual([]);
    const approved = await send(boss, 'quote', id, 'APPROVE', '价格可以接受');
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.record.state).toBe('approved');
    const history = (await as(undefined, 'GET', `/records/quote/${id}/history`)).body.data;
    expect(history.at(-1)).toMatchObject({
      event: 'APPROVE',
      actor: boss.id,
      comment: '价格可以接受',
      approval: { step: 'manager', decision: 'approved' },
    });
    expect(await inboxIds(boss)).toEqual([]);
  });

  it('with 35% off the director decides after the manager, each in their inbox in turn', async () => {
    const id = await quote('Q-35', 0.35);
    await send(rep, 'quote', id, 'SUBMIT');
    expect(await inboxIds(director)).toEqual([]);
    const early = await send(director, 'quote', id, 'APPROVE');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      guard: 'approval',
      reason: {
        en: 'step “Director approval” waits for step “Manager approval” to be decided first',
        zh: '“销售总监审批”须待“直属上级审批”完成后才能审批',
      },
    });
    const first = await send(boss, 'quote', id, 'APPROVE');
    expect(first.status).toBe(200);
    expect(first.body.record.state).toBe('pending');
    expect(first.body.transition).toMatchObject({ from: 'pending', to: 'pending', event: 'APPROVE' });
    expect(await inboxIds(boss)).toEqual([]);
    expect(await inboxIds(director)).toEqual([`${id}:director`]);
    const second = await send(director, 'quote', id, 'APPROVE', '战略客户');
    expect(second.body.record.state).toBe('approved');
    const decisions = (await as(undefined, 'GET', `/records/quote/${id}/history`)).body.data
      .filter((row: { approval: unknown }) => row.approval)
      .map((row: { approval: { step: string }; actor: string }) => [row.approval.step, row.actor]);
    expect(decisions).toEqual([
      ['manager', boss.id],
      ['director', director.id],
    ]);
  });

  it('a wrong user is refused with a reason naming the step, in both languages', async () => {
    const id = await quote('Q-wrong', 0.2);
    await send(rep, 'quote', id, 'SUBMIT');
    const refused = await send(rep, 'quote', id, 'APPROVE');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      guard: 'approval',
      reason: {
        en: "only the owner's manager may decide step “Manager approval” now",
        zh: '当前审批步骤“直属上级审批”仅限负责人的直属上级审批',
      },
    });
    // Someone who is neither an approver nor able to reach the quote learns nothing of it.
    expect((await send(other, 'quote', id, 'APPROVE')).status).toBe(404);
    const rejected = await send(boss, 'quote', id, 'REJECT', '折扣太高');
    expect(rejected.body.record.state).toBe('draft');
  });
});

describe('parallel and any', () => {
  it('legal and finance review a contract in parallel; it is signed when both approved', async () => {
    const created = await as(rep, 'POST', '/records/contract', { name: 'C-1', amount: 50000 });
    const id = created.body.id as string;
    await send(rep, 'contract', id, 'SUBMIT');
    expect(await inboxIds(legal)).toEqual([`${id}:legal`]);
    expect(await inboxIds(finance)).toEqual([`${id}:finance`]);
    expect((await send(finance, 'contract', id, 'APPROVE')).body.record.state).toBe('review');
    expect(await inboxIds(finance)).toEqual([]);
    expect(await inboxIds(legal)).toEqual([`${id}:legal`]);
    expect((await send(legal, 'contract', id, 'APPROVE')).body.record.state).toBe('signed');
  });

  it('a rejection by either reviewer rejects the contract', async () => {
    const id = (await as(rep, 'POST', '/records/contract', { name: 'C-2', amount: 1 })).body.id as string;
    await send(rep, 'contract', id, 'SUBMIT');
    await send(finance, 'contract', id, 'APPROVE');
    expect((await send(legal, 'contract', id, 'REJECT', '条款有风险')).body.record.state).toBe('draft');
  });

  it('any: the named approver or finance, whoever comes first, settles an expense', async () => {
    const made = await as(rep, 'POST', '/records/expense', { name: 'Taxi', amount: 80, approver: amy.id });
    const id = made.body.id as string;
    await send(rep, 'expense', id, 'SUBMIT');
    expect(await inboxIds(amy)).toEqual([`${id}:named`]);
    expect(await inboxIds(finance)).toContain(`${id}:finance`);
    const done = await send(amy, 'expense', id, 'APPROVE');
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.record.state).toBe('paid');
    expect(await inboxIds(finance)).not.toContain(`${id}:finance`);
  });
});

describe('delegation', () => {
  it('a user delegates their approvals for a period; the delegate decides on their behalf', async () => {
    const id = await quote('Q-away', 0.25);
    await send(rep, 'quote', id, 'SUBMIT');
    expect((await send(deputy, 'quote', id, 'APPROVE')).status).toBe(404);

    const bad = await as(boss, 'PUT', '/delegations/me', { delegateId: boss.id, endsAt: '2000-01-01T00:00:00Z' });
    expect(bad.status).toBe(422);
    expect(bad.body.issues.map((i: { pointer: string }) => i.pointer).sort()).toEqual(['/delegateId', '/endsAt']);

    const until = new Date(Date.now() + 7 * 86400_000).toISOString();
    const set = await as(boss, 'PUT', '/delegations/me', { delegateId: deputy.id, endsAt: until });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ userId: boss.id, delegateId: deputy.id, delegateName: '吴助理', active: true });
    expect((await as(deputy, 'GET', '/delegations/me')).body.forMe).toEqual([
      expect.objectContaining({ userId: boss.id, userName: '赵经理' }),
    ]);

    const items = await inbox(deputy);
    expect(items).toEqual([expect.objectContaining({ id, step: expect.objectContaining({ id: 'manager' }) })]);
    expect(items[0]!.onBehalfOf).toEqual({ id: boss.id, name: '赵经理' });
    const approved = await send(deputy, 'quote', id, 'APPROVE', '代赵经理审批');
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.record.state).toBe('approved');
    const last = (await as(undefined, 'GET', `/records/quote/${id}/history`)).body.data.at(-1);
    expect(last).toMatchObject({ actor: deputy.id, approval: { step: 'manager', onBehalfOf: boss.id } });

    expect((await as(deputy, 'GET', '/delegations')).status).toBe(403);
    expect((await as(undefined, 'GET', '/delegations')).body.data).toEqual([
      expect.objectContaining({ userId: boss.id, delegateId: deputy.id }),
    ]);
    expect((await as(boss, 'DELETE', '/delegations/me')).status).toBe(204);
    expect((await as(boss, 'GET', '/delegations/me')).body.delegation).toBeNull();
    const again = await quote('Q-back', 0.25);
    await send(rep, 'quote', again, 'SUBMIT');
    expect(await inboxIds(deputy)).toEqual([]);
    expect((await send(deputy, 'quote', again, 'APPROVE')).status).toBe(404);
  });

  it('an administrator sets and ends anyone’s delegation', async () => {
    const until = new Date(Date.now() + 86400_000).toISOString();
    const set = await as(undefined, 'PUT', `/delegations/${legal.id}`, { delegateId: finance.id, endsAt: until });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await as(other, 'PUT', `/delegations/${legal.id}`, { delegateId: other.id, endsAt: until })).status).toBe(
      403,
    );
    expect((await as(undefined, 'DELETE', `/delegations/${legal.id}`)).status).toBe(204);
    expect((await as(undefined, 'DELETE', `/delegations/${legal.id}`)).status).toBe(404);
  });
});

describe('the approval inbox', () => {
  it('lists exactly what each user may decide, with title, step, amount and owner', async () => {
    const low = await quote('Q-low', 0.1); // needs no approval: approved on submit
    await send(rep, 'quote', low, 'SUBMIT');
    const mid = await quote('Q-mid', 0.2, 8800);
    await send(rep, 'quote', mid, 'SUBMIT');
    const draft = await quote('Q-draft', 0.4);
    // Earlier tests left quotes waiting for the manager: only this test's records are judged here.
    const items = (await inbox(boss)).filter((i) => [low, mid, draft].includes(i.id));
    expect(items.map((i) => i.id)).toEqual([mid]);
    expect(items[0]).toMatchObject({
      entity: 'quote',
      title: 'Q-mid',
      workflow: 'quote-approval',
      state: 'pending',
      step: { id: 'manager', title: { zh: '直属上级审批', en: 'Manager approval' } },
      amountField: 'total',
      amount: 8800,
      owner: { id: rep.id, name: '李销售' },
    });
    expect(await inboxIds(rep)).toEqual([]);
    expect(await inboxIds(other)).toEqual([]);
    await send(boss, 'quote', mid, 'APPROVE');
  });
});

describe('a manager whose team owns 10k quotes', () => {
  it('finds the pending ones on the state index, in milliseconds', async () => {
    const knex = server.testDb.db.knex;
    await knex.raw(
      `insert into quote (state, state_entered_at, owner_id, created_by, updated_by, name, discount, total)
       select case when g % 200 = 0 then 'pending' when g % 2 = 0 then 'approved' else 'draft' end, now(), ?, ?, ?,
              'Bulk ' || g, 0.2, g
       from generate_series(1, 10000) as g`,
      [rep.id, rep.id, rep.id],
    );
    await knex.raw('analyze quote');
    const statements: { sql: string; bindings: unknown[] }[] = [];
    const log = (query: { sql: string; bindings?: unknown[] }) => {
      // The inbox's statement: the approval state's records, oldest waiting first.
      if (query.sql.includes('"quote"') && query.sql.includes('t.state_entered_at asc'))
        statements.push({ sql: query.sql, bindings: [...(query.bindings ?? [])] });
    };
    knex.on('query', log);
    const started = Date.now();
    const items = await inbox(boss);
    const took = Date.now() - started;
    knex.removeListener('query', log);
    expect(items.length).toBe(50);
    expect(items.every((item) => item.step.id === 'manager')).toBe(true);
    expect(took).toBeLessThan(2000);
    expect(statements).toHaveLength(1);
    const plan = JSON.stringify(
      (
        (await knex.raw(
          `explain (format json) ${statements[0]!.sql.replace(/\$\d+/g, '?')}`,
          statements[0]!.bindings as never,
        )) as {
          rows: unknown[];
        }
      ).rows,
    );
    expect(plan).toContain('quote_state_idx');
    expect(plan).not.toContain('Seq Scan');
  });
});
