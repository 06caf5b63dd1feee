import { beforeAll, describe, expect, it } from 'vitest';
import { fireNextTimer } from '../../src/runtime/fire-timer.js';
import { screenshot, useBrowserSuite } from '../support/browser.js';
import { apiOf, currentStage, standardWithAddon } from '../support/template-journey.js';

/*
 * The service add-on's main journey in Chromium, in Chinese: a complaint under a priority contract is escalated
 * at 18:00 on the next business day and the customer service manager opens it from the bell on a 390 px phone;
 * the agent enters the resolution and submits it; the service manager approves it in My day; on the return
 * visit that follows, a score of 2 opens a follow-up complaint.
 */
const definitions = standardWithAddon('service');

const { server, sessions } = useBrowserSuite({ server: { definitionsDir: definitions } });
const tokens = { zheng: '', zhou: '', wu: '' };
let complaint = '';

const api = apiOf(server);

beforeAll(async () => {
  await api('POST', '/meta/templates/shipped/service/install', {});
  const centre = (await api('POST', '/admin/org-units', { name: '客服中心' })).id;
  const user = async (key: keyof typeof tokens, displayName: string, roles: string[], managerId: string | null) => {
    const made = await server.userToken({
      email: `${key}@example.com`,
      displayName,
      roles,
      orgUnitId: centre,
      managerId,
    });
    tokens[key] = made.token;
    return made.user.id;
  };
  const zheng = await user('zheng', '郑经理', ['customerServiceManager'], null);
  const zhou = await user('zhou', '周主管', ['serviceManager'], zheng);
  await user('wu', '吴客服', ['serviceAgent'], zhou);
  const customer = (
    await api('POST', '/records/customer', {
      record_type: 'company',
      name: '杭州精工机械有限公司',
      industry: 'manufacturing',
    })
  ).id;
  const contract = (
    await api(
      'POST',
      '/records/serviceContract',
      {
        record_type: 'maintenance',
        title: '2027 年度维保（金牌）',
        customer,
        responseLevel: 'priority',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        amount: 120000,
      },
      tokens.zheng,
    )
  ).id;
  complaint = (
    await api(
      'POST',
      '/records/serviceRequest',
      {
        record_type: 'complaint',
        title: '加工中心反复报警停机',
        category: 'complaint',
        customer,
        serviceContract: contract,
        receivedAt: '2027-03-05T07:00:00.000Z',
        description: '客户来电投诉：设备每天报警停机两三次',
      },
      tokens.wu,
    )
  ).id;
  await api('POST', `/records/serviceRequest/${complaint}/events`, { type: 'ASSIGN' }, tokens.zhou);
  // Monday 8 March 2027, 18:00 in Shanghai: the priority deadline.
  const model = server.engine.ctx.models.current();
  while ((await fireNextTimer(server.testDb.db.knex, model, new Date('2027-03-08T10:00:00Z'))).kind !== 'none');
});

describe('a complaint in the browser', () => {
  it('the customer service manager opens the escalated complaint from the bell on a phone', async () => {
    const page = await sessions.open(tokens.zheng, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByRole('button', { name: '通知（1 条未读）' }).click();
    const panel = page.getByRole('dialog', { name: '通知' });
    await panel.getByRole('link', { name: /投诉超时已升级：加工中心反复报警停机/ }).click();
    await page.waitForURL(new RegExp(`/records/serviceRequest/${complaint}$`));
    await page.getByRole('heading', { name: '加工中心反复报警停机' }).waitFor();
    await expect.poll(() => currentStage(page)).toBe('已升级');
    const view = page.getByTestId('record-view');
    expect(await view.locator('[data-field="priorityResponse"] dd').textContent()).toBe('是');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'service-complaint-escalated-390');
  });

  it('the agent submits the resolution and the service manager approves it in My day', async () => {
    const agent = await sessions.open(tokens.wu, 'zh');
    await agent.goto(`/records/serviceRequest/${complaint}`);
    await agent.getByRole('button', { name: '编辑', exact: true }).click();
    await agent.getByLabel('原因分析', { exact: true }).fill('冷却器滤网堵塞，液压油温过高');
    await agent.getByLabel('处理结果', { exact: true }).fill('上门清洗滤网并更换液压油，试机 4 小时无报警');
    await agent.getByRole('button', { name: '保存', exact: true }).click();
    const resolve = agent.getByTestId('event-bar').getByRole('button', { name: '提交处理结果' });
    await expect.poll(() => resolve.isEnabled()).toBe(true);
    await resolve.click();
    await expect.poll(() => currentStage(agent)).toBe('待审核');

    const manager = await sessions.open(tokens.zhou, 'zh');
    await manager.goto('/my-day');
    const row = manager.getByTestId('myday-approvals').locator(`[data-record-id="${complaint}"]`);
    expect(await row.textContent()).toContain('服务主管审核');
    await row.getByRole('button', { name: '同意' }).click();
    await row.getByRole('button', { name: '确认同意' }).click();
    await expect.poll(() => row.getByRole('status').textContent()).toBe('已同意');
    const after = await api('GET', `/records/serviceRequest/${complaint}`, undefined, tokens.zhou);
    expect(after.state).toBe('resolved');
    expect(after.returnVisit).toBeTruthy();
  });

  it('a return visit scored 2 opens a follow-up complaint', async () => {
    const visit = (await api('GET', `/records/serviceRequest/${complaint}`, undefined, tokens.zhou)).returnVisit;
    const page = await sessions.open(tokens.zhou, 'zh');
    await page.goto(`/records/returnVisit/${visit}`);
    await expect.poll(() => currentStage(page)).toBe('待回访');
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await page.getByLabel('满意度', { exact: true }).fill('2');
    await page.getByLabel('客户意见', { exact: true }).fill('维修后第二天又报警了');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const record = page.getByTestId('event-bar').getByRole('button', { name: '录入回访结果' });
    await expect.poll(() => record.isEnabled()).toBe(true);
    await record.click();
    await expect.poll(() => currentStage(page)).toBe('不满意，已转跟进');
    const followUp = (await api('GET', `/records/returnVisit/${visit}`, undefined, tokens.zhou)).followUp;
    expect(await api('GET', `/records/serviceRequest/${followUp}`, undefined, tokens.zhou)).toMatchObject({
      state: 'received',
      description: '维修后第二天又报警了',
      sourceVisit: visit,
    });
    await screenshot(page, 'service-return-visit-follow-up');
  });
});
