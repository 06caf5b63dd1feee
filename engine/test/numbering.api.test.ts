import { calendarDateIn } from '@lodestar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { readCounters } from '../src/records/sequences-repo.js';
import { numberingSet, workflowNumberingSet } from './support/numbering-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const year = calendarDateIn(new Date(), 'Asia/Shanghai').year;
const qt = (n: number, prefix = '') => `${prefix}QT-${year}-${String(n).padStart(4, '0')}`;

let server: TestServer;
/** The contacts' code, numbered per year when a publish adds it. */
const CONTACT_CODE = { type: 'string' as const, 'x-sequence': { pattern: 'C{YY}-{000}', reset: 'yearly' as const } };
const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);
const create = (body: Record<string, unknown>) => api('POST', '/quote', { record_type: 'standard', ...body });

async function publishSet(set: DefinitionSet, body: Record<string, unknown> = {}) {
  const put = await server.request('PUT', '/api/v1/meta/drafts/main', { definitions: set });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const plan = await server.request('POST', '/api/v1/meta/drafts/main/plan');
  const published = await server.request('POST', '/api/v1/meta/drafts/main/publish', body);
  return { plan: plan.body, published };
}

beforeAll(async () => {
  server = await startTestServer({ definitions: numberingSet() });
});
afterAll(() => server?.close());

describe('numbered fields (x-sequence)', () => {
  it('gives 50 concurrent creates the numbers 0001…0050, each once, without a gap', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => create({ title: `Q${i}` })));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    const numbers = answers.map((a) => a.body.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => qt(i + 1)));
    const stored = await server.testDb.db.knex('quote').select('number').orderBy('number');
    expect(stored.map((r: { number: string }) => r.number)).toEqual(numbers);
    expect(await readCounters(server.testDb.db.knex, 'quote', 'number')).toEqual([
      { prefix: '', period: String(year), value: 50 },
    ]);
  });

  it('does not burn a number when the create fails after numbering, and never reuses a deleted one', async () => {
    // The link is written after the record's INSERT (which took the number) in the same transaction.
    const failed = await create({ title: 'bad link', contacts: ['00000000-0000-4000-8000-000000000000'] });
    expect(failed.status).toBe(422);
    expect(failed.body.issues[0].pointer).toBe('/contacts');
    const next = await create({ title: 'after the failure' });
    expect(next.body.number).toBe(qt(51));
    expect((await api('DELETE', `/quote/${next.body.id}`, { version: 1 })).status).toBe(204);
    expect((await create({ title: 'after the delete' })).body.number).toBe(qt(52));
  });

  it('numbers each record type prefix with its own counter', async () => {
    const strategic = await create({ record_type: 'strategic', title: 'Big' });
    expect(strategic.body.number).toBe(qt(1, 'S'));
    expect((await create({ record_type: 'strategic', title: 'Bigger' })).body.number).toBe(qt(2, 'S'));
    expect((await create({ title: 'plain' })).body.number).toBe(qt(53));
  });

  it('refuses a write that sends the number, naming the field', async () => {
    const created = await create({ title: 'mine', number: 'QT-1' });
    expect(created.status).toBe(422);
    expect(created.body.issues).toEqual([
      expect.objectContaining({
        pointer: '/number',
        keyword: 'readOnly',
        i18n: expect.objectContaining({ zh: expect.stringContaining('报价单号') }),
      }),
    ]);
    const record = (await create({ title: 'ok' })).body;
    const patched = await api('PATCH', `/quote/${record.id}`, { version: 1, number: 'QT-1' });
    expect(patched.status).toBe(422);
    expect(patched.body.issues[0]).toMatchObject({ pointer: '/number', keyword: 'readOnly' });
    expect((await api('PATCH', `/quote/${record.id}`, { version: 1, title: 'renamed' })).body.number).toBe(
      record.number,
    );
  });

  it('marks the field read-only in the OpenAPI document', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    const text = JSON.stringify(doc);
    expect(text).toContain('"number"');
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, { readOnly?: boolean }> }>;
    const quote = Object.entries(schemas).find(([name, s]) => /quote/i.test(name) && s.properties?.number);
    expect(quote?.[1].properties?.number?.readOnly).toBe(true);
  });

  it('numbers existing rows in creation order when a publish adds the field, then keeps counting', async () => {
    const knex = server.testDb.db.knex;
    // 2025-12-31 16:30 UTC is already 2026-01-01 in Shanghai: the company's year decides the period.
    await knex('contact').insert([
      { name: 'third', created_at: '2026-03-01T00:00:00Z' },
      { name: 'first', created_at: '2025-06-01T00:00:00Z' },
      { name: 'second', created_at: '2025-12-31T16:30:00Z' },
      { name: 'fourth', created_at: '2026-03-02T00:00:00Z' },
    ]);
    const { plan, published } = await publishSet(numberingSet({ contactNumber: CONTACT_CODE }));
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const step = plan.steps.find((s: { kind: string }) => s.kind === 'addSequence');
    expect(step).toMatchObject({ table: 'contact', column: 'code', rows: 4, safety: 'safe' });
    expect(step.text.zh).toContain('「联系人」的「code」');
    expect(step.reasonText).toEqual({
      en: '4 existing records are numbered in creation order',
      zh: '4 条现有记录按创建顺序编号',
    });
    const rows = await knex('contact').select('name', 'code').orderBy('code');
    expect(rows).toEqual([
      { name: 'first', code: 'C25-001' },
      { name: 'second', code: 'C26-001' },
      { name: 'third', code: 'C26-002' },
      { name: 'fourth', code: 'C26-003' },
    ]);
    const next = await api('POST', '/contact', { name: 'new' });
    expect(next.body.code).toBe(year === 2026 ? 'C26-004' : `C${String(year % 100)}-001`);
  });

  it('changing the pattern numbers only new records; removing it drops the counters and the index', async () => {
    const knex = server.testDb.db.knex;
    const changed = numberingSet({ contactNumber: CONTACT_CODE });
    changed.entities[0]!.properties.number!['x-sequence'] = { pattern: 'Q{YYYY}/{00000}', reset: 'yearly' };
    const { plan, published } = await publishSet(changed);
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(plan.steps.find((s: { kind: string }) => s.kind === 'changeSequence')).toMatchObject({ safety: 'safe' });
    const renumbered = await knex('quote').count({ n: '*' }).where('number', 'like', 'Q%/%');
    expect(Number(renumbered[0]!.n)).toBe(0);
    const numbered = await create({ title: 'new pattern' });
    expect(numbered.body.number).toBe(`Q${year}/00055`);

    const removed = numberingSet({ contactNumber: CONTACT_CODE });
    delete removed.entities[0]!.properties.number!['x-sequence'];
    const dropped = await publishSet(removed);
    expect(dropped.published.status, JSON.stringify(dropped.published.body)).toBe(201);
    expect(dropped.plan.steps.map((s: { kind: string }) => s.kind)).toEqual(['dropSequence']);
    expect(await readCounters(knex, 'quote', 'number')).toEqual([]);
    const plain = await create({ title: 'unnumbered', number: 'typed by hand' });
    expect(plain.status).toBe(201);
    expect(plain.body.number).toBe('typed by hand');
    expect((await create({ title: 'same number', number: 'typed by hand' })).status).toBe(201);
  });
});

describe('renaming a numbered field', () => {
  it('keeps its counters and its unique index, so numbering continues', async () => {
    const knex = server.testDb.db.knex;
    const before = await readCounters(knex, 'contact', 'code');
    expect(before.length).toBeGreaterThan(0);
    const renamed = numberingSet({ contactNumber: { ...CONTACT_CODE, 'x-renamedFrom': 'code' } });
    renamed.entities[1]!.properties.ref = renamed.entities[1]!.properties.code!;
    delete renamed.entities[1]!.properties.code;
    // Numbering the quotes again would replace the numbers typed by hand since: that needs confirmation.
    const refused = await publishSet(renamed);
    expect(refused.published.status).toBe(409);
    expect(refused.published.body.steps).toEqual([
      expect.objectContaining({ kind: 'addSequence', table: 'quote', renumber: true, safety: 'destructive' }),
    ]);
    delete renamed.entities[0]!.properties.number!['x-sequence'];
    const { plan, published } = await publishSet(renamed);
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(plan.steps.map((s: { kind: string }) => s.kind)).toEqual(['renameColumn', 'renameSequence']);
    expect(await readCounters(knex, 'contact', 'code')).toEqual([]);
    expect(await readCounters(knex, 'contact', 'ref')).toEqual(before);
    const last = before.find((c) => c.period === String(year));
    const next = await api('POST', '/contact', { name: 'after the rename' });
    expect(next.body.ref).toBe(
      `C${String(year % 100).padStart(2, '0')}-${String((last?.value ?? 0) + 1).padStart(3, '0')}`,
    );
    const indexes = await knex.raw(
      `select indexname from pg_indexes where tablename = 'contact' and indexname like '%number'`,
    );
    expect(indexes.rows).toEqual([{ indexname: 'contact_ref_number' }]);
  });
});

describe('numbering through workflows', () => {
  let flows: TestServer;
  beforeAll(async () => {
    flows = await startTestServer({ definitions: workflowNumberingSet() });
  });
  afterAll(() => flows?.close());

  it('numbers a record that starts a workflow and one a workflow action creates', async () => {
    const ticket = await flows.request('POST', '/api/v1/records/ticket', { title: 'Broken pump' });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    expect(ticket.body).toMatchObject({ number: 'T-0001', state: 'open' });
    expect((await flows.request('POST', '/api/v1/records/ticket', { title: 'Second' })).body.number).toBe('T-0002');
    for (const version of [1, 2]) {
      const sent = await flows.request('POST', `/api/v1/records/ticket/${ticket.body.id}/events`, {
        type: 'FOLLOW_UP',
        version,
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    }
    const followUps = (await flows.request('GET', '/api/v1/records/followUp?sort=code')).body.data;
    expect(followUps.map((f: { code: string }) => f.code)).toEqual(['F-001', 'F-002']);
  });
});
