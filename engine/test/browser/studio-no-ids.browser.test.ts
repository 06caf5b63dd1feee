import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import { draftSaved, screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * Issue 19's "no screen asks for an identifier or JSON", in Chinese: a role created by its title only (its id
 * derived, shown under 高级), a related guard whose 业务对象 and 关联字段 are chosen by title, and a fan-out
 * (createRecords) filled with its sub-form — the rows' object by title, their filter in the rule builder, the
 * limit as a number, both links and a field's formula as selects — published and saved as the definition says;
 * the people table shows 从未登录 for a new user and a relative time once they sign in. Then at 390 px.
 */
const titled = (zh: string, en: string) => ({ title: en, 'x-i18n': { title: { zh, en } } });
const link = (entity: string, zh: string, en: string) => ({
  type: 'string',
  format: 'uuid',
  'x-relation': { entity },
  ...titled(zh, en),
});
const segment = {
  type: 'string',
  enum: ['a', 'b'],
  'x-i18n': {
    title: { zh: '分层', en: 'Segment' },
    enum: { a: { zh: '重点', en: 'Key' }, b: { zh: '普通', en: 'Plain' } },
  },
  title: 'Segment',
};
const definitions = {
  entities: [
    {
      $id: 'customer',
      type: 'object',
      ...titled('客户', 'Customer'),
      'x-entity': { titleField: 'name' },
      properties: { name: { type: 'string', maxLength: 100, ...titled('客户名称', 'Name') }, segment },
      required: ['name'],
    },
    {
      $id: 'survey',
      type: 'object',
      ...titled('调查', 'Survey'),
      'x-entity': { titleField: 'name' },
      properties: { name: { type: 'string', maxLength: 100, ...titled('调查名称', 'Name') }, segment },
      required: ['name'],
    },
    {
      $id: 'response',
      type: 'object',
      ...titled('答卷', 'Response'),
      'x-entity': { titleField: 'note' },
      properties: {
        note: { type: 'string', maxLength: 200, ...titled('备注', 'Note') },
        survey: link('survey', '所属调查', 'Survey'),
        customer: link('customer', '受访客户', 'Customer'),
      },
    },
  ],
  workflows: [
    {
      id: 'survey-flow',
      initial: 'draft',
      meta: { entity: 'survey', title: { zh: '调查发放', en: 'Survey' } },
      states: {
        draft: {
          meta: { title: { zh: '草稿', en: 'Draft' } },
          on: { SEND: { target: 'sent', meta: { title: { zh: '发出', en: 'Send' } } } },
        },
        sent: { type: 'final', meta: { title: { zh: '已发出', en: 'Sent' } } },
      },
    },
  ],
  roles: { roles: { sales: { title: { zh: '销售代表', en: 'Sales rep' }, entities: {} } } },
} as unknown as DefinitionSet;

const { server, sessions } = useBrowserSuite({ ui: ['studio'], server: { definitions } });

const draftSet = async () => (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions;
const optionTexts = (within: Locator, label: string) =>
  within.getByLabel(label, { exact: true }).locator('option').allTextContents();

describe('a studio that asks for no identifier', () => {
  it('creates a role by its title; builds a related guard and a fan-out from choices; publishes', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.setViewportSize({ width: 1366, height: 900 });

    // A role by its title only: the id follows it, under 高级.
    await p.goto('/studio/roles');
    const form = p.getByRole('form', { name: '添加角色' });
    await form.getByLabel('中文名称').fill('区域经理');
    expect(await form.getByLabel('角色标识').isVisible()).toBe(false);
    await form.locator('summary', { hasText: '高级' }).click();
    expect(await form.getByLabel('角色标识').inputValue()).toBe('quYuJingLi');
    await form.getByRole('button', { name: '添加' }).click();
    await draftSaved(p);
    expect((await draftSet()).roles.roles.quYuJingLi.title).toEqual({ zh: '区域经理', en: '区域经理' });

    // The related guard: 业务对象 and 关联字段 by title, only the relations that point at a survey.
    await p.goto('/studio/workflows/survey-flow');
    await p.locator('[data-state="draft"]').click();
    await p.getByRole('complementary', { name: '阶段' }).locator('[data-out-event="SEND"]').click();
    const transition = p.getByRole('complementary', { name: '流转' });
    await transition.getByLabel('条件', { exact: true }).selectOption({ label: '关联记录数量' });
    expect(await transition.getByLabel('关联字段', { exact: true }).locator('option').allTextContents()).toEqual([
      '先选择业务对象',
    ]);
    expect(await optionTexts(transition, '业务对象')).toEqual(['—', '客户', '答卷', '调查']);
    await transition.getByLabel('业务对象', { exact: true }).selectOption({ label: '答卷' });
    expect(await transition.getByLabel('关联字段', { exact: true }).locator('option').allTextContents()).toEqual([
      '—',
      '所属调查',
    ]);
    await transition.getByLabel('关联字段', { exact: true }).selectOption({ label: '所属调查' });
    await transition.getByLabel('至多', { exact: true }).fill('0');

    // The fan-out: one 答卷 per 重点 customer, linked back to the survey and to its customer.
    await transition.getByRole('button', { name: '+ 添加动作' }).click();
    await transition.getByLabel('动作 1', { exact: true }).selectOption({ label: '批量创建记录' });
    expect(await transition.locator('textarea.json-param').count()).toBe(0);
    await transition.getByLabel('动作 1 · 业务对象', { exact: true }).selectOption({ label: '答卷' });
    const forEach = transition.locator('[data-param="forEach"]');
    await forEach.getByLabel('动作 1 · 为每一条 · 业务对象', { exact: true }).selectOption({ label: '客户' });
    const rows = forEach.getByTestId('rule-builder');
    await rows.getByLabel('条件 1 的字段', { exact: true }).selectOption({ label: '分层' });
    await rows.getByLabel('条件 1 的值', { exact: true }).selectOption({ label: '重点' });
    await expect.poll(() => rows.getByTestId('rule-words').textContent()).toBe('条件含义：分层 是 重点');
    await forEach.getByLabel('动作 1 · 为每一条 · 上限', { exact: true }).fill('500');
    expect(await optionTexts(transition, '动作 1 · 关联回当前记录的字段')).toEqual(['—', '所属调查']);
    await transition.getByLabel('动作 1 · 关联回当前记录的字段', { exact: true }).selectOption({ label: '所属调查' });
    expect(await optionTexts(transition, '动作 1 · 关联到来源行的字段')).toEqual(['—', '受访客户']);
    await transition.getByLabel('动作 1 · 关联到来源行的字段', { exact: true }).selectOption({ label: '受访客户' });
    const set = '动作 1 · 设置字段（公式）';
    await transition.getByRole('button', { name: `${set} · 添加字段` }).click();
    await transition.getByLabel(`${set} · 字段 1`, { exact: true }).selectOption({ label: '备注' });
    await transition.getByLabel(`${set} · 公式 1`, { exact: true }).fill('name');
    await draftSaved(p);
    await p.getByTestId('workflow-issues').getByText('引擎没有发现问题。').waitFor();
    await screenshot(p, 'studio-fan-out-form');

    // createRecord: what is copied, the owner and the link back are rows of choices too.
    await transition.getByRole('button', { name: '+ 添加动作' }).click();
    await transition.getByLabel('动作 2', { exact: true }).selectOption({ label: '创建记录' });
    await transition.getByLabel('动作 2 · 业务对象', { exact: true }).selectOption({ label: '答卷' });
    const copy = '动作 2 · 复制字段';
    await transition.getByRole('button', { name: `${copy} · 添加字段` }).click();
    await transition.getByLabel(`${copy} · 新记录字段 1`, { exact: true }).selectOption({ label: '备注' });
    await transition.getByLabel(`${copy} · 取自本记录 1`, { exact: true }).selectOption({ label: '调查名称' });
    await transition.getByLabel('动作 2 · 负责人', { exact: true }).selectOption({ label: '本记录的负责人' });
    await transition.getByLabel('动作 2 · 关联回源记录的字段', { exact: true }).selectOption({ label: '所属调查' });
    await draftSaved(p);
    const drafted = (await draftSet()).workflows.find((w: { id: string }) => w.id === 'survey-flow');
    expect(drafted.states.draft.on.SEND.actions[1]).toEqual({
      type: 'createRecord',
      params: { entity: 'response', copy: { note: 'name' }, owner: 'source', linkBack: 'survey' },
    });
    // Not one param of the two actions is written as JSON.
    expect(await transition.locator('textarea.json-param').count()).toBe(0);
    await transition.getByRole('button', { name: '删除动作 2' }).click();
    await draftSaved(p);

    await p.goto('/studio/publish');
    await p.getByRole('button', { name: '发布', exact: true }).click();
    await p.getByTestId('published').waitFor();
    const model = (await server.request('GET', '/api/v1/meta/model')).body;
    const send = model.definitions.workflows.find((w: { id: string }) => w.id === 'survey-flow').states.draft.on.SEND;
    expect(model.definitions.roles.roles.quYuJingLi.title).toEqual({ zh: '区域经理', en: '区域经理' });
    expect(send.guard).toEqual({ type: 'related', params: { entity: 'response', via: 'survey', max: 0 } });
    expect(send.actions).toEqual([
      {
        type: 'createRecords',
        params: {
          entity: 'response',
          forEach: { entity: 'customer', where: expect.stringContaining('segment'), limit: 500 },
          linkBack: 'survey',
          linkSource: 'customer',
          set: { note: 'name' },
        },
      },
    ]);
  });

  it('shows 从未登录 for a new user and a relative time once they sign in', async () => {
    const created = await server.request('POST', '/api/v1/admin/users', {
      email: 'new@ids.example',
      password: 'a-long-password-1',
      displayName: '新同事',
    });
    expect(created.status).toBe(201);
    const p = await sessions.open(server.adminToken, 'zh');
    await p.setViewportSize({ width: 1366, height: 900 });
    await p.goto('/studio/roles');
    const cell = p.locator('[data-last-login-of="new@ids.example"]');
    await expect.poll(() => cell.textContent()).toBe('从未登录');
    const users = p.getByRole('table', { name: '用户' });
    expect(await users.locator('th').allTextContents()).toContain('最近登录');

    const signIn = await server.request(
      'POST',
      '/api/v1/auth/login',
      { email: 'new@ids.example', password: 'a-long-password-1' },
      { authorization: '' },
    );
    expect(signIn.status).toBe(200);
    const listed = (await server.request('GET', '/api/v1/admin/users')).body.data.find(
      (u: { email: string }) => u.email === 'new@ids.example',
    );
    expect(Date.now() - Date.parse(listed.lastLoginAt)).toBeLessThan(60_000);
    await p.reload();
    await expect.poll(() => cell.textContent()).toBe('刚刚');

    // At 390 px: the people table scrolls inside itself; the new-role form keeps its id under 高级.
    await p.setViewportSize({ width: 390, height: 844 });
    await p.reload();
    await cell.waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const form = p.getByRole('form', { name: '添加角色' });
    await form.getByLabel('英文名称').fill('Regional manager');
    await form.locator('summary', { hasText: '高级' }).click();
    expect(await form.getByLabel('角色标识').inputValue()).toBe('regionalManager');
    const box = await form.getByLabel('角色标识').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(p, 'studio-people-last-login-phone');
  });

  it("derives a new field's and its link attributes' ids from their titles, under 高级", async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.setViewportSize({ width: 1366, height: 900 });
    await p.goto('/studio/entities/survey');
    await p.getByRole('button', { name: '添加字段' }).first().click();
    const dialog = p.getByRole('dialog', { name: '添加字段' });
    await dialog.getByLabel('中文名称', { exact: true }).first().fill('受访客户');
    expect(await dialog.getByLabel('字段标识', { exact: true }).isVisible()).toBe(false);
    await dialog.getByLabel('字段类型', { exact: true }).selectOption({ label: '关联（多对多）' });
    await dialog.getByLabel('关联对象', { exact: true }).selectOption({ label: '客户' });
    const attributes = dialog.getByTestId('link-attributes');
    await attributes.getByRole('button', { name: '+ 添加属性' }).click();
    await attributes.getByLabel('中文名称', { exact: true }).fill('角色');
    await attributes.locator('summary', { hasText: '高级' }).click();
    expect(await attributes.getByLabel('属性标识', { exact: true }).inputValue()).toBe('jueSe');
    await dialog.locator('summary', { hasText: '高级' }).first().click();
    expect(await dialog.getByLabel('字段标识', { exact: true }).inputValue()).toBe('shouFangKeHu');
    await dialog.getByRole('button', { name: '完成' }).click();
    await draftSaved(p);
    const survey = (await draftSet()).entities.find((e: { $id: string }) => e.$id === 'survey');
    expect(survey.properties.shouFangKeHu['x-relation'].attributes).toHaveProperty('jueSe');
  });

  it('ticks a choice field’s options for 属于其中之一 instead of typing a list', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/workflows/survey-flow');
    await p.locator('[data-state="draft"]').click();
    await p.getByRole('complementary', { name: '阶段' }).locator('[data-out-event="SEND"]').click();
    const transition = p.getByRole('complementary', { name: '流转' });
    await transition.getByLabel('条件', { exact: true }).selectOption({ label: '字段比较' });
    await transition.getByLabel('字段', { exact: true }).selectOption({ label: '分层' });
    await transition.getByLabel('比较方式', { exact: true }).selectOption({ label: '属于其中之一' });
    await transition.getByLabel('重点', { exact: true }).check();
    await transition.getByLabel('普通', { exact: true }).check();
    await draftSaved(p);
    const guardOf = async () =>
      (await draftSet()).workflows.find((w: { id: string }) => w.id === 'survey-flow').states.draft.on.SEND.guard;
    expect(await guardOf()).toEqual({
      type: 'fieldCompare',
      params: { field: 'segment', op: 'in', value: ['a', 'b'] },
    });
    await transition.getByLabel('普通', { exact: true }).uncheck();
    await draftSaved(p);
    expect(await guardOf()).toEqual({ type: 'fieldCompare', params: { field: 'segment', op: 'in', value: ['a'] } });
    expect(await transition.locator('textarea.json-param').count()).toBe(0);
  });
});
