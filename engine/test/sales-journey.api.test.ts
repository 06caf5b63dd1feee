import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

// A salesperson's week on the default template, over HTTP: an opportunity moves through the
// classic stages, guards refuse with reasons until the fields are filled, and the reports follow.
let server: TestServer;
const api = (method: string, path: string, body?: unknown) => server.request(method, `/api/v1${path}`, body);
const send = (id: string, type: string) => api('POST', `/records/opportunity/${id}/events`, { type });
const allowed = async (id: string) =>
  ((await api('GET', `/records/opportunity/${id}/transitions`)).body.data as { event: string }[])
    .map((e) => e.event)
    .sort();

let customerId: string;
let contactId: string;

beforeAll(async () => {
  server = await startTestServer();
  customerId = (
    await api('POST', '/records/customer', {
      record_type: 'company',
      name: '杭州云帆科技有限公司',
      industry: 'itServices',
      region: 'eastChina',
    })
  ).body.id;
  contactId = (await api('POST', '/records/contact', { name: '王磊', customer: customerId })).body.id;
});
afterAll(() => server?.close());

async function patch(id: string, values: Record<string, unknown>) {
  const current = (await api('GET', `/records/opportunity/${id}`)).body;
  const response = await api('PATCH', `/records/opportunity/${id}`, { version: current.version, ...values });
  expect(response.status).toBe(200);
}

async function move(id: string, type: string, to: string) {
  const response = await send(id, type);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.record.state).toBe(to);
}

describe('an opportunity through the default sales stages', () => {
  let wonId: string;

  it('starts at initial contact, refuses with reasons, and allows more as fields are filled', async () => {
    const opportunity = (await api('POST', '/records/opportunity', { name: '云帆 ERP 升级', customer: customerId }))
      .body;
    wonId = opportunity.id;
    expect(opportunity.state).toBe('initialContact');
    expect(await allowed(wonId)).toEqual([]);
    const refused = await send(wonId, 'SHOW_INTEREST');
    expect(refused.status).toBe(409);
    // Reasons name the field by its title, in both languages.
    expect(refused.body.reason.en).toBe('required field missing: Contacts');
    expect(refused.body.reason.zh).toBe('缺少必填字段：相关联系人');

    await patch(wonId, { contacts: [contactId] });
    expect(await allowed(wonId)).toEqual(['SHOW_INTEREST']);
    await patch(wonId, { decisionMaker: contactId });
    expect(await allowed(wonId)).toEqual(['MEET_DECISION_MAKERS', 'SHOW_INTEREST']);
  });

  it('moves stage by stage to contract signed, with the demo activity created on the way', async () => {
    await move(wonId, 'SHOW_INTEREST', 'interestShown');
    await move(wonId, 'MEET_DECISION_MAKERS', 'meetingDecisionMakers');
    expect((await send(wonId, 'CONFIRM_NEEDS')).body.reason.zh).toContain('需求描述');
    await patch(wonId, { description: '财务与供应链模块升级，200 用户' });
    await move(wonId, 'CONFIRM_NEEDS', 'needsIdentified');
    await patch(wonId, { amount: 0 });
    expect((await send(wonId, 'PROPOSE')).status).toBe(409);
    await patch(wonId, { amount: 800000 });
    await move(wonId, 'PROPOSE', 'solutionProposed');
    await move(wonId, 'DEMONSTRATE', 'demonstration');
    const activities = (await api('GET', `/records/activity?filter[opportunity]=${wonId}`)).body.data;
    expect(activities).toEqual([expect.objectContaining({ type: 'demo', status: 'planned' })]);
    await patch(wonId, { expectedCloseDate: '2026-12-20' });
    await move(wonId, 'COMMIT', 'verbalCommitment');
    await move(wonId, 'NEGOTIATE', 'contractNegotiation');
    const signed = await send(wonId, 'SIGN');
    expect(signed.body.record).toMatchObject({ state: 'contractSigned', closedAt: expect.any(String) });
    const events = ((await api('GET', `/records/opportunity/${wonId}/history`)).body.data as { event: string }[]).map(
      (row) => row.event,
    );
    expect(events).toEqual([
      'START',
      'SHOW_INTEREST',
      'MEET_DECISION_MAKERS',
      'CONFIRM_NEEDS',
      'PROPOSE',
      'DEMONSTRATE',
      'COMMIT',
      'NEGOTIATE',
      'SIGN',
    ]);
  });

  it('feeds the funnel, forecast and win rate', async () => {
    const lost = (
      await api('POST', '/records/opportunity', { name: '云帆 OA', customer: customerId, lostReason: '预算取消' })
    ).body;
    await move(lost.id, 'LOSE', 'lost');
    const open = (
      await api('POST', '/records/opportunity', {
        name: '云帆 CRM',
        customer: customerId,
        contacts: [contactId],
        decisionMaker: contactId,
        description: '销售团队 50 人',
        amount: 100000,
        expectedCloseDate: '2027-03-15',
      })
    ).body;
    await move(open.id, 'MEET_DECISION_MAKERS', 'meetingDecisionMakers');
    await move(open.id, 'CONFIRM_NEEDS', 'needsIdentified');
    await move(open.id, 'PROPOSE', 'solutionProposed');

    const funnel = (await api('GET', '/reports/opportunity-sales/funnel')).body;
    const count = (state: string) => funnel.stages.find((s: { state: string }) => s.state === state);
    expect(count('initialContact')).toMatchObject({ count: 3, amount: 900000 });
    expect(count('interestShown')).toMatchObject({ count: 1 }); // the open one skipped it: only the won deal entered it
    expect(count('solutionProposed')).toMatchObject({ count: 2, amount: 900000 });
    expect(count('demonstration')).toMatchObject({ count: 1, amount: 800000 });
    expect(count('contractSigned')).toMatchObject({ count: 1, amount: 800000 });
    expect(funnel.lost).toEqual([expect.objectContaining({ state: 'lost', count: 1 })]);

    const forecast = (await api('GET', '/reports/opportunity-sales/forecast')).body;
    expect(forecast.months).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ month: '2027-03', open: { count: 1, amount: 100000, weightedAmount: 50000 } }),
      ]),
    );
    expect(forecast.totals.won).toEqual({ count: 1, amount: 800000 });

    const winRate = (await api('GET', '/reports/opportunity-sales/win-rate')).body;
    expect(winRate).toMatchObject({ decided: 2, winRate: 0.5 });
  });
});
