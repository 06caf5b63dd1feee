import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from './support/cli.js';
import { CLI } from './support/engine-process.js';
import { REPO_ROOT } from './support/paths.js';
import { createPostgresDb, type TestDb } from './support/test-db.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * `lodestar demo` as a process against a running engine on PostgreSQL with the standard CRM and the
 * sales-to-cash add-on: the demo company loads, every dashboard widget answers with figures for the admin
 * and for a demo salesperson, the same seed gives the same data in another database, and `--remove` takes
 * exactly the demo rows and users away.
 */

let server: TestServer;
let twin: TestDb | undefined;
const lodestar = cliRunner(() => ({ dir: REPO_ROOT, databaseUrl: server.testDb.url }));
const knex = () => server.testDb.db.knex;
const ENTITIES = ['customer', 'contact', 'opportunity', 'activity', 'serviceRequest', 'quote', 'contract', 'payment'];
let before: Record<string, number>;
let loaded: { code: number; out: string };

const counts = async (db = knex()) =>
  Object.fromEntries(
    await Promise.all(ENTITIES.map(async (e) => [e, Number((await db(e).count({ n: '*' }))[0]!.n)] as const)),
  );
const demoUsers = async () =>
  Number((await knex()('lodestar_users').where('email', 'like', '%@demo.lodestar.example').count({ n: '*' }))[0]!.n);

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('engine/dist is missing: run `npm test` (it builds) or `npx tsc -b` first');
  server = await startTestServer();
  const installed = await server.request('POST', '/api/v1/meta/templates/shipped/sales-to-cash/install', {});
  expect(installed.status, JSON.stringify(installed.body)).toBe(201);
  // A record of a real user, which the demo must neither count nor remove.
  expect(
    (
      await server.request('POST', '/api/v1/records/customer', {
        record_type: 'company',
        name: '真实客户',
        industry: 'retail',
      })
    ).status,
  ).toBe(201);
  before = await counts();
  loaded = await lodestar('demo', '--seed', 'test');
}, 600_000);

afterAll(async () => {
  await server?.close();
  await twin?.drop();
});

/** Whether a widget's answer holds figures: an aggregate row with records, or a report counting some. */
function hasFigures(answer: { kind: string; rows?: { count: number }[]; data?: unknown }): boolean {
  if (answer.kind === 'aggregate') return (answer.rows ?? []).some((row) => row.count > 0);
  return /"count":[1-9]/.test(JSON.stringify(answer.data));
}

async function emptyWidgets(token?: string): Promise<string[]> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const list = await server.request('GET', '/api/v1/dashboards', undefined, headers);
  expect(list.status).toBe(200);
  expect(list.body.data.length).toBeGreaterThan(0);
  const empty: string[] = [];
  for (const dashboard of list.body.data as { id: string; widgets: { id: string }[] }[])
    for (const widget of dashboard.widgets) {
      const res = await server.request(
        'GET',
        `/api/v1/dashboards/${dashboard.id}/widgets/${widget.id}`,
        undefined,
        headers,
      );
      expect(res.status, `${dashboard.id}/${widget.id}: ${JSON.stringify(res.body)}`).toBe(200);
      if (!hasFigures(res.body)) empty.push(`${dashboard.id}/${widget.id}`);
    }
  return empty;
}

describe('lodestar demo', () => {
  it('loads the demo company with its history, every workflow event accepted', async () => {
    expect(loaded.code, loaded.out).toBe(0);
    expect(loaded.out).toContain('Loaded demo data in');
    expect(loaded.out).not.toContain('refused');
    const seconds = Number(/Loaded demo data in ([\d.]+) s/.exec(loaded.out)![1]);
    console.log(`lodestar demo loaded in ${seconds} s`);
    const after = await counts();
    expect(after.customer! - before.customer!).toBe(500);
    for (const entity of ENTITIES) expect(after[entity]! - before[entity]!, entity).toBeGreaterThan(50);
    expect(await demoUsers()).toBe(15);
    // History spread over the past year: opportunities created in at least ten different months, stages moved.
    const months = await knex()('opportunity').countDistinct({ n: knex().raw(`to_char(created_at, 'YYYY-MM')`) });
    expect(Number(months[0]!.n)).toBeGreaterThanOrEqual(10);
    const states = (await knex()('opportunity').distinct('state').pluck('state')) as string[];
    expect(states).toEqual(expect.arrayContaining(['initialContact', 'contractSigned', 'lost', 'contractNegotiation']));
    const paid = await knex()('payment').where({ state: 'paid' }).count({ n: '*' });
    expect(Number(paid[0]!.n)).toBeGreaterThan(20);
  });

  it('gives every dashboard widget figures, for the admin and for a demo salesperson', async () => {
    // Instalments past their due date turn overdue as the engine's timer worker fires their timers.
    const overdue = async () =>
      (await server.request('GET', '/api/v1/records/payment?filter[state]=overdue')).body.data.length as number;
    for (let tries = 0; (await overdue()) < 1 && tries < 300; tries++) await new Promise((r) => setTimeout(r, 500));
    expect(await overdue()).toBeGreaterThan(0);
    expect(await emptyWidgets()).toEqual([]);
    const login = await server.request(
      'POST',
      '/api/v1/auth/login',
      { email: 'li.na@demo.lodestar.example', password: 'lodestar-demo' },
      { authorization: '' },
    );
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    expect(await emptyWidgets(login.body.token as string)).toEqual([]);
    const funnel = await server.request('GET', '/api/v1/reports/opportunity-sales/funnel', undefined, {
      authorization: `Bearer ${login.body.token as string}`,
    });
    expect(funnel.status).toBe(200);
    expect(funnel.body.total.count).toBeGreaterThan(10);
  }, 300_000);

  it('refuses to load twice, in the run’s language', async () => {
    const again = await cliRunner(() => ({ dir: REPO_ROOT, databaseUrl: server.testDb.url }), { LANG: 'zh_CN.UTF-8' })(
      'demo',
    );
    expect(again.code).toBe(1);
    expect(again.out).toContain('示例数据已经加载过了');
  });

  it('gives the same data for the same seed', async () => {
    twin = await createPostgresDb();
    const other = cliRunner(() => ({ dir: REPO_ROOT, databaseUrl: twin!.url }));
    expect((await other('migrate')).code).toBe(0);
    expect((await other('template', 'install', 'templates/sales-to-cash')).code).toBe(0);
    const result = await other('demo', '--seed', 'test');
    expect(result.code, result.out).toBe(0);
    const sample = (db: TestDb['db']['knex']) =>
      db('opportunity')
        .join('customer', 'customer.id', 'opportunity.customer')
        .join('lodestar_users', 'lodestar_users.id', 'opportunity.owner_id')
        .select('customer.name as customer', 'opportunity.name', 'opportunity.amount', 'lodestar_users.email')
        .orderBy(['customer.name', 'opportunity.name', 'opportunity.amount']);
    const mine = await sample(knex());
    expect(mine.length).toBeGreaterThan(300);
    expect(await sample(twin.db.knex)).toEqual(mine);
  }, 600_000);

  it('removes exactly the demo rows and users in one step', async () => {
    const removed = await lodestar('demo', '--remove');
    expect(removed.code, removed.out).toBe(0);
    expect(removed.out).toContain('Removed the demo data:');
    expect(await counts()).toEqual(before);
    expect(await demoUsers()).toBe(0);
    expect(Number((await knex()('customer').where({ name: '真实客户' }).count({ n: '*' }))[0]!.n)).toBe(1);
    expect((await lodestar('demo', '--remove')).out).toContain('There is no demo data to remove.');
  }, 120_000);
});
