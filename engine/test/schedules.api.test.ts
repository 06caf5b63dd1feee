import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScheduleWorker, type ScheduleWorker } from '../src/schedules/schedule-worker.js';
import { queueManualRun } from '../src/schedules/runs-repo.js';
import { scheduleSet } from './support/schedule-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
const workers: ScheduleWorker[] = [];

beforeAll(async () => {
  server = await startTestServer({ definitions: scheduleSet() });
});
afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await server?.close();
});

const records = (method: string, path: string, body?: unknown) =>
  server.request(method, `/api/v1/records${path}`, body);

/** A worker of its own (clock and batch size chosen by the test), polling only when drained. */
function worker(clock: () => Date = () => new Date(), batchSize = 5_000): ScheduleWorker {
  const started = startScheduleWorker(
    { knex: server.testDb.db.knex, models: server.engine.ctx.models, log: server.engine.ctx.log, clock },
    { pollMs: 3_600_000, batchSize, staleMs: 60_000 },
  );
  workers.push(started);
  return started;
}

/** Today in Shanghai, minus `days`, as YYYY-MM-DD (TODAY() in formulas is Shanghai's day). */
function daysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

async function customer(fields: Record<string, unknown>): Promise<string> {
  const created = await records('POST', '/customer', fields);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

async function pay(customerId: string, amount: number, paidOn: string) {
  expect((await records('POST', '/payment', { label: 'p', amount, paidOn, customer: customerId })).status).toBe(201);
}

async function runUntilDone(id: number) {
  for (let i = 0; i < 200; i++) {
    const { body } = await server.request('GET', `/api/v1/schedules/runs/${id}`);
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${id} did not finish`);
}

describe('schedules over HTTP', () => {
  const ids: Record<string, string> = {};

  it('lists the schedules with their next due time; only administrators see them', async () => {
    const listed = await server.request('GET', '/api/v1/schedules');
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((s: { key: string }) => s.key)).toEqual([
      'customer-life/rfm',
      'customer-life/toPool',
      'customer-life/weekly',
    ]);
    // Monday 08:00 in Shanghai is Monday 00:00 UTC.
    expect(new Date(listed.body.data[2].nextDueAt).getUTCDay()).toBe(1);
    const rfm = listed.body.data[0];
    expect(rfm).toMatchObject({ cron: '0 2 * * *', timeZone: 'Asia/Shanghai', action: 'set', lastRun: null });
    // 02:00 in Shanghai is 18:00 UTC.
    expect(rfm.nextDueAt).toMatch(/T18:00:00\.000Z$/);
    const { token } = await server.userToken({ email: 'rep@lodestar.test', roles: [] });
    const refused = await server.request('GET', '/api/v1/schedules', undefined, { authorization: `Bearer ${token}` });
    expect(refused.status).toBe(403);
    expect(refused.body.i18n.zh).toContain('定时任务');
    const notFound = await server.request('POST', '/api/v1/schedules/customer-life/nothing/run');
    expect(notFound.status).toBe(404);
  });

  it('"run now" recomputes RFM in SQL: values, a new version and an audit row per changed record, a run log', async () => {
    ids.big = await customer({ name: 'Big' });
    ids.mid = await customer({ name: 'Mid' });
    ids.none = await customer({ name: 'None' });
    await pay(ids.big, 800, daysAgo(20));
    await pay(ids.big, 400, daysAgo(3));
    await pay(ids.mid, 150, daysAgo(10));

    const queued = await server.request('POST', '/api/v1/schedules/customer-life/rfm/run');
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ schedule: 'customer-life/rfm', trigger: 'manual', status: 'queued' });
    const run = await runUntilDone(queued.body.id);
    expect(run).toMatchObject({ status: 'succeeded', total: 2, processed: 2, changed: 2, failed: 0, refusals: 0 });
    expect(run.finishedAt).not.toBeNull();

    const big = (await records('GET', `/customer/${ids.big}`)).body;
    expect(big).toMatchObject({ recency: 3, monetary: 1200, rfmClass: 'A', version: 2 });
    expect((await records('GET', `/customer/${ids.mid}`)).body).toMatchObject({
      recency: 10,
      rfmClass: 'B',
      version: 2,
    });
    // No payments: not matched, untouched.
    expect((await records('GET', `/customer/${ids.none}`)).body).toMatchObject({ recency: null, version: 1 });

    const audit = (await records('GET', `/customer/${ids.big}/audit`)).body.data;
    expect(audit[0]).toMatchObject({
      action: 'update',
      actorId: null,
      changes: { recency: [null, 3], monetary: [null, 1200], rfmClass: [null, 'A'] },
      detail: { schedule: 'customer-life/rfm', run: queued.body.id },
    });

    // Nothing differs on a second run: no new versions, no audit rows.
    const again = await server.request('POST', '/api/v1/schedules/customer-life/rfm/run');
    expect(await runUntilDone(again.body.id)).toMatchObject({ status: 'succeeded', processed: 2, changed: 0 });
    expect((await records('GET', `/customer/${ids.big}`)).body.version).toBe(2);

    const listed = await server.request('GET', '/api/v1/schedules');
    expect(listed.body.data[0].lastRun).toMatchObject({ id: again.body.id, status: 'succeeded' });
    const log = await server.request('GET', '/api/v1/schedules/runs?schedule=customer-life/rfm');
    expect(log.body.data.map((r: { id: number }) => r.id)).toEqual([again.body.id, queued.body.id]);
  });

  it('a sweep sends the event as the engine; a guard refusal is counted, not fatal', async () => {
    await server.engine.schedules.stop();
    ids.idle = await customer({ name: 'Idle', region: 'East', lastFollowUpAt: daysAgo(40) });
    ids.noRegion = await customer({ name: 'No region', lastFollowUpAt: daysAgo(35) });
    ids.recent = await customer({ name: 'Recent', region: 'East', lastFollowUpAt: daysAgo(5) });

    const run = await queueManualRun(server.testDb.db.knex, 'customer-life/toPool', server.admin.id, new Date());
    await worker().drain();
    const done = await runUntilDone(run.id);
    expect(done).toMatchObject({ status: 'succeeded', total: 2, processed: 2, changed: 1, refusals: 1, failed: 0 });
    expect(done.samples).toEqual([
      {
        recordId: ids.noRegion,
        reason: { en: expect.stringContaining('region'), zh: expect.stringContaining('缺少必填字段') },
      },
    ]);
    expect((await records('GET', `/customer/${ids.idle}`)).body.state).toBe('pool');
    expect((await records('GET', `/customer/${ids.noRegion}`)).body.state).toBe('active');
    expect((await records('GET', `/customer/${ids.recent}`)).body.state).toBe('active');
    const history = (await records('GET', `/customer/${ids.idle}/history`)).body.data;
    expect(history.at(-1) ?? history[0]).toBeDefined();
    expect(history.some((h: { event: string; actorId: string | null }) => h.event === 'RETURN_TO_POOL')).toBe(true);

    // The record in the pool no longer matches: the next sweep neither moves nor counts it as refused.
    const next = await queueManualRun(server.testDb.db.knex, 'customer-life/toPool', null, new Date());
    await worker().drain();
    expect(await runUntilDone(next.id)).toMatchObject({ total: 1, processed: 1, changed: 0, refusals: 1 });
  });

  it('two workers racing for the same due time make one run; earlier missed times are not run again', async () => {
    const knex = server.testDb.db.knex;
    // Both engines first see the schedules at 17:00 UTC (01:00 in Shanghai), before the 02:00 run.
    let now = new Date('2030-01-01T17:00:00Z');
    const clock = () => now;
    const [a, b] = [worker(clock), worker(clock)];
    await knex.raw(`delete from lodestar_schedules`);
    await Promise.all([a.drain(), b.drain()]);
    now = new Date('2030-01-01T18:00:30Z');
    const ran = await Promise.all([a.drain(), b.drain()]);
    expect(ran[0] + ran[1]).toBe(1);
    const cron = (await knex('lodestar_schedule_runs').where({ trigger: 'cron' })) as {
      schedule_key: string;
      due_at: Date;
    }[];
    expect(cron.map((r) => [r.schedule_key, r.due_at.toISOString()])).toEqual([
      ['customer-life/rfm', '2030-01-01T18:00:00.000Z'],
    ]);
    // Down for three days: one run for the latest due time, not three.
    now = new Date('2030-01-05T12:00:00Z');
    await Promise.all([a.drain(), b.drain()]);
    const after = (await knex('lodestar_schedule_runs').where({ trigger: 'cron' }).orderBy('id')) as {
      schedule_key: string;
      due_at: Date;
    }[];
    expect(after.map((r) => [r.schedule_key, r.due_at.toISOString()])).toEqual([
      ['customer-life/rfm', '2030-01-01T18:00:00.000Z'],
      ['customer-life/rfm', '2030-01-04T18:00:00.000Z'],
      ['customer-life/toPool', '2030-01-04T19:00:00.000Z'],
    ]);
  });

  it('works in batches with progress, and resumes a run whose engine died after its last committed batch', async () => {
    const knex = server.testDb.db.knex;
    const more = [];
    for (let i = 0; i < 5; i++) {
      const id = await customer({ name: `Batch ${i}` });
      await pay(id, 50 + i, daysAgo(i + 1));
      more.push(id);
    }
    const run = await queueManualRun(knex, 'customer-life/rfm', null, new Date());
    await worker(undefined, 2).drain();
    expect(await runUntilDone(run.id)).toMatchObject({ status: 'succeeded', total: 7, processed: 7, changed: 5 });

    // A run an engine claimed, got through part of, then died: no heartbeat for longer than staleMs.
    const sorted = [ids.big!, ids.mid!, ...more].sort();
    const [died] = await knex('lodestar_schedule_runs')
      .insert({
        schedule_key: 'customer-life/rfm',
        trigger: 'manual',
        due_at: new Date(),
        status: 'running',
        claim: '00000000-0000-4000-8000-000000000000',
        attempts: 1,
        total: 7,
        processed: 3,
        cursor: sorted[2],
        started_at: new Date(Date.now() - 600_000),
        heartbeat_at: new Date(Date.now() - 600_000),
      })
      .returning('id');
    await knex.raw(`update customer set recency = null, version = version + 1`);
    await worker(undefined, 2).drain();
    const resumed = await runUntilDone(Number((died as { id: number }).id));
    // Only the records after the cursor are done (and the three counted before the crash stay counted).
    expect(resumed).toMatchObject({ status: 'succeeded', processed: 3 + 4, changed: 4 });
    const recency = await Promise.all(sorted.map(async (id) => (await records('GET', `/customer/${id}`)).body.recency));
    expect(recency.slice(0, 3)).toEqual([null, null, null]);
    expect(recency.slice(3).every((r) => typeof r === 'number')).toBe(true);
  });

  it('answers what the OpenAPI document promises (closed schemas generated from core types)', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    const check = async (method: string, path: string, url: string, status: number) => {
      const response = await server.request(method.toUpperCase(), `/api/v1${url}`);
      expect(response.status).toBe(status);
      const schema = doc.paths[path][method].responses[String(status)].content['application/json'].schema;
      const validate = ajv.compile({ ...schema, components: doc.components });
      expect(validate(response.body), JSON.stringify(validate.errors)).toBe(true);
      return response.body;
    };
    const queued = await check('post', '/schedules/{workflow}/{id}/run', '/schedules/customer-life/toPool/run', 202);
    await check('get', '/schedules', '/schedules', 200);
    await check('get', '/schedules/runs', '/schedules/runs?limit=5', 200);
    await check('get', '/schedules/runs/{run}', `/schedules/runs/${queued.id}`, 200);
  });

  it('a report mails each holder of the role the records of their team per stage, through the outbox', async () => {
    const knex = server.testDb.db.knex;
    const { user: manager } = await server.userToken({
      email: 'boss@lodestar.test',
      roles: ['manager'],
      displayName: '王经理',
    });
    const run = await queueManualRun(knex, 'customer-life/weekly', null, new Date());
    // 07:30 in Shanghai on 11 March is still 10 March in UTC: the report is dated as its readers count days.
    await worker(() => new Date('2027-03-10T23:30:00Z')).drain();
    expect(await runUntilDone(run.id)).toMatchObject({ status: 'succeeded', processed: 1, changed: 1 });
    const mails = await knex('lodestar_outbox').where({ kind: 'email' }).select('payload');
    const mail = mails
      .map((m: { payload: { to: string[]; subject: string; text: string } }) => m.payload)
      .find((p) => p.to.includes(manager.email))!;
    expect(mail.subject).toContain('每周客户报告');
    expect(mail.subject).toContain('(2027-03-11)');
    expect(mail.text).toContain('截至 2027-03-11 的统计');
    expect(mail.text).toContain('王经理，您好');
    const active = ((await knex('customer').where({ state: 'active' }).count('* as n')) as { n: string }[])[0]!.n;
    expect(mail.text).toContain(`跟进中：${active}`);
    expect(mail.text).toContain(`Active: ${active}`);
  });
});
