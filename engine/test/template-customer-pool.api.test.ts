import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { journey } from './support/journey.js';

/*
 * The shipped customer-pool add-on (templates/customer-pool) over HTTP against PostgreSQL. Release 1.0.0 (kept as
 * a fixture) is installed on the standard CRM first and upgraded to the shipped 1.1.0, as a customer who had it
 * would. Then the nightly reclaim, run now, returns to the pool, with no owner, exactly the customers whose last
 * follow-up is older than their level allows (30 days for small and regular customers and customers without a
 * level, 60 for important ones, 90 for key accounts); salespeople see the unowned customers, claim them (the
 * claimer owns it and the others no longer see it) up to 50 each, and return them. An add-on that would change
 * an event of the standard workflow is refused at its pointer.
 */
const definitions = mkdtempSync(join(tmpdir(), 'lodestar-customer-pool-'));
for (const part of ['schemas', 'workflows', 'roles.json', 'template.json'])
  cpSync(join(REPO_ROOT, part), join(definitions, part), { recursive: true });
const folder = join(definitions, 'templates/customer-pool');
cpSync(join(REPO_ROOT, 'engine/test/fixtures/customer-pool-1.0.0'), folder, { recursive: true });

let server: TestServer;
const tokens: Record<string, string> = {};
const users: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer({ definitionsDir: definitions });
  tokens.admin = server.adminToken;
  for (const [who, name] of [
    ['wang', '王销售'],
    ['li', '李销售'],
  ] as const) {
    const { token, user } = await server.userToken({
      email: `${who}@example.com`,
      displayName: name,
      roles: ['salesperson'],
    });
    tokens[who] = token;
    users[who] = user.id;
  }
});
afterAll(async () => {
  await server?.close();
  rmSync(definitions, { recursive: true, force: true });
});

const { call, get, send } = journey(
  () => server,
  (who) => tokens[who]!,
);

/** Runs a schedule now, as an administrator does from the studio, and waits for its run to finish. */
async function runNow(schedule = 'returnToPool') {
  const queued = await call('admin', 'POST', `/schedules/customer-lifecycle/${schedule}/run`, undefined, 202);
  for (let i = 0; i < 400; i++) {
    const run = await call('admin', 'GET', `/schedules/runs/${queued.id}`);
    if (run.status === 'succeeded' || run.status === 'failed') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the run of ${schedule} did not finish`);
}

const knex = () => server.testDb.db.knex;
const ownerOf = async (id: string) => (await knex()('customer').where({ id }).first('owner_id')).owner_id;
/** The names a user's customer list shows, among `names`. */
async function listed(who: string, names: string[]) {
  const page = await call(who, 'GET', '/records/customer?fields=name&limit=200');
  return (page.data as { name: string }[]).map((c) => c.name).filter((n) => names.includes(n));
}

/** A customer whose last completed activity was `ago` days back (the test cannot wait months). */
async function idleCustomer(name: string, level: string | null, ago: number[], owner = 'admin') {
  const customer = await call(
    owner,
    'POST',
    '/records/customer',
    { record_type: 'company', name, industry: 'manufacturing', ...(level && { level }) },
    201,
  );
  for (const [i, days] of ago.entries()) {
    const done = await call(
      'admin',
      'POST',
      '/records/activity',
      { subject: `${name}拜访 ${i + 1}`, type: 'visit', customer: customer.id },
      201,
    );
    await knex()('activity')
      .where({ id: done.id })
      .update({ status: 'done', actualStart: knex().raw('now() - make_interval(days => ?)', [days]) });
  }
  return customer.id as string;
}

describe('customer pool 1.0.0 → 1.1.0 on the standard CRM', () => {
  it('documents the customer lifecycle with diagrams rendered from its current definition', () => {
    const script = join(REPO_ROOT, 'scripts/workflow-diagram.mjs');
    const page = join(REPO_ROOT, 'docs/templates/customer-pool.md');
    expect(() => execFileSync('node', [script, '--check', page, REPO_ROOT], { stdio: 'pipe' })).not.toThrow();
  });

  it('installs 1.0.0, whose reclaim only marks the customer, then upgrades to 1.1.0 with safe steps', async () => {
    const done = await call('admin', 'POST', '/meta/templates/shipped/customer-pool/install', {}, 201);
    expect(done).toMatchObject({ status: 'published' });
    const old = await idleCustomer('老版本公海客户', 'normal', [40], 'wang');
    expect(await runNow()).toMatchObject({ status: 'succeeded', changed: 1 });
    expect(await get('admin', 'customer', old)).toMatchObject({ inPool: true, owner_id: users.wang });

    // The shipped folder is 1.1.0.
    rmSync(folder, { recursive: true, force: true });
    cpSync(join(REPO_ROOT, 'templates/customer-pool'), folder, { recursive: true });
    const planned = await call('admin', 'POST', '/meta/templates/shipped/customer-pool/install', { dryRun: true });
    expect(planned).toMatchObject({
      status: 'planned',
      template: { version: '1.1.0' },
      previous: { name: 'customer-pool', version: '1.0.0' },
    });
    expect(planned.plan.steps.filter((s: { safety: string }) => s.safety !== 'safe')).toEqual([]);
    const upgraded = await call('admin', 'POST', '/meta/templates/shipped/customer-pool/install', {}, 201);
    expect(upgraded).toMatchObject({ status: 'published', previous: { version: '1.0.0' } });
    const installed = (await call('admin', 'GET', '/meta/templates')).data;
    expect(installed).toContainEqual(expect.objectContaining({ name: 'customer-pool', version: '1.1.0' }));
    const schedules = (await call('admin', 'GET', '/schedules')).data as { key: string }[];
    expect(schedules.map((s) => s.key)).toEqual([
      'customer-lifecycle/returnToPool',
      'customer-lifecycle/countDaysWithoutFollowUp',
    ]);
    // A customer 1.0.0 marked keeps its owner; the owner (or an administrator) returns it to the pool.
    expect((await send('wang', 'customer', old, 'RELEASE')).record).toMatchObject({ owner_id: null, inPool: true });
  });

  it('returns idle customers to the pool with no owner, and a second run changes nothing', async () => {
    const seeded: [string, string | null, number[]][] = [
      ['普通超期', 'normal', [31, 120]],
      ['普通未超期', 'normal', [29, 200]],
      ['小客户超期', 'small', [40]],
      ['重要超期', 'important', [61]],
      ['重要未超期', 'important', [45, 61]],
      ['重点超期', 'key', [91]],
      ['重点未超期', 'key', [70]],
      ['未分级超期', null, [35]],
      ['从未跟进', 'normal', []],
    ];
    const ids: Record<string, string> = {};
    for (const [name, level, days] of seeded) ids[name] = await idleCustomer(name, level, days);
    const run = await runNow();
    expect(run).toMatchObject({ status: 'succeeded', total: 5, changed: 5, failed: 0, refusals: 0 });
    const today = await knex().raw("select to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as d");
    const returned: Record<string, number> = {
      普通超期: 31,
      小客户超期: 40,
      重要超期: 61,
      重点超期: 91,
      未分级超期: 35,
    };
    expect(await runNow('countDaysWithoutFollowUp')).toMatchObject({ status: 'succeeded', failed: 0 });
    for (const [name] of seeded) {
      const customer = await get('admin', 'customer', ids[name]!);
      if (name in returned)
        expect(customer, name).toMatchObject({
          inPool: true,
          owner_id: null,
          returnedToPoolOn: today.rows[0].d,
          daysWithoutFollowUp: returned[name],
        });
      else expect(customer, name).toMatchObject({ inPool: null, returnedToPoolOn: null, owner_id: expect.any(String) });
    }
    // The history says who returned it: the engine, by the add-on's event.
    const history = await call('admin', 'GET', `/records/customer/${ids['普通超期']}/history`);
    expect(JSON.stringify(history)).toContain('RELEASE');
    expect(await runNow()).toMatchObject({ status: 'succeeded', total: 0, changed: 0 });
  });

  it('salesperson A sees the pool and claims a customer; B no longer sees it; the owner returns it', async () => {
    const pool = ['普通超期', '小客户超期', '重要超期', '重点超期', '未分级超期'];
    expect((await listed('wang', pool)).sort()).toEqual([...pool].sort());
    expect((await listed('li', pool)).sort()).toEqual([...pool].sort());
    // Customers owned by someone else stay out of sight.
    expect(await listed('wang', ['普通未超期', '重点未超期'])).toEqual([]);

    const id = (await knex()('customer').where({ name: '重要超期' }).first('id')).id as string;
    const transitions = await call('wang', 'GET', `/records/customer/${id}/transitions`);
    expect(JSON.stringify(transitions)).toContain('CLAIM');
    const claimed = await send('wang', 'customer', id, 'CLAIM');
    expect(claimed.record).toMatchObject({ owner_id: users.wang, inPool: false });
    expect(claimed.record.claimedOn).toBeTruthy();
    expect(await listed('li', pool)).not.toContain('重要超期');
    expect(await listed('wang', pool)).toContain('重要超期');
    const late = await server.request(
      'POST',
      `/api/v1/records/customer/${id}/events`,
      { type: 'CLAIM' },
      { authorization: `Bearer ${tokens.li}` },
    );
    expect(late.status).toBe(404);

    // The owner hands it back: nobody owns it and both see it again.
    const back = await send('wang', 'customer', id, 'RELEASE');
    expect(back.record).toMatchObject({ owner_id: null, inPool: true, claimedOn: null });
    expect(await listed('li', pool)).toContain('重要超期');
    const again = await server.request(
      'POST',
      `/api/v1/records/customer/${id}/events`,
      { type: 'RELEASE' },
      { authorization: `Bearer ${tokens.admin}` },
    );
    expect(again.status).toBe(409);
    expect(again.body.reason).toEqual({
      zh: '该客户没有负责人，已在公海中',
      en: 'This customer has no owner: it is in the pool already',
    });
  });

  it('a sales manager sees the team and the pool and gives a pool customer to a team member', async () => {
    const unit = (await call('admin', 'POST', '/admin/org-units', { name: '华东销售组' }, 201)).id as string;
    const zhao = await server.userToken({
      email: 'zhao@example.com',
      displayName: '赵经理',
      roles: ['salesManager'],
      orgUnitId: unit,
    });
    const zhou = await server.userToken({
      email: 'zhou@example.com',
      displayName: '周销售',
      roles: ['salesperson'],
      orgUnitId: unit,
    });
    tokens.zhao = zhao.token;
    tokens.zhou = zhou.token;
    const mine = await call(
      'zhou',
      'POST',
      '/records/customer',
      { record_type: 'company', name: '周的客户', industry: 'retail' },
      201,
    );
    const pool = ['普通超期', '小客户超期', '重点超期', '未分级超期', '重要超期'];
    // Team and unowned: the pool's customers and the team member's, not wang's (outside the unit).
    expect((await listed('zhao', [...pool, '周的客户', '普通未超期'])).sort()).toEqual(
      ['普通超期', '小客户超期', '重点超期', '未分级超期', '重要超期', '周的客户'].sort(),
    );
    const id = (await knex()('customer').where({ name: '小客户超期' }).first('id')).id as string;
    const record = await get('zhao', 'customer', id);
    const given = await call('zhao', 'PATCH', `/records/customer/${id}`, {
      version: record.version,
      owner_id: zhou.user.id,
    });
    expect(given.owner_id).toBe(zhou.user.id);
    expect(mine.owner_id).toBe(zhou.user.id);
    // Outside the team the manager may not give it.
    const pooled = (await knex()('customer').where({ name: '未分级超期' }).first('id')).id as string;
    const outside = await server.request(
      'PATCH',
      `/api/v1/records/customer/${pooled}`,
      { version: (await get('zhao', 'customer', pooled)).version, owner_id: users.wang },
      { authorization: `Bearer ${zhao.token}` },
    );
    expect(outside.status).toBe(403);
  });

  it('refuses the 51st claimed customer with the limit in both languages', async () => {
    // 49 customers li claimed before (as the claim leaves them), then the 50th claim passes and the 51st not.
    const rows = Array.from({ length: 49 }, (_, i) => ({
      record_type: 'company',
      name: `已领取客户${i + 1}`,
      industry: 'retail',
      state: 'prospect',
      owner_id: users.li,
      claimedOn: new Date(),
      inPool: false,
    }));
    await knex()('customer').insert(rows);
    const pooled = (await knex()('customer').whereNull('owner_id').orderBy('name').select('id')).map(
      (r: { id: string }) => r.id,
    );
    expect(pooled.length).toBeGreaterThanOrEqual(2);
    expect((await send('li', 'customer', pooled[0]!, 'CLAIM')).record).toMatchObject({ owner_id: users.li });
    const refused = await server.request(
      'POST',
      `/api/v1/records/customer/${pooled[1]}/events`,
      { type: 'CLAIM' },
      { authorization: `Bearer ${tokens.li}` },
    );
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.reason).toEqual({
      zh: '每人最多持有 50 个从公海领取的客户',
      en: 'Each salesperson may hold at most 50 customers claimed from the pool',
    });
    expect(await ownerOf(pooled[1]!)).toBeNull();
    // Another salesperson's count is their own.
    expect((await send('wang', 'customer', pooled[1]!, 'CLAIM')).record).toMatchObject({ owner_id: users.wang });
  });

  it('counts a claimed customer’s idle days from its claim: unfollowed for 31 days it goes back, a fresh claim stays', async () => {
    const stale = await idleCustomer('领取后未跟进', 'normal', [200]);
    const fresh = await idleCustomer('刚领取', 'normal', [200]);
    for (const id of [stale, fresh]) await send('admin', 'customer', id, 'RELEASE');
    for (const id of [stale, fresh]) await send('wang', 'customer', id, 'CLAIM');
    await knex()('customer')
      .where({ id: stale })
      .update({ claimedOn: knex().raw("now() - interval '31 days'") });
    expect(await runNow()).toMatchObject({ status: 'succeeded', failed: 0, refusals: 0 });
    expect(await get('admin', 'customer', stale)).toMatchObject({ owner_id: null, inPool: true, claimedOn: null });
    expect(await get('admin', 'customer', fresh)).toMatchObject({ owner_id: users.wang, inPool: false });
  });

  it('refuses an add-on that would change an event of the standard workflow, at its pointer', async () => {
    const extension = join(folder, 'workflows/customer-lifecycle.extend.json');
    const value = JSON.parse(readFileSync(extension, 'utf8'));
    value.states.prospect.on.ACTIVATE = {
      target: 'active',
      meta: { title: { zh: '直接成交', en: 'Activate at once' } },
    };
    writeFileSync(extension, JSON.stringify(value));
    writeFileSync(
      join(folder, 'template.json'),
      JSON.stringify({ ...JSON.parse(readFileSync(join(folder, 'template.json'), 'utf8')), version: '1.1.1' }),
    );
    const refused = await server.request('POST', '/api/v1/meta/templates/shipped/customer-pool/install', {
      dryRun: true,
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.issues).toContainEqual(
      expect.objectContaining({
        file: 'workflows/customer-lifecycle.extend.json',
        pointer: '/states/prospect/on/ACTIVATE',
        keyword: 'addonConflict',
        i18n: {
          en: expect.stringContaining('cannot change or replace one'),
          zh: expect.stringContaining('不能修改或替换已有事件'),
        },
      }),
    );
    const installed = (await call('admin', 'GET', '/meta/templates')).data;
    expect(installed).toContainEqual(expect.objectContaining({ name: 'customer-pool', version: '1.1.0' }));
  });
});
