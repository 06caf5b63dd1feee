import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestResponse, type TestServer } from './support/test-server.js';

/*
 * Every message the engine words for users comes in both languages, naming things by their titles:
 * 403/404/409 problems, filter errors, guard reasons, plan steps and version diffs, the history of a
 * stage a later version removed, and the note of the seeded first version.
 */
let server: TestServer;
const tokens = { sales: '', agent: '' };
const ids = { customer: '', contact: '', deal: '', moved: '' };

const api = (token: string | undefined, method: string, path: string, body?: unknown): Promise<TestResponse> =>
  server.request(method, `/api/v1${path}`, body, token ? { authorization: `Bearer ${token}` } : {});
const ok = async (token: string | undefined, method: string, path: string, body?: unknown) => {
  const response = await api(token, method, path, body);
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body;
};
/** A problem's Chinese text, which must differ from its English one and hold no ASCII word but codes. */
const zhOf = (response: TestResponse): string => {
  expect(response.body.i18n, JSON.stringify(response.body)).toBeDefined();
  expect(response.body.i18n.en).toBe(response.body.detail);
  return response.body.i18n.zh as string;
};

beforeAll(async () => {
  server = await startTestServer();
  const team = (await ok(undefined, 'POST', '/admin/org-units', { name: '华东组' })).id;
  tokens.sales = (
    await server.userToken({ email: 'sales@example.com', roles: ['salesperson'], orgUnitId: team })
  ).token;
  tokens.agent = (
    await server.userToken({ email: 'agent@example.com', roles: ['serviceAgent'], orgUnitId: team })
  ).token;
  ids.customer = (
    await ok(tokens.sales, 'POST', '/records/customer', {
      record_type: 'company',
      name: '星河科技',
      industry: 'manufacturing',
    })
  ).id;
  ids.contact = (await ok(tokens.sales, 'POST', '/records/contact', { name: '周敏', customer: ids.customer })).id;
  ids.deal = (
    await ok(tokens.sales, 'POST', '/records/opportunity', { name: '星河 MES', customer: ids.customer, amount: 100000 })
  ).id;
  ids.moved = (
    await ok(tokens.sales, 'POST', '/records/opportunity', {
      name: '星河二期',
      customer: ids.customer,
      contacts: [ids.contact],
      amount: 5000,
    })
  ).id;
  await ok(tokens.sales, 'POST', `/records/opportunity/${ids.moved}/events`, { type: 'SHOW_INTEREST' });
});

afterAll(async () => {
  await server?.close();
});

describe('problems in both languages', () => {
  it('403: an entity the role cannot read, and the admin-only API, by title', async () => {
    expect(zhOf(await api(tokens.sales, 'GET', '/records/serviceRequest'))).toBe('您的角色无权查看服务工单');
    expect(zhOf(await api(tokens.sales, 'GET', '/meta/versions'))).toBe('仅限系统管理员查看版本、编辑草稿和发布');
  });

  it('404: a record that does not exist or is out of reach', async () => {
    expect(zhOf(await api(tokens.sales, 'GET', '/records/customer/00000000-0000-4000-8000-000000000000'))).toBe(
      '这条客户记录不存在或您无权查看',
    );
  });

  it('400: filter errors name the field by its title, with each issue in both languages', async () => {
    const response = await api(tokens.sales, 'GET', '/records/opportunity?filter[amount][gt]=abc&sort=nope&limit=0');
    expect(response.status).toBe(400);
    const zh = zhOf(response);
    expect(zh).toContain('筛选条件“预计金额”应为数字');
    expect(zh).toContain('商机没有字段“nope”');
    expect(zh).toContain('每页条数至少为 1');
    for (const issue of response.body.issues) expect(issue.i18n?.zh, JSON.stringify(issue)).toBeTruthy();
  });

  it('409: a refused transition carries its reason in both languages', async () => {
    const response = await api(tokens.sales, 'POST', `/records/opportunity/${ids.deal}/events`, {
      type: 'SHOW_INTEREST',
    });
    expect(response.status).toBe(409);
    expect(zhOf(response)).toBe('缺少必填字段：相关联系人');
  });

  it('guard reasons name roles by their title', async () => {
    const request = await ok(tokens.agent, 'POST', '/records/serviceRequest', {
      record_type: 'request',
      title: '设备无法联网',
      category: 'repair',
      customer: ids.customer,
    });
    for (const type of ['ASSIGN', 'START'])
      await ok(tokens.agent, 'POST', `/records/serviceRequest/${request.id}/events`, { type });
    const current = await ok(tokens.agent, 'GET', `/records/serviceRequest/${request.id}`);
    await ok(tokens.agent, 'PATCH', `/records/serviceRequest/${request.id}`, {
      resolution: '已更换网卡',
      version: current.version,
    });
    await ok(tokens.agent, 'POST', `/records/serviceRequest/${request.id}/events`, { type: 'SUBMIT' });
    const forbidden = await api(tokens.agent, 'POST', `/records/serviceRequest/${request.id}/events`, {
      type: 'APPROVE',
    });
    expect(zhOf(forbidden)).toBe('您的角色无权操作这条服务工单记录');
    const refused = await api(undefined, 'POST', `/records/serviceRequest/${request.id}/events`, { type: 'APPROVE' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.reason.zh).toBe('仅限服务主管审批');
    expect(zhOf(refused)).toBe('仅限服务主管审批');
    expect(refused.body.reason.en).toContain('Service manager');
  });
});

describe('plans, versions and history by title', () => {
  it('names the seeded first version in both languages', async () => {
    const versions = (await ok(undefined, 'GET', '/meta/versions')).data;
    expect(versions.at(-1).noteText).toEqual({ en: 'seeded from the definitions folder', zh: '由定义文件夹初始化' });
  });

  it('words plan steps, diff lines and the history of a removed stage by titles', async () => {
    const definitions = (await ok(undefined, 'GET', '/meta/model')).definitions;
    const sales = definitions.workflows.find((w: { id: string }) => w.id === 'opportunity-sales');
    delete sales.states.interestShown;
    delete sales.states.initialContact.on.SHOW_INTEREST;
    const customer = definitions.entities.find((e: { $id: string }) => e.$id === 'customer');
    delete customer.properties.website;
    for (const type of Object.values(customer['x-entity'].recordTypes) as { fields?: string[] }[])
      type.fields = type.fields?.filter((f) => f !== 'website');
    customer['x-entity'].sections = customer['x-entity'].sections?.map((s: { fields?: string[] }) => ({
      ...s,
      fields: s.fields?.filter((f) => f !== 'website'),
    }));
    await ok(undefined, 'PUT', '/meta/drafts/main', { definitions });

    const plan = await ok(undefined, 'POST', '/meta/drafts/main/plan', {
      stateMapping: { 'opportunity-sales': { interestShown: 'meetingDecisionMakers' } },
    });
    const drop = plan.steps.find((s: { kind: string }) => s.kind === 'dropColumn');
    expect(drop.text).toEqual({ en: 'remove the field “Website” from “Customer”', zh: '从「客户」删除字段「网址」' });
    expect(drop.reasonText.zh).toBe('「客户」的「网址」中已保存的值将丢失（0 个已保存的值）');
    const move = plan.steps.find((s: { kind: string }) => s.kind === 'moveState');
    expect(move.text.zh).toBe('删除流程「商机销售流程」的阶段「有意向」，其中的记录移到「接触决策人」');
    expect(move.reasonText.zh).toBe('新版本删除阶段「有意向」，其中的 1 条记录按指定移到「接触决策人」');

    const unconfirmed = await api(undefined, 'POST', '/meta/drafts/main/publish', {
      stateMapping: { 'opportunity-sales': { interestShown: 'meetingDecisionMakers' } },
    });
    expect(unconfirmed.status).toBe(409);
    expect(zhOf(unconfirmed)).toBe(
      '1 个会丢失数据的步骤需要确认：从「客户」删除字段「网址」：「客户」的「网址」中已保存的值将丢失（0 个已保存的值）',
    );
    const published = await api(undefined, 'POST', '/meta/drafts/main/publish', {
      confirmDestructive: true,
      stateMapping: { 'opportunity-sales': { interestShown: 'meetingDecisionMakers' } },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);

    const diff = await ok(undefined, 'GET', '/meta/versions/1/diff/2');
    expect(diff.entities.titles.customer).toEqual({ en: 'Customer', zh: '客户' });
    expect(diff.entities.changed[0].fields.titles.website.zh).toBe('网址');
    expect(diff.workflows.changed[0].states.titles.interestShown.zh).toBe('有意向');
    const between = diff.plan.steps.find((s: { kind: string }) => s.kind === 'dropColumn');
    expect(between.reasonText).toEqual({
      en: 'the values stored in “Website” of “Customer” are lost',
      zh: '「客户」的「网址」中已保存的值将丢失',
    });
    expect(between.reason).not.toMatch(/uncounted/);
    const removed = diff.plan.steps.find((s: { kind: string }) => s.kind === 'moveState');
    expect(`${removed.reasonText.en} ${removed.reasonText.zh}`).not.toMatch(/not counted|\b0\b/);

    const history = (await ok(tokens.sales, 'GET', `/records/opportunity/${ids.moved}/history`)).data;
    const migrated = history.at(-1);
    expect(migrated).toMatchObject({
      from: 'interestShown',
      to: 'meetingDecisionMakers',
      event: 'MIGRATE',
      removed: ['from'],
    });
    expect(migrated.titles).toEqual({
      from: { en: 'Interest shown', zh: '有意向' },
      to: { en: 'Meeting the decision makers', zh: '接触决策人' },
      event: { en: 'Moved when the model was updated', zh: '模型更新时调整阶段' },
    });
    expect(history.at(-2).titles).toMatchObject({
      from: { zh: '初步接触' },
      to: { zh: '有意向' },
      event: { zh: expect.not.stringMatching(/SHOW_INTEREST/) },
    });
  });
});
