import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { journey } from './support/journey.js';

/*
 * The shipped customer-pool add-on (templates/customer-pool) over HTTP against PostgreSQL: installed on the
 * standard CRM, then its nightly reclaim schedule, run now, returns to the pool exactly the customers whose last
 * completed activity is older than their level allows (30 days for small and regular customers and customers
 * without a level, 60 for important ones, 90 for key accounts), and a second run changes nothing.
 */
const definitions = mkdtempSync(join(tmpdir(), 'lodestar-customer-pool-'));
for (const part of ['schemas', 'workflows', 'roles.json', 'template.json', 'templates/customer-pool'])
  cpSync(join(REPO_ROOT, part), join(definitions, part), { recursive: true });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ definitionsDir: definitions });
});
afterAll(async () => {
  await server?.close();
  rmSync(definitions, { recursive: true, force: true });
});

const { call, get } = journey(
  () => server,
  () => server.adminToken,
);

/** Runs the reclaim schedule now, as an administrator does from the studio, and waits for its run to finish. */
async function runNow() {
  const queued = await call('admin', 'POST', '/schedules/customer-lifecycle/returnToPool/run', undefined, 202);
  for (let i = 0; i < 200; i++) {
    const run = await call('admin', 'GET', `/schedules/runs/${queued.id}`);
    if (run.status === 'succeeded' || run.status === 'failed') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run of returnToPool did not finish');
}

describe('customer pool, installed on the standard CRM', () => {
  it('documents the customer lifecycle with diagrams rendered from its current definition', () => {
    const script = join(REPO_ROOT, 'scripts/workflow-diagram.mjs');
    const page = join(REPO_ROOT, 'docs/templates/customer-pool.md');
    expect(() => execFileSync('node', [script, '--check', page, REPO_ROOT], { stdio: 'pipe' })).not.toThrow();
  });

  it('the gallery lists the add-on and the install publishes it', async () => {
    const shipped = await call('admin', 'GET', '/meta/templates/shipped');
    expect(shipped.data).toContainEqual(
      expect.objectContaining({
        folder: 'customer-pool',
        kind: 'addon',
        extends: ['lodestar-standard'],
        title: { zh: '客户公海', en: 'Customer pool' },
      }),
    );
    const dry = await call('admin', 'POST', '/meta/templates/shipped/customer-pool/install', { dryRun: true });
    expect(dry).toMatchObject({ status: 'planned', template: { name: 'customer-pool', version: '1.0.0' } });
    expect(dry.plan.steps.every((s: { safety: string }) => s.safety === 'safe')).toBe(true);
    expect((await call('admin', 'GET', '/schedules')).data).toEqual([]);
    const done = await call('admin', 'POST', '/meta/templates/shipped/customer-pool/install', {}, 201);
    expect(done).toMatchObject({ status: 'published', version: 2 });
    const schedules = (await call('admin', 'GET', '/schedules')).data;
    expect(schedules.map((s: { key: string; title: unknown }) => [s.key, s.title])).toEqual([
      [
        'customer-lifecycle/returnToPool',
        { zh: '每晚把长期无人跟进的客户收回公海', en: 'Return customers nobody follows up to the pool nightly' },
      ],
    ]);
  });

  it('returns exactly the customers without follow-up for longer than their level allows', async () => {
    // name, level, days since each completed activity; the last entry of each row also gets a planned
    // activity for tomorrow, which is not a follow-up yet.
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
    const knex = server.testDb.db.knex;
    const ids: Record<string, string> = {};
    for (const [name, level, days] of seeded) {
      const customer = await call(
        'admin',
        'POST',
        '/records/customer',
        { record_type: 'company', name, industry: 'manufacturing', ...(level && { level }) },
        201,
      );
      ids[name] = customer.id;
      for (const [i, ago] of days.entries()) {
        const done = await call(
          'admin',
          'POST',
          '/records/activity',
          { subject: `${name}拜访 ${i + 1}`, type: 'visit', customer: customer.id },
          201,
        );
        // History: the activity was done `ago` days back (the test cannot wait months).
        await knex('activity')
          .where({ id: done.id })
          .update({ status: 'done', actualStart: knex.raw('now() - make_interval(days => ?)', [ago]) });
      }
      await call(
        'admin',
        'POST',
        '/records/activity',
        {
          subject: `${name}回访计划`,
          type: 'callOut',
          status: 'planned',
          customer: customer.id,
          plannedStart: new Date(Date.now() + 86_400_000).toISOString(),
        },
        201,
      );
    }
    expect(await get('admin', 'customer', ids['重要未超期']!)).toMatchObject({ inPool: null });

    const run = await runNow();
    expect(run).toMatchObject({ status: 'succeeded', total: 5, changed: 5, failed: 0 });
    const today = await knex.raw("select to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as d");
    const returned: Record<string, number> = {
      普通超期: 31,
      小客户超期: 40,
      重要超期: 61,
      重点超期: 91,
      未分级超期: 35,
    };
    for (const [name] of seeded) {
      const customer = await get('admin', 'customer', ids[name]!);
      if (name in returned)
        expect(customer, name).toMatchObject({
          inPool: true,
          returnedToPoolOn: today.rows[0].d,
          daysWithoutFollowUp: returned[name],
        });
      else expect(customer, name).toMatchObject({ inPool: null, returnedToPoolOn: null });
    }
    // The pool is the customer list filtered by the flag.
    const pool = await call('admin', 'GET', '/records/customer?filter[inPool][eq]=true&fields=name&sort=name');
    expect(pool.data.map((c: { name: string }) => c.name).sort()).toEqual(Object.keys(returned).sort());

    // A customer already in the pool is not returned again.
    expect(await runNow()).toMatchObject({ status: 'succeeded', total: 0, changed: 0 });
  });

  it('lets nobody put a customer into the pool or take it out by hand: the schedule writes the pool fields', async () => {
    const { token } = await server.userToken({
      email: 'wang@example.com',
      displayName: '王销售',
      roles: ['salesperson'],
    });
    const own = await server.request(
      'POST',
      '/api/v1/records/customer',
      { record_type: 'company', name: '王的客户', industry: 'retail' },
      { authorization: `Bearer ${token}` },
    );
    expect(own.status).toBe(201);
    const byHand = await server.request(
      'PATCH',
      `/api/v1/records/customer/${own.body.id}`,
      { inPool: true, version: own.body.version },
      { authorization: `Bearer ${token}` },
    );
    expect(byHand.status).toBe(422);
    expect(JSON.stringify(byHand.body)).toContain('inPool');
  });
});
