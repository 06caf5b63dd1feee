import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../src/definitions/definition-set.js';
import type { WorkflowDefinition } from '../src/definitions/workflow.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/*
 * Defects a new user found (issue 12), over HTTP against PostgreSQL: the funnel counting stages a record
 * never entered, template names in Chinese, and the studio's draft answered with a 404 while none exists.
 */
const DEAL = {
  $id: 'deal',
  title: 'Deal',
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: { name: { type: 'string', maxLength: 200 }, amount: { type: 'number' } },
  required: ['name'],
};
/** lead → (qualified) → proposal → (approval, optional) → won; any open stage → lost. */
const SALES: WorkflowDefinition = {
  id: 'sales',
  initial: 'lead',
  meta: { entity: 'deal', amountField: 'amount' },
  states: {
    lead: {
      meta: { title: { zh: '线索', en: 'Lead' } },
      on: { QUALIFY: 'qualified', PROPOSE: 'proposal', LOSE: 'lost' },
    },
    qualified: { meta: { title: { zh: '已确认', en: 'Qualified' } }, on: { PROPOSE: 'proposal', LOSE: 'lost' } },
    proposal: {
      meta: { title: { zh: '方案', en: 'Proposal' } },
      on: { WIN: 'won', ASK_APPROVAL: 'approval', LOSE: 'lost' },
    },
    approval: { meta: { title: { zh: '特价审批', en: 'Discount approval' } }, on: { GRANT: 'won', LOSE: 'lost' } },
    won: { type: 'final', meta: { title: { zh: '赢单', en: 'Won' }, outcome: 'won' } },
    lost: { type: 'final', meta: { title: { zh: '输单', en: 'Lost' }, outcome: 'lost' } },
  },
};

let server: TestServer;
const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  server.request(method, `/api/v1${path}`, body, headers);

beforeAll(async () => {
  server = await startTestServer({ definitions: { entities: [DEAL], workflows: [SALES] } as unknown as DefinitionSet });
});
afterAll(async () => {
  await server?.close();
});

async function deal(name: string, amount: number, events: string[]): Promise<string> {
  const created = await api('POST', '/records/deal', { name, amount });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  for (const type of events) {
    const sent = await api('POST', `/records/deal/${created.body.id}/events`, { type });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  }
  return created.body.id;
}

/** [state, count, amount] per funnel stage. */
const funnel = async () => {
  const response = await api('GET', '/reports/sales/funnel');
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return {
    stages: response.body.stages.map((s: { state: string; count: number; amount: number }) => [
      s.state,
      s.count,
      s.amount,
    ]),
    body: response.body,
  };
};

describe('the funnel counts only stages a record entered', () => {
  it('leaves out a stage a won deal skipped, and an optional approval it never needed', async () => {
    await deal('straight to proposal', 100, ['PROPOSE', 'WIN']);
    await deal('by the book', 200, ['QUALIFY', 'PROPOSE', 'ASK_APPROVAL', 'GRANT']);
    await deal('qualified, then lost', 50, ['QUALIFY', 'LOSE']);
    const { stages, body } = await funnel();
    expect(stages).toEqual([
      ['lead', 3, 350],
      ['qualified', 2, 250],
      ['proposal', 2, 300],
      ['approval', 1, 200],
      ['won', 2, 300],
    ]);
    expect(body.lost).toEqual([expect.objectContaining({ state: 'lost', count: 1, amount: 50 })]);
    expect(body.total).toEqual({ count: 3, amount: 350 });
  });

  it('does not count won deals in a stage added after they were won, and follows a renamed stage to its history', async () => {
    const current = (await api('GET', '/meta/model')).body.definitions as DefinitionSet;
    const next = structuredClone(current);
    const sales = next.workflows.find((w) => w.id === 'sales')!;
    const { qualified, ...rest } = sales.states;
    sales.states = {
      lead: { ...rest.lead!, on: { QUALIFY: 'vetted', PROPOSE: 'proposal', LOSE: 'lost' } },
      vetted: { ...qualified!, meta: { ...qualified!.meta, renamedFrom: 'qualified' } },
      proposal: rest.proposal!,
      approval: { ...rest.approval!, on: { GRANT: 'contract', LOSE: 'lost' } },
      contract: { meta: { title: { zh: '合同审核', en: 'Contract review' } }, on: { SIGN: 'won', LOSE: 'lost' } },
      won: rest.won!,
      lost: rest.lost!,
    };
    expect((await api('PUT', '/meta/drafts/next', { definitions: next })).body.issues).toEqual([]);
    const published = await api('POST', '/meta/drafts/next/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const { stages } = await funnel();
    expect(stages).toEqual([
      ['lead', 3, 350],
      ['vetted', 2, 250],
      ['proposal', 2, 300],
      ['approval', 1, 200],
      ['contract', 0, 0],
      ['won', 2, 300],
    ]);
  });
});

describe('templates named as people name them', () => {
  it('exports with a Chinese name and version "1.0", and installs the export as the same template', async () => {
    const exported = await api('GET', `/meta/template?name=${encodeURIComponent('华东制造业CRM')}&version=1.0`);
    expect(exported.status, JSON.stringify(exported.body)).toBe(200);
    expect(exported.body.manifest).toMatchObject({ name: '华东制造业CRM', version: '1.0' });
    const dry = await api('POST', '/meta/template/install', { ...exported.body, dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ status: 'unchanged', template: { name: '华东制造业CRM', version: '1.0' } });
  });

  it('refuses an unusable name and version with every problem listed, in both languages', async () => {
    const refused = await api('GET', `/meta/template?name=${encodeURIComponent('第一行\n第二行')}&version=latest`);
    expect(refused.status).toBe(422);
    expect(refused.body.i18n).toEqual({
      en: '2 problems in the template name or version',
      zh: '模板名称或版本有 2 个问题',
    });
    expect(refused.body.issues).toEqual([
      expect.objectContaining({
        file: 'template.json',
        pointer: '/name',
        keyword: 'name',
        i18n: { en: expect.any(String), zh: expect.stringContaining('名称') },
      }),
      expect.objectContaining({
        file: 'template.json',
        pointer: '/version',
        keyword: 'version',
        i18n: { en: expect.any(String), zh: expect.stringContaining('1.0') },
      }),
    ]);
  });
});

describe('the studio draft', () => {
  it('answers "none yet" with an empty list instead of a 404, then the draft once saved', async () => {
    const none = await api('GET', '/meta/drafts?id=studio');
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ data: [] });
    const definitions = (await api('GET', '/meta/model')).body.definitions;
    expect((await api('PUT', '/meta/drafts/studio', { definitions })).status).toBe(200);
    const one = await api('GET', '/meta/drafts?id=studio');
    expect(one.body.data).toEqual([expect.objectContaining({ id: 'studio', base_version: 2, definitions })]);
    expect((await api('GET', '/meta/drafts')).body.data.map((d: { id: string }) => d.id)).toEqual(['studio']);
    expect((await api('GET', '/meta/drafts?id=a&id=b')).status).toBe(400);
    const clerk = await server.userToken({ email: 'clerk@example.com', roles: [] });
    expect(
      (await api('GET', '/meta/drafts?id=studio', undefined, { authorization: `Bearer ${clerk.token}` })).status,
    ).toBe(403);
  });
});
