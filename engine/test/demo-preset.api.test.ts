import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../src/identity/sessions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * Issue 16's "done means", over HTTP on PostgreSQL: the first-run page starts the trading-company preset as
 * one job (POST /admin/demo/job), which installs the four add-ons through the gallery's installer in
 * dependency order and then loads the sample data of everything installed, reporting each step while it
 * runs. Afterwards a demo user finds quotes waiting for approval and overdue payments on My day, the funnel
 * and the cash-in forecast have figures, and customers carry RFM segments.
 */

interface Job {
  id: string;
  status: 'running' | 'done' | 'failed';
  percent: number;
  seconds?: number;
  steps: { kind: string; template?: string; title: { zh: string; en: string }; status: string; done?: number }[];
  error?: { zh: string; en: string };
  result?: { users: { email: string; roles: string[] }[]; password: string };
}

let server: TestServer;
let job: Job;
/** Every state the page would have seen, one per poll. */
const seen: Job[] = [];
const knex = () => server.testDb.db.knex;

async function tokenOf(email: string): Promise<Record<string, string>> {
  const user = (await knex()('lodestar_users').where({ email }).first('id')) as { id: string };
  return { authorization: `Bearer ${(await openSession(knex(), user.id, new Date())).token}` };
}

async function waitFor(what: string, done: () => Promise<boolean>, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 5; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A widget's answer holds a figure: an aggregate row with a count, a report with a positive number. */
function hasFigures(body: { kind: string; rows?: { count: number | null }[]; data?: unknown }): boolean {
  if (body.kind === 'aggregate') return (body.rows ?? []).some((r) => (r.count ?? 0) > 0);
  const positive = (value: unknown): boolean =>
    typeof value === 'number'
      ? value > 0
      : Array.isArray(value)
        ? value.some(positive)
        : value !== null && typeof value === 'object' && Object.values(value).some(positive);
  return positive(body.data);
}

beforeAll(async () => {
  server = await startTestServer();
  const started = Date.now();
  const res = await server.request('POST', '/api/v1/admin/demo/job', { preset: 'trading' });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  seen.push(res.body as Job);
  // A second start while it runs (a reload, React's double effect) answers the same job.
  const again = await server.request('POST', '/api/v1/admin/demo/job', { preset: 'trading' });
  expect(again.status).toBe(202);
  expect(again.body.id).toBe(res.body.id);
  // The page follows it by its id with no token (the embedded database may be too busy for a session look-up).
  await waitFor(
    'the job',
    async () => {
      const state = (
        await server.request('GET', `/api/v1/admin/demo/job/${res.body.id}`, undefined, { authorization: '' })
      ).body as Job;
      expect(state.result).toBeUndefined();
      seen.push(state);
      return state.status !== 'running';
    },
    600,
  );
  // The administrator's own read has the result: the demo users and their password.
  job = (await server.request('GET', '/api/v1/admin/demo/job')).body as Job;
  console.info(`trading preset on PostgreSQL: ${((Date.now() - started) / 1000).toFixed(1)} s (job ${job.seconds} s)`);
  // What the load queued: the nightly segment schedules run once now, and timers already due fire.
  await waitFor('the queued schedule runs', async () => {
    const open = await knex()('lodestar_schedule_runs').whereIn('status', ['queued', 'running']).count({ n: '*' });
    return Number(open[0]!.n) === 0;
  });
}, 900_000);

afterAll(async () => {
  await server?.close();
});

describe('the trading-company preset of the first run', () => {
  it('installs the four add-ons in order, then loads the sample data, showing each step', async () => {
    expect(job.error).toBeUndefined();
    expect(job.status).toBe('done');
    expect(job.percent).toBe(100);
    expect(job.steps.map((s) => s.template ?? s.kind)).toEqual([
      'sales-to-cash',
      'customer-pool',
      'marketing',
      'service',
      'demo',
    ]);
    expect(job.steps.every((s) => s.status === 'done')).toBe(true);
    expect(job.steps[0]!.title).toEqual({ zh: '销售到回款', en: 'Sales to cash' });
    // The page saw it move: the percentage never went back, and the sample data were seen loading file by file.
    const percents = seen.map((s) => s.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(seen.some((s) => s.steps.at(-1)!.status === 'running' && (s.steps.at(-1)!.done ?? 0) > 0)).toBe(true);
    const installed = (await server.request('GET', '/api/v1/meta/templates')).body.data as { name: string }[];
    expect(installed.map((t) => t.name)).toEqual(
      expect.arrayContaining(['sales-to-cash', 'customer-pool', 'marketing', 'service']),
    );
  });

  it('leaves quotes waiting for approval, in a manager’s approvals', async () => {
    const pending = await knex()('quote').where({ state: 'pendingApproval' }).count({ n: '*' });
    expect(Number(pending[0]!.n)).toBeGreaterThan(0);
    let inbox = 0;
    for (const user of job.result!.users) {
      const day = (await server.request('GET', '/api/v1/my-day', undefined, await tokenOf(user.email))).body as {
        approvals: { entity: string }[];
      };
      inbox += day.approvals.filter((a) => a.entity === 'quote').length;
    }
    expect(inbox).toBeGreaterThan(0);
  });

  it('shows overdue payments on a demo user’s My day', async () => {
    const owners: string[] = [];
    for (const user of job.result!.users) {
      const day = (await server.request('GET', '/api/v1/my-day', undefined, await tokenOf(user.email))).body as {
        overdue: { entity: string }[];
      };
      if (day.overdue.some((item) => item.entity === 'payment')) owners.push(user.roles.join('+'));
    }
    expect(owners.length, 'demo users with an overdue payment on My day').toBeGreaterThan(0);
  });

  it('answers the funnel and the cash-in forecast with figures', async () => {
    for (const [dashboard, widget] of [
      ['sales-overview', 'funnel'],
      ['sales-overview', 'forecast'],
      ['cash-in-forecast', 'due-by-month'],
    ] as const) {
      const res = await server.request('GET', `/api/v1/dashboards/${dashboard}/widgets/${widget}`);
      expect(res.status, `${dashboard}/${widget}`).toBe(200);
      expect(hasFigures(res.body), `${dashboard}/${widget}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(true);
    }
  });

  it('segments customers by RFM', async () => {
    const res = await server.request('GET', '/api/v1/records/customer?fields=name,rfmSegment&limit=100');
    expect(res.status).toBe(200);
    const segments = new Set(
      (res.body.data as { rfmSegment?: string | null }[]).map((c) => c.rfmSegment).filter((s) => s),
    );
    expect(segments.size, [...segments].join(',')).toBeGreaterThanOrEqual(3);
  });

  it('answers a job’s progress only by its id', async () => {
    const other = await server.request(
      'GET',
      '/api/v1/admin/demo/job/00000000-0000-4000-8000-000000000000',
      undefined,
      {
        authorization: '',
      },
    );
    expect(other.status).toBe(404);
    expect(other.body.i18n.zh).toBe('没有这个示例数据任务');
    const anonymous = await server.request('GET', '/api/v1/admin/demo/job', undefined, { authorization: '' });
    expect(anonymous.status).toBe(401);
  });

  it('refuses a preset that does not exist, and non-administrators', async () => {
    const unknown = await server.request('POST', '/api/v1/admin/demo/job', { preset: 'nope' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.i18n.zh).toContain('没有名为“nope”的示例方案');
    const { token } = await server.userToken({ email: 'rep@lodestar.test', roles: ['sales'] });
    const refused = await server.request('GET', '/api/v1/admin/demo/job', undefined, {
      authorization: `Bearer ${token}`,
    });
    expect(refused.status).toBe(403);
  });

  it('started again once loaded, says what was done and why the sample data step failed', async () => {
    const res = await server.request('POST', '/api/v1/admin/demo/job', { preset: 'trading' });
    expect(res.status).toBe(202);
    await waitFor('the second job', async () => {
      job = (await server.request('GET', '/api/v1/admin/demo/job')).body as Job;
      return job.status !== 'running';
    });
    expect(job.status).toBe('failed');
    expect(job.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'failed']);
    expect(job.error!.zh).toContain('示例数据已经加载过了');
  });
});
