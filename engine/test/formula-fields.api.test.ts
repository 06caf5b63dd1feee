import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { EntityDefinition } from '../src/definitions/entity.js';
import { FORMULA_DEFINITIONS } from './support/formula-definitions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** Formula fields (x-formula) over HTTP on PostgreSQL: stored and computed values, reads, writes, publishes. */

let server: TestServer;
const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);
let key: string;
let normal: string;

beforeAll(async () => {
  server = await startTestServer({ definitions: FORMULA_DEFINITIONS });
  key = (await api('POST', '/customer', { name: 'Key', level: 'key', since: daysAgo(400) })).body.id;
  normal = (await api('POST', '/customer', { name: 'Normal', level: 'normal' })).body.id;
});
afterAll(() => server?.close());

const daysAgo = (n: number) => {
  const shanghai = new Date(Date.now() + 8 * 3600_000 - n * 86400_000);
  return shanghai.toISOString().slice(0, 10);
};

async function columnsOf(table: string): Promise<Record<string, string | null>> {
  const rows = await server.testDb.db
    .knex('information_schema.columns')
    .where({ table_name: table })
    .select('column_name', 'generation_expression');
  return Object.fromEntries(
    rows.map((r: { column_name: string; generation_expression: string | null }) => [
      r.column_name,
      r.generation_expression,
    ]),
  );
}

async function publishDraft(set: DefinitionSet, body: Record<string, unknown> = {}) {
  const put = await server.request('PUT', '/api/v1/meta/drafts/main', { definitions: set });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const plan = await server.request('POST', '/api/v1/meta/drafts/main/plan');
  const published = await server.request('POST', '/api/v1/meta/drafts/main/publish', body);
  return { plan, published };
}

async function currentSet(): Promise<DefinitionSet> {
  return (await server.request('GET', '/api/v1/meta/model')).body.definitions;
}

function editQuote(set: DefinitionSet, edit: (quote: EntityDefinition) => void): DefinitionSet {
  const copy = structuredClone(set);
  edit(copy.entities.find((e) => e.$id === 'quote')!);
  return copy;
}

describe('formula fields', () => {
  it('stores a row-only formula as a generated column and computes the others when read', async () => {
    const columns = await columnsOf('quote');
    expect(columns.total).toMatch(/amount/);
    expect(columns).not.toHaveProperty('commission');
    expect(columns).not.toHaveProperty('age');
  });

  it('answers every value on create and read, to the cent, across a relation and with TODAY()', async () => {
    const created = await api('POST', '/quote', {
      title: 'Q1',
      amount: 1234.56,
      discount: 0.15,
      customer: key,
      signedOn: daysAgo(10),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // 1234.56 × 0.85 = 1049.376 → 1049.38; × 0.05 = 52.469 → 52.47
    expect(created.body).toMatchObject({ total: 1049.38, commission: 52.47, age: 10 });
    const read = await api('GET', `/quote/${created.body.id}`);
    expect(read.body).toMatchObject({ total: 1049.38, commission: 52.47, age: 10 });
    const patched = await api('PATCH', `/quote/${created.body.id}`, { version: 1, customer: normal, discount: null });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ total: 1234.56, commission: 37.04 });
    // The value is computed again on every write, and is never the writer's to answer for.
    const negative = await api('PATCH', `/quote/${created.body.id}`, { version: 2, customer: key, amount: -1 });
    expect(negative.status, JSON.stringify(negative.body)).toBe(200);
    expect(negative.body).toMatchObject({ total: -1, version: 3 });
    const restored = await api('PATCH', `/quote/${created.body.id}`, { version: 3, amount: 1234.56, customer: normal });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
  });

  it('judges a change of record type on what was written, not on a formula the new type does not show', async () => {
    const created = await api('POST', '/deal', { record_type: 'big', title: 'D', amount: 5 });
    expect(created.body).toMatchObject({ doubled: 10 });
    const retyped = await api('PATCH', `/deal/${created.body.id}`, { version: 1, record_type: 'small' });
    expect(retyped.status, JSON.stringify(retyped.body)).toBe(200);
    expect(retyped.body).toMatchObject({ record_type: 'small', doubled: 10 });
  });

  it('filters, sorts and selects formula values in lists, and groups by them', async () => {
    for (const [title, amount] of [
      ['A', 100],
      ['B', 300],
      ['C', 200],
    ] as const)
      await api('POST', '/quote', { title, amount, discount: 0.5, customer: key, signedOn: daysAgo(3) });
    const list = await api('GET', '/quote?filter[total][gt]=60&filter[total][lt]=1000&sort=-total&fields=title,total');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.data).toEqual([
      { id: expect.any(String), title: 'B', total: 150 },
      { id: expect.any(String), title: 'C', total: 100 },
    ]);
    const computed = await api('GET', '/quote?filter[commission][gte]=5&sort=commission&fields=title,commission');
    expect(computed.body.data.map((r: { title: string }) => r.title)).toEqual(['C', 'B', 'Q1']);
    const paged = await api('GET', '/quote?sort=commission&limit=1&fields=title');
    const next = await api('GET', `/quote?sort=commission&limit=1&fields=title&cursor=${paged.body.nextCursor}`);
    expect([paged.body.data[0].title, next.body.data[0].title]).toEqual(['A', 'C']);
    const loyal = await api('GET', '/quote?filter[customer.tenure][gte]=400&fields=title&sort=title');
    expect(loyal.status, JSON.stringify(loyal.body)).toBe(200);
    expect(loyal.body.data.map((r: { title: string }) => r.title)).toEqual(['A', 'B', 'C']);
    const recent = await api('GET', '/quote?filter[age][lt]=5&fields=title');
    expect(recent.body.data.map((r: { title: string }) => r.title).sort()).toEqual(['A', 'B', 'C']);
    const groups = await api('GET', '/quote/groups?by=age&sum=total');
    expect(groups.status, JSON.stringify(groups.body)).toBe(200);
    expect(groups.body.groups ?? groups.body.data ?? groups.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 3, count: 3, sum: 300 })]),
    );
  });

  it('exports formula values in CSV', async () => {
    const response = await fetch(`${server.url}/api/v1/records/quote/export?format=raw&sort=title`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    const csv = await response.text();
    expect(response.status, csv).toBe(200);
    const [header, first] = csv.trim().split(/\r?\n/);
    const cells = (line: string) => line.split(',');
    const at = (name: string) => cells(header!).indexOf(name);
    expect(at('total')).toBeGreaterThanOrEqual(0);
    expect(cells(first!)[at('total')]).toBe('50');
    expect(cells(first!)[at('commission')]).toBe('2.5');
  });

  it('refuses a write that includes a formula field with 422 naming it', async () => {
    const created = await api('POST', '/quote', { title: 'X', amount: 1, total: 5 });
    expect(created.status).toBe(422);
    expect(created.body.issues).toEqual([
      expect.objectContaining({
        pointer: '/total',
        keyword: 'readOnly',
        i18n: expect.objectContaining({ zh: expect.any(String) }),
      }),
    ]);
    const id = (await api('POST', '/quote', { title: 'Y', amount: 1 })).body.id;
    const patched = await api('PATCH', `/quote/${id}`, { version: 1, commission: 1 });
    expect(patched.status).toBe(422);
    expect(patched.body.issues[0]).toMatchObject({ pointer: '/commission', keyword: 'readOnly' });
  });

  it('marks formula fields readOnly in OpenAPI', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, { readOnly?: boolean }> }>;
    const record = Object.entries(schemas).find(([name, s]) => /quote$/i.test(name) && s.properties?.total)?.[1];
    expect(record?.properties?.total?.readOnly).toBe(true);
  });

  it('rejects bad formulas at validation with pointers', async () => {
    const set = editQuote(await currentSet(), (q) => {
      q.properties.bad = { type: 'number', 'x-formula': 'amount * nosuch' };
      q.properties.wrong = { type: 'number', 'x-formula': '"a" & title' };
      q.properties.loopA = { type: 'number', 'x-formula': 'loopB + 1' };
      q.properties.loopB = { type: 'number', 'x-formula': 'loopA + 1', default: 1 };
      q.required = ['title', 'total'];
      q.properties.hop = { type: 'number', 'x-formula': 'customer.rate * 2' };
      q.properties.tags = { type: 'array', items: { type: 'string' }, 'x-formula': 'title' };
      q['x-entity'].indexes = [['commission']];
    });
    set.roles = {
      roles: { rep: { title: 'Rep', entities: { customer: { read: 'all', fields: { rate: 'hidden' } }, quote: {} } } },
    };
    const put = await server.request('PUT', '/api/v1/meta/drafts/bad', { definitions: set });
    const issues = (put.body.issues ?? []) as { pointer: string; keyword: string; i18n: { zh: string } }[];
    const at = issues.map((i) => `${i.pointer} ${i.keyword}`);
    // Each is worded in Chinese by its check, not by the generic fallback.
    for (const issue of issues.filter((i) => i.keyword.startsWith('formula')))
      expect(issue.i18n.zh).not.toMatch(/^定义有误/);
    expect(at).toEqual(
      expect.arrayContaining([
        '/properties/bad/x-formula formula',
        '/properties/wrong/x-formula formulaType',
        '/properties/loopA/x-formula formulaCycle',
        '/properties/loopB/x-formula formulaCycle',
        '/properties/loopB/default formulaDefault',
        '/required/1 formulaRequired',
        '/properties/hop/x-formula formulaHiddenField',
        '/properties/tags formulaKind',
        '/x-entity/indexes/0/0 formulaIndex',
      ]),
    );
  });

  it('publishes adding, changing, switching and removing formula fields on a table holding data', async () => {
    const before = await api('GET', '/quote?fields=title,total&sort=title');
    const rows = before.body.data.length;
    expect(rows).toBeGreaterThan(3);

    // Add a stored formula: PostgreSQL computes every existing row in the publish.
    let set = editQuote(await currentSet(), (q) => {
      q.properties.net = { type: 'number', 'x-scale': 2, 'x-currency': 'CNY', 'x-formula': 'ROUND(amount * 0.9, 2)' };
    });
    let { plan, published } = await publishDraft(set);
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const add = plan.body.steps.find((s: { kind: string }) => s.kind === 'addFormula');
    expect(add).toMatchObject({ safety: 'safe', rows });
    expect(add.text.zh).toContain('net');
    const a = (await api('GET', '/quote?filter[title]=A&fields=net')).body.data[0];
    expect(a.net).toBe(90);

    // Change it: the stored column is rebuilt with the new formula.
    set = editQuote(await currentSet(), (q) => {
      q.properties.net!['x-formula'] = 'amount - 1';
    });
    ({ plan, published } = await publishDraft(set));
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(plan.body.steps.map((s: { kind: string }) => s.kind)).toEqual(['dropFormula', 'changeFormula']);
    expect((await api('GET', '/quote?filter[title]=A&fields=net')).body.data[0].net).toBe(99);

    // Switch it to computed (it now reads the customer) and back to stored.
    set = editQuote(await currentSet(), (q) => {
      q.properties.net!['x-formula'] = 'amount - customer.rate';
    });
    await api('PATCH', `/customer/${key}`, { version: 1, rate: 2 });
    ({ plan, published } = await publishDraft(set));
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(plan.body.steps.find((s: { kind: string }) => s.kind === 'changeFormula').text.en).toContain(
      'customer.rate',
    );
    expect((await columnsOf('quote')).net).toBeUndefined();
    expect((await api('GET', '/quote?filter[title]=A&fields=net')).body.data[0].net).toBe(98);

    // Remove it.
    set = editQuote(await currentSet(), (q) => {
      delete q.properties.net;
    });
    ({ plan, published } = await publishDraft(set));
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(plan.body.steps).toEqual([expect.objectContaining({ kind: 'dropFormula', safety: 'safe' })]);
    expect((await api('GET', '/quote?filter[title]=A')).body.data[0]).not.toHaveProperty('net');
  });

  it('publishes a stored formula over a column that is retyped', async () => {
    const set = editQuote(await currentSet(), (q) => {
      q.properties.discount = { type: 'number', title: 'Discount', 'x-currency': 'CNY', 'x-scale': 4 };
    });
    const { plan, published } = await publishDraft(set, { confirmDestructive: true });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(plan.body.steps.map((s: { kind: string }) => s.kind)).toEqual(['dropFormula', 'alterType', 'changeFormula']);
    expect((await api('GET', '/quote?filter[title]=B&fields=total')).body.data[0].total).toBe(150);
  });
});

describe('formula fields in reports', () => {
  it('weigh a stored formula as the amount, and leave a computed one out instead of failing', async () => {
    const set = await currentSet();
    const flow = (amountField: string) => ({
      id: 'quote-flow',
      initial: 'open',
      meta: { entity: 'quote', amountField },
      states: { open: { meta: { probability: 0.5 }, on: { WIN: 'won' } }, won: { type: 'final' } },
    });
    let { published } = await publishDraft({ ...set, workflows: [flow('total')] } as DefinitionSet);
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const open = await api('POST', '/quote', { title: 'Flow', amount: 100, discount: 0.25 });
    expect(open.status).toBe(201);
    const stored = await server.request('GET', '/api/v1/reports/quote-flow/forecast');
    expect(stored.status, JSON.stringify(stored.body)).toBe(200);
    expect(JSON.stringify(stored.body)).toContain('75');

    ({ published } = await publishDraft({ ...set, workflows: [flow('commission')] } as DefinitionSet));
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const computed = await server.request('GET', '/api/v1/reports/quote-flow/forecast');
    expect(computed.status, JSON.stringify(computed.body)).toBe(200);
    expect(computed.body.amountField).toBeNull();
  });
});

describe('formula fields and indexes', () => {
  it('publishes indexes on stored formulas, on a new table and an existing one, and turns a field into a formula', async () => {
    const set = editQuote(await currentSet(), (q) => {
      q['x-entity'].indexes = [['total']];
      q.properties.title!['x-formula'] = 'UPPER(customer.name)';
      q.required = [];
    });
    set.entities.push({
      $id: 'line',
      title: 'Line',
      type: 'object',
      'x-entity': { titleField: 'name', indexes: [['net']] },
      properties: {
        name: { type: 'string', title: 'Name' },
        qty: { type: 'integer', title: 'Quantity' },
        price: { type: 'number', title: 'Price', 'x-currency': 'CNY', 'x-scale': 2 },
        net: { type: 'number', title: 'Net', 'x-currency': 'CNY', 'x-scale': 2, 'x-formula': 'qty * price' },
      },
    } as EntityDefinition);
    const { plan, published } = await publishDraft(set, { confirmDestructive: true });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const kinds = plan.body.steps.map((s: { kind: string; table: string }) =>
      `${s.kind} ${typeof s.table === 'string' ? s.table : ''}`.trim(),
    );
    expect(kinds).toEqual(
      expect.arrayContaining(['createTable', 'addFormula line', 'addIndex line', 'addIndex quote', 'dropColumn quote']),
    );
    const indexes = await server.testDb.db.knex('pg_indexes').whereIn('tablename', ['quote', 'line']).pluck('indexdef');
    expect(indexes.join('\n')).toMatch(/ON public\.line USING btree \(net\)/);
    expect(indexes.join('\n')).toMatch(/ON public\.quote USING btree \(total\)/);
    const line = await api('POST', '/line', { name: 'L', qty: 3, price: 2.5 });
    expect(line.body.net).toBe(7.5);
    const titles = await api('GET', `/quote?filter[customer]=${key}&fields=title&limit=1`);
    expect(titles.body.data[0].title).toBe('KEY');

    // A rebuilt stored column gets its index back.
    const changed = editQuote(await currentSet(), (q) => {
      q.properties.total!['x-formula'] = 'amount * 2';
    });
    const rebuilt = await publishDraft(changed);
    expect(rebuilt.published.status, JSON.stringify(rebuilt.published.body)).toBe(201);
    expect(rebuilt.plan.body.steps.map((step: { kind: string }) => step.kind)).toEqual([
      'dropFormula',
      'changeFormula',
      'addIndex',
      'addIndex', // its owner-leading twin (owner_id, total)
    ]);
    const after = await server.testDb.db.knex('pg_indexes').where({ tablename: 'quote' }).pluck('indexdef');
    expect(after.join('\n')).toMatch(/USING btree \(total\)/);
    expect(after.join('\n')).toMatch(/USING btree \(owner_id, total\)/);
  });
});
