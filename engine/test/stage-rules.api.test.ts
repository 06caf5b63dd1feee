import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import { FIXTURES } from './support/paths.js';
import { startTestServer, type TestServer } from './support/test-server.js';

// Field rules by stage (workflow state `meta.fields` / `meta.lock`) over HTTP against PostgreSQL:
// quote-approval has approved (discount read-only and required), won (cost hidden, locked except
// notes) and lost (reason required, locked).
let server: TestServer;
const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1/records${path}`, body);

async function quoteIn(state: 'draft' | 'approved' | 'won' | 'lost', values: Record<string, unknown> = {}) {
  const created = await api('POST', '/quote', {
    name: `Q ${state}`,
    amount: 1000,
    discount: 0.2,
    cost: 600,
    ...values,
  });
  expect(created.status).toBe(201);
  if (state === 'draft') return created.body;
  expect((await api('POST', `/quote/${created.body.id}/events`, { type: 'SUBMIT' })).status).toBe(200);
  if (state === 'won')
    expect((await api('POST', `/quote/${created.body.id}/events`, { type: 'WIN' })).status).toBe(200);
  if (state === 'lost') {
    const patched = await api('PATCH', `/quote/${created.body.id}`, { lossReason: '预算取消', version: 2 });
    expect(patched.status).toBe(200);
    expect((await api('POST', `/quote/${created.body.id}/events`, { type: 'LOSE' })).status).toBe(200);
  }
  return (await api('GET', `/quote/${created.body.id}`)).body;
}

beforeAll(async () => {
  server = await startTestServer({ definitionsDir: join(FIXTURES, 'stage-rules') });
});
afterAll(async () => {
  await server?.close();
});

describe('writes', () => {
  it('refuses changing a field read-only in the stage with 422 naming field and stage in both languages', async () => {
    const quote = await quoteIn('approved');
    const res = await api('PATCH', `/quote/${quote.id}`, { discount: 0.35, version: quote.version });
    expect(res.status).toBe(422);
    expect(res.body.issues).toEqual([
      expect.objectContaining({
        pointer: '/discount',
        keyword: 'stageReadOnly',
        i18n: { en: 'Discount cannot be changed in stage "Approved"', zh: '折扣在“已审批”阶段不可修改' },
      }),
    ]);
    expect((await api('GET', `/quote/${quote.id}`)).body.discount).toBe(0.2);
    // Other fields of the stage stay editable.
    expect((await api('PATCH', `/quote/${quote.id}`, { amount: 1200, version: quote.version })).status).toBe(200);
  });

  it('refuses every field of a locked record except the listed ones', async () => {
    const quote = await quoteIn('won');
    const res = await api('PATCH', `/quote/${quote.id}`, { amount: 1, name: 'x', version: quote.version });
    expect(res.status).toBe(422);
    expect(res.body.issues.map((i: { pointer: string; keyword: string }) => [i.pointer, i.keyword])).toEqual([
      ['/amount', 'stageLocked'],
      ['/name', 'stageLocked'],
    ]);
    expect(res.body.issues[0].i18n.zh).toBe('记录在“已赢单”阶段已锁定，金额不可修改');
    const notes = await api('PATCH', `/quote/${quote.id}`, { notes: '客户要求开专票', version: quote.version });
    expect(notes.status).toBe(200);
    expect(notes.body.notes).toBe('客户要求开专票');
  });

  it('refuses clearing a field the stage requires, and lock: true locks every field', async () => {
    const approved = await quoteIn('approved');
    const cleared = await api('PATCH', `/quote/${approved.id}`, { discount: null, version: approved.version });
    expect(cleared.status).toBe(422);
    expect(cleared.body.issues[0]).toMatchObject({ pointer: '/discount' });
    const lost = await quoteIn('lost');
    const notes = await api('PATCH', `/quote/${lost.id}`, { notes: 'x', version: lost.version });
    expect(notes.status).toBe(422);
    expect(notes.body.issues[0]).toMatchObject({ pointer: '/notes', keyword: 'stageLocked' });
  });

  it('refuses entering a stage while a field it requires is blank, with a guard-like reason naming the field', async () => {
    const quote = (await api('POST', '/quote', { name: 'Q no discount', amount: 10 })).body;
    const refused = await api('POST', `/quote/${quote.id}/events`, { type: 'SUBMIT' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      reason: { en: 'Discount is required in stage "Approved"', zh: '折扣在“已审批”阶段为必填项' },
      guard: 'stageRequired',
    });
    const listed = await api('GET', `/quote/${quote.id}/transitions?all=1`);
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        event: 'SUBMIT',
        allowed: false,
        reason: { en: 'Discount is required in stage "Approved"', zh: '折扣在“已审批”阶段为必填项' },
      }),
    ]);
    expect((await api('GET', `/quote/${quote.id}`)).body.state).toBe('draft');
    expect((await api('PATCH', `/quote/${quote.id}`, { discount: 0.1, version: quote.version })).status).toBe(200);
    expect((await api('POST', `/quote/${quote.id}/events`, { type: 'SUBMIT' })).status).toBe(200);
  });

  it('lets the workflow’s own actions set a field the target stage locks', async () => {
    const quote = await quoteIn('won');
    expect(quote.closedAt).toEqual(expect.any(String));
    const res = await api('PATCH', `/quote/${quote.id}`, { closedAt: null, version: quote.version });
    expect(res.status).toBe(422);
    expect(res.body.issues[0]).toMatchObject({ pointer: '/closedAt', keyword: 'stageLocked' });
  });
});

describe('hidden fields', () => {
  it('leaves fields the stage hides out of GET, the list, the event answer and the export', async () => {
    const won = await quoteIn('won', { name: 'Hidden cost', costNote: '渠道返点 8%' });
    const draft = await quoteIn('draft', { name: 'Visible cost', costNote: '渠道返点 5%' });
    expect(won).not.toHaveProperty('cost');
    expect(won).not.toHaveProperty('costNote');
    expect(draft).toMatchObject({ cost: 600, costNote: '渠道返点 5%' });
    const list = (await api('GET', '/quote?limit=500')).body.data as Record<string, unknown>[];
    expect(list.find((q) => q.id === won.id)).not.toHaveProperty('cost');
    expect(list.find((q) => q.id === draft.id)).toHaveProperty('cost', 600);
    const picked = (await api('GET', '/quote?fields=name,cost&limit=500')).body.data as Record<string, unknown>[];
    expect(picked.find((q) => q.id === won.id)).toEqual({ id: won.id, name: 'Hidden cost' });
    expect(picked.find((q) => q.id === draft.id)).toEqual({ id: draft.id, name: 'Visible cost', cost: 600 });
    const single = (await api('GET', `/quote/${won.id}?fields=cost`)).body;
    expect(single).toEqual({ id: won.id });
    const csv = await server.request('GET', '/api/v1/records/quote/export?format=raw&fields=name,cost,costNote');
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text).toContain('渠道返点 5%');
    expect(text).not.toContain('渠道返点 8%');
  });

  it('refuses filtering, sorting and grouping on a field some stage hides, and does not search it', async () => {
    await quoteIn('won', { name: 'Searchless', costNote: 'secret-margin' });
    for (const query of ['filter[cost][gt]=0', 'filter[costNote][contains]=secret', 'sort=-cost']) {
      const res = await api('GET', `/quote?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.issues[0].keyword).toBe('stageHidden');
    }
    expect((await api('GET', '/quote/groups?by=state&sum=cost')).status).toBe(400);
    expect((await api('GET', '/quote/export?filter[cost][gt]=0')).status).toBe(400);
    expect((await api('GET', '/quote?q=secret-margin')).body.data).toEqual([]);
  });

  it('leaves changes to fields the stage hides out of the record’s audit trail', async () => {
    const won = await quoteIn('won', { costNote: '底价 480' });
    const draft = await quoteIn('draft', { costNote: '底价 500' });
    const changes = async (id: string) =>
      ((await api('GET', `/quote/${id}/audit`)).body.data as { changes: Record<string, unknown> }[]).map(
        (row) => row.changes,
      );
    const wonChanges = await changes(won.id);
    expect(wonChanges.length).toBeGreaterThan(0);
    for (const change of wonChanges) expect(Object.keys(change)).not.toEqual(expect.arrayContaining(['cost']));
    expect(JSON.stringify(wonChanges)).not.toContain('底价');
    expect(JSON.stringify(await changes(draft.id))).toContain('底价 500');
  });

  it('refuses writing a field the stage hides', async () => {
    const quote = await quoteIn('won');
    const res = await api('PATCH', `/quote/${quote.id}`, { cost: 1, version: quote.version });
    expect(res.status).toBe(422);
    expect(res.body.issues[0]).toMatchObject({ pointer: '/cost', keyword: 'stageHidden' });
  });
});

describe('with role field permissions', () => {
  it('binds other roles too, and does not name a field their roles hide in the stage rules they are shown', async () => {
    const { token } = await server.userToken({ email: 'sales@example.com', roles: ['sales'] });
    const as = (method: string, path: string, body?: unknown) =>
      server.request(method, `/api/v1${path}`, body, { authorization: `Bearer ${token}` });
    const quote = await quoteIn('approved');
    const raised = await as('PATCH', `/records/quote/${quote.id}`, { discount: 0.35, version: quote.version });
    expect(raised.status).toBe(422);
    expect(raised.body.issues[0]).toMatchObject({ pointer: '/discount', keyword: 'stageReadOnly' });
    const model = (await as('GET', '/meta/model')).body;
    const won = model.definitions.workflows.find((w: { id: string }) => w.id === 'quote-approval').states.won;
    expect(won.meta.fields.hidden).toEqual(['costNote']);
    expect(won.meta.lock).toEqual({ except: ['notes'] });
  });
});

describe('the OpenAPI document', () => {
  it('states the field rules of each stage on create and change', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json')).body;
    const patch = doc.paths['/records/quote/{id}'].patch.description as string;
    expect(patch).toContain('`quote-approval` stage `approved`: read-only `discount` (`stageReadOnly`)');
    expect(patch).toContain('stage `won`: locked except `notes` (`stageLocked`)');
    expect(doc.paths['/records/quote'].post.description).toContain('hidden `cost`, `costNote`');
  });
});

describe('publishing', () => {
  async function draftIssues(edit: (set: DefinitionSet) => void) {
    const set = structuredClone((await server.request('GET', '/api/v1/meta/model')).body.definitions) as DefinitionSet;
    edit(set);
    const put = await server.request('PUT', '/api/v1/meta/drafts/main', { definitions: set });
    expect(put.status).toBe(200);
    return put.body.issues as { pointer: string; keyword: string; i18n: { zh: string } }[];
  }
  const workflow = (set: DefinitionSet) => set.workflows.find((w) => w.id === 'quote-approval')!;

  it('names a rule on a field the new version removes, and contradictory rules, with pointers', async () => {
    const issues = await draftIssues((set) => {
      delete set.entities.find((e) => e.$id === 'quote')!.properties.cost;
      workflow(set).states.lost!.meta!.fields!.hidden = ['lossReason', 'name'];
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/states/won/meta/fields/hidden/0', keyword: 'unknownField' }),
        expect.objectContaining({ pointer: '/states/lost/meta/fields/hidden/0', keyword: 'stageConflict' }),
        expect.objectContaining({ pointer: '/states/lost/meta/fields/hidden/1', keyword: 'stageHiddenExposed' }),
      ]),
    );
    for (const issue of issues) expect(issue.i18n.zh).toMatch(/[\u4e00-\u9fa5]/);
    await server.request('DELETE', '/api/v1/meta/drafts/main');
  });

  it('says in the plan that the records of a removed stage lose its field rules', async () => {
    const issues = await draftIssues((set) => {
      delete workflow(set).states.won;
      delete workflow(set).states.approved!.on!.WIN;
    });
    expect(issues).toEqual([]);
    const planned = await server.request('POST', '/api/v1/meta/drafts/main/plan', {});
    expect(planned.status).toBe(200);
    const step = planned.body.steps.find((s: { kind: string; state: string }) => s.kind === 'moveState');
    expect(step).toMatchObject({ state: 'won', rows: expect.any(Number) });
    expect(step.rows).toBeGreaterThan(0);
    expect(step.reasonText.en).toContain(
      'its field rules (locked, read-only, hidden or required fields) no longer apply',
    );
    expect(step.reasonText.zh).toContain('该阶段的字段规则（锁定、只读、隐藏、必填）将不再约束这些记录');
    await server.request('DELETE', '/api/v1/meta/drafts/main');
  });
});
