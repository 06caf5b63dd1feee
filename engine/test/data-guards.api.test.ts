import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { EntityDefinition } from '../src/definitions/entity.js';
import type { WorkflowDefinition } from '../src/definitions/workflow.js';
import type { Knex } from 'knex';
import { compileModel } from '../src/model/compile-model.js';
import { boundWorkflow } from '../src/runtime/compiled-workflows.js';
import { loadGuardFacts } from '../src/runtime/guard-facts.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// Guards over data (issue 15 item 2) over HTTP against PostgreSQL: a condition over the quote and its customer,
// one over a roll-up of its lines, and counts of related lines filtered by the line's product.
const titled = (en: string, zh: string) => ({ title: en, 'x-i18n': { title: { zh, en } } });
const uuidTo = (entity: string) => ({ type: 'string' as const, format: 'uuid' as const, 'x-relation': { entity } });

function definitions(): DefinitionSet {
  const entity = (id: string, en: string, zh: string, properties: EntityDefinition['properties']) =>
    ({
      $id: id,
      type: 'object',
      ...titled(en, zh),
      'x-entity': { titleField: 'name' },
      properties: { name: { type: 'string', maxLength: 200, ...titled('Name', '名称') }, ...properties },
    }) as EntityDefinition;
  const customer = entity('customer', 'Customer', '客户', {
    maxDiscount: { type: 'number', ...titled('Max discount', '最大折扣') },
    level: { type: 'string', enum: ['key', 'normal'], ...titled('Level', '等级') },
  });
  const product = entity('product', 'Product', '产品', {
    category: {
      type: 'string',
      enum: ['goods', 'service'],
      title: 'Category',
      'x-i18n': { title: { zh: '类别' }, enum: { service: { en: 'Service', zh: '服务' } } },
    },
  });
  const quote = entity('quote', 'Quote', '报价', {
    discount: { type: 'number', ...titled('Discount', '折扣') },
    customer: { ...uuidTo('customer'), ...titled('Customer', '客户') },
    lineTotal: {
      type: 'number',
      ...titled('Line total', '明细合计'),
      'x-rollup': { from: 'quoteLine', via: 'quote', op: 'sum', field: 'amount' },
    },
  });
  const quoteLine = entity('quoteLine', 'Quote line', '报价明细', {
    quote: { ...uuidTo('quote'), 'x-relation': { entity: 'quote', onDelete: 'cascade' } },
    product: { ...uuidTo('product'), ...titled('Product', '产品') },
    amount: { type: 'number' },
  });
  const guarded = (event: string, guard: unknown) => ({
    [event]: { target: 'done', guard, meta: { title: { en: event, zh: event } } },
  });
  const workflow = {
    id: 'quote-flow',
    meta: { entity: 'quote' },
    initial: 'draft',
    states: {
      draft: {
        on: {
          ...guarded('SUBMIT', { type: 'condition', params: { check: 'discount <= customer.maxDiscount' } }),
          ...guarded('KEY', {
            type: 'condition',
            params: {
              check: 'lineTotal >= 10000 AND customer.level = "key"',
              message: { en: 'Key accounts only, from 10,000', zh: '仅限重点客户且金额满一万' },
            },
          }),
          ...guarded('SERVICE', {
            type: 'related',
            params: { entity: 'quoteLine', via: 'quote', where: 'product.category = "service"' },
          }),
          ...guarded('PAIR', { type: 'related', params: { entity: 'quoteLine', via: 'quote', min: 2, max: 3 } }),
          ...guarded('ASK', { type: 'condition', params: { check: 'name <> "why?"' } }),
          ...guarded('MINE', { type: 'condition', params: { check: 'owner_id = ME()' } }),
          ...guarded('THEIRS', { type: 'condition', params: { check: 'owner_id <> ME()' } }),
          ...guarded('MY_LINES', {
            type: 'related',
            params: { entity: 'quoteLine', via: 'quote', where: 'owner_id = ME() AND amount > 100' },
          }),
          PLAIN: 'done',
          WAIT: 'waiting',
        },
      },
      // A timer's transition is judged on the facts too, read inside the timer's transaction.
      waiting: {
        after: { PT1S: { target: 'done', guard: { type: 'condition', params: { check: 'discount > 0.5' } } } },
      },
      done: {},
    },
  } as unknown as WorkflowDefinition;
  return { entities: [customer, product, quote, quoteLine], workflows: [workflow] };
}

let server: TestServer;
const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);
const send = (quote: { id: string }, type: string) => api('POST', `/quote/${quote.id}/events`, { type });

async function create(entity: string, values: Record<string, unknown>) {
  const res = await api('POST', `/${entity}`, values);
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

beforeAll(async () => {
  server = await startTestServer({ definitions: definitions() });
});
afterAll(async () => {
  await server?.close();
});

describe('condition guards', () => {
  it("refuses a discount over the customer's maximum naming the fields by title, and lets one under it pass", async () => {
    const acme = await create('customer', { name: 'Acme', maxDiscount: 0.1 });
    const over = await create('quote', { name: 'Over', discount: 0.15, customer: acme.id });
    const refused = await send(over, 'SUBMIT');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      guard: 'condition',
      reason: { en: "Condition not met: Discount ≤ Customer's Max discount", zh: '条件不满足：折扣 ≤ 客户的最大折扣' },
    });
    expect((await api('GET', `/quote/${over.id}`)).body).toMatchObject({ state: 'draft', version: 1 });
    const under = await create('quote', { name: 'Under', discount: 0.05, customer: acme.id });
    const moved = await send(under, 'SUBMIT');
    expect(moved.status).toBe(200);
    expect(moved.body.record).toMatchObject({ state: 'done', version: 2 });
  });

  it("judges the parent as it is now: changing the customer's maximum between two events changes the decision", async () => {
    const acme = await create('customer', { name: 'Beta', maxDiscount: 0.1 });
    const quote = await create('quote', { name: 'Wait', discount: 0.2, customer: acme.id });
    expect((await send(quote, 'SUBMIT')).status).toBe(409);
    expect((await api('PATCH', `/customer/${acme.id}`, { maxDiscount: 0.25, version: 1 })).status).toBe(200);
    expect((await send(quote, 'SUBMIT')).status).toBe(200);
  });

  it('reads a roll-up of the record, with the definition’s own message when it has one', async () => {
    const key = await create('customer', { name: 'Key', level: 'key' });
    const quote = await create('quote', { name: 'Big', customer: key.id });
    await create('quoteLine', { name: 'a', quote: quote.id, amount: 6000 });
    const small = await send(quote, 'KEY');
    expect(small.status).toBe(409);
    expect(small.body.reason).toEqual({ en: 'Key accounts only, from 10,000', zh: '仅限重点客户且金额满一万' });
    await create('quoteLine', { name: 'b', quote: quote.id, amount: 4000 });
    expect((await send(quote, 'KEY')).status).toBe(200);
  });

  it('lists the blocked event with its reason and offers it once allowed; plain events stay offered', async () => {
    const acme = await create('customer', { name: 'Gamma', maxDiscount: 0.1 });
    const quote = await create('quote', { name: 'Listed', discount: 0.3, customer: acme.id });
    const all = (await api('GET', `/quote/${quote.id}/transitions?all=1`)).body.data;
    expect(all.find((e: { event: string }) => e.event === 'SUBMIT')).toEqual({
      event: 'SUBMIT',
      target: 'done',
      allowed: false,
      reason: { en: "Condition not met: Discount ≤ Customer's Max discount", zh: '条件不满足：折扣 ≤ 客户的最大折扣' },
    });
    expect(all.find((e: { event: string }) => e.event === 'PLAIN')).toMatchObject({ allowed: true });
    await api('PATCH', `/quote/${quote.id}`, { discount: 0.1, version: 1 });
    const offered = (await api('GET', `/quote/${quote.id}/transitions`)).body.data.map(
      (e: { event: string }) => e.event,
    );
    expect(offered).toContain('SUBMIT');
    expect(offered).not.toContain('SERVICE');
  });
});

describe('literals', () => {
  it('keeps a question mark in a formula text as written (statements are prepared with ? for the id)', async () => {
    const asked = await create('quote', { name: 'why?' });
    const refused = await send(asked, 'ASK');
    expect(refused.status).toBe(409);
    expect(refused.body.reason).toEqual({ en: 'Condition not met: Name ≠ "why?"', zh: '条件不满足：名称 ≠ "why?"' });
    expect((await send(await create('quote', { name: 'why not' }), 'ASK')).status).toBe(200);
  });
});

describe('ME(): the user sending the event', () => {
  it("passes the owner's own event and refuses the other way round, worded as 负责人 and 我", async () => {
    const mine = await create('quote', { name: 'Mine' });
    const refused = await send(mine, 'THEIRS');
    expect(refused.status).toBe(409);
    expect(refused.body.reason).toEqual({ en: 'Condition not met: Owner ≠ me', zh: '条件不满足：负责人 ≠ 我' });
    expect((await send(mine, 'MINE')).status).toBe(200);
  });

  it("counts related records against the sender inside a related guard's where", async () => {
    const quote = await create('quote', { name: 'Lines' });
    await create('quoteLine', { name: 'small', quote: quote.id, amount: 50 });
    expect((await send(quote, 'MY_LINES')).status).toBe(409);
    await create('quoteLine', { name: 'big', quote: quote.id, amount: 500 });
    expect((await send(quote, 'MY_LINES')).status).toBe(200);
  });
});

describe('timers', () => {
  it("take a timer's transition only when its data guard passes", async () => {
    const deep = await create('quote', { name: 'Deep', discount: 0.6 });
    const shallow = await create('quote', { name: 'Shallow', discount: 0.1 });
    for (const quote of [deep, shallow]) expect((await send(quote, 'WAIT')).status).toBe(200);
    const stateOf = async (quote: { id: string }) => (await api('GET', `/quote/${quote.id}`)).body.state;
    const pending = async () =>
      (
        await server.testDb.db
          .knex('lodestar_timers')
          .whereIn('record_id', [deep.id, shallow.id])
          .where({ status: 'pending' })
      ).length;
    const deadline = Date.now() + 15_000;
    while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await pending()).toBe(0);
    expect(await stateOf(deep)).toBe('done');
    expect(await stateOf(shallow)).toBe('waiting');
  }, 30_000);
});

describe('related guards', () => {
  it("needs a line whose product is a service, judged through the line's product", async () => {
    const goods = await create('product', { name: 'Pump', category: 'goods' });
    const service = await create('product', { name: 'Install', category: 'service' });
    const quote = await create('quote', { name: 'Lines' });
    await create('quoteLine', { name: 'pump', quote: quote.id, product: goods.id, amount: 1 });
    const refused = await send(quote, 'SERVICE');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      guard: 'related',
      reason: {
        en: 'At least 1 Quote line where Product\'s Category = "Service" required; there are 0',
        zh: '至少需要 1 条报价明细（产品的类别 = “服务”），现有 0 条',
      },
    });
    // A line of another quote does not count.
    const other = await create('quote', { name: 'Other' });
    await create('quoteLine', { name: 'elsewhere', quote: other.id, product: service.id, amount: 1 });
    expect((await send(quote, 'SERVICE')).status).toBe(409);
    await create('quoteLine', { name: 'install', quote: quote.id, product: service.id, amount: 1 });
    expect((await send(quote, 'SERVICE')).status).toBe(200);
  });

  it('counts lines against min and max', async () => {
    const quote = await create('quote', { name: 'Count' });
    await create('quoteLine', { name: '1', quote: quote.id, amount: 1 });
    const one = await send(quote, 'PAIR');
    expect(one.status).toBe(409);
    expect(one.body.reason).toEqual({
      en: 'Between 2 and 3 Quote line required; there is 1',
      zh: '报价明细需要 2 到 3 条，现有 1 条',
    });
    await create('quoteLine', { name: '2', quote: quote.id, amount: 1 });
    expect((await send(quote, 'PAIR')).status).toBe(200);
  });
});

describe('cost', () => {
  it('reads nothing for events without data guards, and one statement for every data guard of a state', async () => {
    const model = compileModel(definitions(), 1, 'test');
    const entity = model.entities.get('quote')!;
    const target = { model, entity, compiled: boundWorkflow(model, entity, null)!, id: crypto.randomUUID() };
    const untouchable = new Proxy({} as Knex, {
      get() {
        throw new Error('a plain transition must not reach the database');
      },
    });
    expect(await loadGuardFacts(untouchable, target, 'draft', 'PLAIN')).toBeUndefined();
    expect(await loadGuardFacts(untouchable, target, 'done')).toBeUndefined();
    await expect(loadGuardFacts(untouchable, target, 'draft', 'SUBMIT')).rejects.toThrow(/must not reach/);
    const quote = await create('quote', { name: 'Facts', discount: 0.1 });
    const read = await loadGuardFacts(server.testDb.db.knex, { ...target, id: quote.id }, 'draft');
    expect(read?.version).toBe(1);
    // Read with no sender: ME() is blank, so the owner comparisons are blank too (a blank refuses).
    expect([...read!.facts.values()].map((f) => f.value)).toEqual([null, false, 0, 0, true, null, null, 0]);
  });
});

describe('data guard definitions', () => {
  it('are publish-time issues with pointers into the guard params, in both languages', async () => {
    const set = definitions();
    const on = set.workflows[0]!.states.draft!.on as Record<string, { guard: { params: Record<string, unknown> } }>;
    on.SUBMIT!.guard.params.check = 'discount <= customer.cap';
    on.KEY!.guard.params.check = 'lineTotal + 1';
    on.SERVICE!.guard.params.via = 'product';
    on.PAIR!.guard.params.entity = 'invoice';
    const put = await server.request('PUT', '/api/v1/meta/drafts/bad-guards', { definitions: set });
    expect(put.status).toBe(200);
    const issues = put.body.issues as { pointer: string; keyword: string; i18n?: { en: string; zh: string } }[];
    const at = (event: string, member: string) =>
      issues.find((i) => i.pointer === `/states/draft/on/${event}/guard/params/${member}`);
    expect(at('SUBMIT', 'check')).toMatchObject({
      keyword: 'formula',
      i18n: { zh: expect.stringContaining('customer.cap') },
    });
    expect(at('KEY', 'check')).toMatchObject({ keyword: 'formula', i18n: { zh: expect.stringContaining('是/否') } });
    expect(at('SERVICE', 'via')).toMatchObject({
      keyword: 'relatedVia',
      i18n: { en: expect.stringContaining('many-to-one') },
    });
    expect(at('PAIR', 'entity')).toMatchObject({ keyword: 'unknownEntity' });
  });
});
