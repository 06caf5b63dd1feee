import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

/* POST /records/{entity}/bulk over HTTP against PostgreSQL: modes, failures, idempotency, scope and limits. */
let server: TestServer;
let customerId: string;

const code = (i: number) => `91330100MA2B${String(i).padStart(6, '0')}`;
const bulk = (entity: string, body: unknown, headers: Record<string, string> = {}) =>
  server.request('POST', `/api/v1/records/${entity}/bulk`, body, headers);
const count = async (entity: string, where: Record<string, unknown> = {}) =>
  Number((await server.testDb.db.knex(entity).where(where).count({ n: '*' }))[0]!.n);
const company = (i: number, more: Record<string, unknown> = {}) => ({
  record_type: 'company',
  name: `批量客户${i}`,
  industry: 'manufacturing',
  unifiedSocialCreditCode: code(i),
  ...more,
});

beforeAll(async () => {
  server = await startTestServer();
  const customer = await server.request('POST', '/api/v1/records/customer', company(0));
  expect(customer.status).toBe(201);
  customerId = customer.body.id;
});

afterAll(async () => {
  await server?.close();
});

describe('bulk insert', () => {
  it('writes the good records and answers per record when partial, pointing into the request', async () => {
    const res = await bulk(
      'contact',
      {
        allOrNothing: false,
        records: [
          { name: '张伟', customer: customerId, email: 'zhang.wei@example.com' },
          { name: '王芳', customer: customerId },
          { name: '李娜', customer: customerId, mobile: '13800000000' },
          { name: '刘洋', customer: customerId, email: 'not an address' },
          { customer: customerId },
        ],
      },
      { 'x-request-id': 'bulk-partial-1' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ mode: 'insert', allOrNothing: false, committed: true, created: 3, failed: 2 });
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'created',
      'created',
      'failed',
      'failed',
    ]);
    expect(res.body.results[3].errors).toEqual([
      expect.objectContaining({
        pointer: '/records/3/email',
        keyword: 'format',
        i18n: expect.objectContaining({ zh: expect.any(String) }),
      }),
    ]);
    expect(res.body.results[4].errors).toEqual([
      expect.objectContaining({ pointer: '/records/4/name', keyword: 'required' }),
    ]);
    // The created records are those the single route would have made, audited under the request's id.
    const first = await server.request('GET', `/api/v1/records/contact/${res.body.results[0].id}`);
    expect(first.body).toMatchObject({ name: '张伟', email: 'zhang.wei@example.com', version: 1 });
    const audit = await server.testDb.db.knex('lodestar_audit').where({ request_id: 'bulk-partial-1' });
    expect(audit.map((row) => [row.action, row.record_id]).sort()).toEqual(
      res.body.results
        .slice(0, 3)
        .map((r: { id: string }) => ['create', r.id])
        .sort(),
    );
  });

  it('writes nothing when all-or-nothing (the default) and one record fails: 422 with every issue', async () => {
    const before = await count('customer');
    const res = await bulk('customer', {
      records: [company(10), company(11, { annualRevenue: -5 }), company(12, { industry: 'spaceTravel' })],
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.i18n.zh).toContain('没有写入任何记录');
    expect(res.body.issues.map((i: { pointer: string }) => i.pointer)).toEqual([
      '/records/1/annualRevenue',
      '/records/2/industry',
    ]);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['rolledBack', 'failed', 'failed']);
    expect(res.body.committed).toBe(false);
    expect(await count('customer')).toBe(before);
  });

  it('starts each new record’s workflow, as a single create does', async () => {
    const res = await bulk('customer', { records: [company(20), company(21)] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const single = await server.request('POST', '/api/v1/records/customer', company(22));
    for (const id of [...res.body.results.map((r: { id: string }) => r.id), single.body.id]) {
      const history = await server.request('GET', `/api/v1/records/customer/${id}/history`);
      expect(history.status).toBe(200);
      expect(history.body.length ?? history.body.data?.length).toBe(1);
    }
    const [a, b] = await server.testDb.db.knex('customer').whereIn('id', [res.body.results[0].id, single.body.id]);
    expect(a.state).toBe(b.state);
  });

  it('finds which records of a batch the database refuses (a key taken in the request or before)', async () => {
    const res = await bulk('customer', {
      allOrNothing: false,
      records: [company(80), company(81), company(80, { name: '重复的客户' }), company(0, { name: '已有的客户' })],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'created',
      'failed',
      'failed',
    ]);
    for (const index of [2, 3])
      expect(res.body.results[index].errors[0]).toMatchObject({
        pointer: `/records/${index}/unifiedSocialCreditCode`,
        keyword: 'unique',
        i18n: { zh: '已存在统一社会信用代码相同的客户' },
      });
    expect(await count('customer', { unifiedSocialCreditCode: code(80) })).toBe(1);
  });

  it('refuses 10,001 records, saying how many it takes', async () => {
    const records = Array.from({ length: 10_001 }, (_, i) => ({ name: `c${i}`, customer: customerId }));
    const res = await bulk('contact', { records });
    expect(res.status).toBe(422);
    expect(res.body.issues).toEqual([expect.objectContaining({ pointer: '/records', keyword: 'maxItems' })]);
    expect(res.body.detail).toContain('at most 10,000 records, not 10,001');
    expect(res.body.i18n.zh).toContain('最多 10000 条');
  });
});

describe('bulk update and upsert', () => {
  it('upserts by a declared unique key: found records are updated, the others created', async () => {
    await bulk('customer', { records: [company(30), company(31)] });
    const res = await bulk('customer', {
      mode: 'upsert',
      key: 'unifiedSocialCreditCode',
      records: [
        { ...company(30), name: '批量客户30（已更名）' },
        company(32),
        // Only what is given changes: 31 keeps its name and industry.
        { unifiedSocialCreditCode: code(31), city: '杭州' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 2, failed: 0 });
    expect(res.body.results.map((r: { status: string; version: number }) => [r.status, r.version])).toEqual([
      ['updated', 2],
      ['created', 1],
      ['updated', 2],
    ]);
    const renamed = await server.testDb.db
      .knex('customer')
      .where({ unifiedSocialCreditCode: code(30) })
      .first();
    expect(renamed.name).toBe('批量客户30（已更名）');
    expect((await server.request('GET', `/api/v1/records/customer/${res.body.results[2].id}`)).body.city).toBe('杭州');
  });

  it('refuses a key repeated in the request, an update whose key finds nothing, and a key that is not unique', async () => {
    const res = await bulk('customer', {
      mode: 'update',
      key: ['unifiedSocialCreditCode'],
      allOrNothing: false,
      records: [
        { unifiedSocialCreditCode: code(30), city: '宁波' },
        { unifiedSocialCreditCode: code(30), city: '温州' },
        { unifiedSocialCreditCode: code(99), city: '绍兴' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['updated', 'failed', 'failed']);
    expect(res.body.results[1].errors[0]).toMatchObject({
      pointer: '/records/1/unifiedSocialCreditCode',
      keyword: 'duplicateInRequest',
    });
    expect(res.body.results[2].errors[0]).toMatchObject({
      pointer: '/records/2/unifiedSocialCreditCode',
      keyword: 'notFound',
    });
    const badKey = await bulk('customer', { mode: 'upsert', key: 'name', records: [company(40)] });
    expect(badKey.status).toBe(422);
    expect(badKey.body.issues[0]).toMatchObject({ pointer: '/key', keyword: 'enum' });
    expect(badKey.body.issues[0].i18n.zh).toContain('统一社会信用代码');
  });

  it('updates by id at the version given, and reports a stale version per record', async () => {
    const made = await bulk('customer', { records: [company(50), company(51)] });
    const [a, b] = made.body.results as { id: string }[];
    const res = await bulk('customer', {
      mode: 'update',
      key: 'id',
      allOrNothing: false,
      records: [
        { id: a!.id, version: 1, city: '上海' },
        { id: b!.id, version: 7, city: '北京' },
        { id: '00000000-0000-4000-8000-000000000000', city: '广州' },
        { id: 'not-a-record', city: '深圳' },
        { id: a!.id, version: 2 ** 40, city: '深圳' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ status: 'updated', version: 2 });
    expect(res.body.results[1].errors[0]).toMatchObject({ pointer: '/records/1', keyword: 'conflict' });
    expect(res.body.results[2].errors[0]).toMatchObject({ pointer: '/records/2', keyword: 'not-found' });
    expect(res.body.results[3].errors[0]).toMatchObject({ pointer: '/records/3/id', keyword: 'format' });
    expect(res.body.results[4].errors[0]).toMatchObject({ pointer: '/records/4/version', keyword: 'type' });
  });
});

describe('Idempotency-Key', () => {
  it('answers a repeated request with the first answer and writes nothing again', async () => {
    const body = { records: [company(60), company(61)] };
    const key = { 'idempotency-key': 'order-import-2026-12-07-a' };
    const first = await bulk('customer', body, key);
    expect(first.status).toBe(200);
    const before = await count('customer');
    const again = await bulk('customer', body, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await count('customer')).toBe(before);
  });

  it('replays a refusal too, and refuses the same key with another body', async () => {
    const key = { 'idempotency-key': 'refused-once' };
    const body = { records: [company(70, { annualRevenue: -1 })] };
    const first = await bulk('customer', body, key);
    expect(first.status).toBe(422);
    const again = await bulk('customer', body, key);
    expect(again.status).toBe(422);
    expect(again.body).toEqual(first.body);
    const other = await bulk('customer', { records: [company(71)] }, key);
    expect(other.status).toBe(422);
    expect(other.body.issues[0]).toMatchObject({ pointer: '/header/Idempotency-Key', keyword: 'idempotencyKey' });
    expect(await count('customer', { unifiedSocialCreditCode: code(71) })).toBe(0);
  });

  it('writes once when the same request arrives twice at the same time', async () => {
    const body = { records: Array.from({ length: 50 }, (_, i) => company(100 + i)) };
    const key = { 'idempotency-key': 'concurrent-1' };
    const answers = await Promise.all([bulk('customer', body, key), bulk('customer', body, key)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0]!.body).toEqual(answers[1]!.body);
    expect(await count('customer', { name: '批量客户100' })).toBe(1);
  });

  it('keys are per user: another user’s same key is their own', async () => {
    const { token } = await server.userToken({ email: 'other.admin@example.com', roles: ['admin'] });
    const key = 'shared-looking-key';
    const mine = await bulk('customer', { records: [company(200)] }, { 'idempotency-key': key });
    const theirs = await bulk(
      'customer',
      { records: [company(201)] },
      { 'idempotency-key': key, authorization: `Bearer ${token}` },
    );
    expect([mine.status, theirs.status]).toEqual([200, 200]);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('bulk under a salesperson’s scope', () => {
  it('refuses giving records to others and updating records out of scope, per record', async () => {
    const { user, token } = await server.userToken({ email: 'zhao@example.com', roles: ['salesperson'] });
    const as = { authorization: `Bearer ${token}` };
    const { user: other } = await server.userToken({ email: 'qian@example.com', roles: ['salesperson'] });
    const res = await bulk(
      'customer',
      {
        mode: 'upsert',
        key: 'unifiedSocialCreditCode',
        allOrNothing: false,
        records: [company(300), company(301, { owner_id: other.id }), { ...company(30), city: '厦门' }],
      },
      as,
    );
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ status: 'created' });
    expect(res.body.results[1].errors[0]).toMatchObject({ pointer: '/records/1/owner_id' });
    // 30 belongs to the admin: out of the salesperson's scope, it is not theirs to change.
    expect(res.body.results[2].status).toBe('failed');
    expect(await count('customer', { unifiedSocialCreditCode: code(301) })).toBe(0);
    const own = await server.testDb.db
      .knex('customer')
      .where({ unifiedSocialCreditCode: code(300) })
      .first();
    expect(own.owner_id).toBe(user.id);
    const readOnly = await server.userToken({ email: 'svc@example.com', roles: ['serviceManager'] });
    const refused = await bulk('customer', { records: [company(302)] }, { authorization: `Bearer ${readOnly.token}` });
    expect(refused.status).toBe(403);
  });
});
