import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from '../support/browser.js';
import { apiOf, currentStage, standardWithAddon } from '../support/template-journey.js';

/*
 * The marketing add-on's main journey in Chromium, in Chinese: the administrator installs it from the studio's
 * 模板库 after reading its plan; the marketing manager approves a trade show's budget in My day; the specialist
 * qualifies a lead the rules scored 80 from its record page; the manager hands it to sales; the salesperson opens
 * it from the bell on a 390 px phone and converts it into a customer and an opportunity that keeps the campaign.
 */
const definitions = standardWithAddon('marketing');

const { server, sessions } = useBrowserSuite({
  ui: ['runtime-ui', 'studio'],
  server: { definitionsDir: definitions },
});
const tokens = { qian: '', zhou: '', wang: '' };
let campaign = '';
let lead = '';

const api = apiOf(server);

/** Presses a workflow button on the record page once the page offers it. */
async function press(page: Page, name: string) {
  const button = page.getByTestId('event-bar').getByRole('button', { name });
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
}

beforeAll(async () => {
  const unit = async (name: string) => (await api('POST', '/admin/org-units', { name })).id as string;
  const marketing = await unit('市场部');
  const sales = await unit('华东销售一部');
  const user = async (key: keyof typeof tokens, displayName: string, roles: string[], orgUnitId: string) => {
    const made = await server.userToken({ email: `${key}@example.com`, displayName, roles, orgUnitId });
    tokens[key] = made.token;
  };
  await user('qian', '钱经理', ['marketingManager'], marketing);
  await user('zhou', '周专员', ['marketing'], marketing);
  await user('wang', '王销售', ['salesperson'], sales);
});

/** The campaign and lead of the journey, entered over HTTP once the add-on is installed. */
async function seed() {
  campaign = (
    await api(
      'POST',
      '/records/campaign',
      {
        name: '2026 上海工业博览会',
        campaignType: 'event',
        targetSegment: 'importantValue',
        budget: 80000,
        startDate: '2026-09-20',
        endDate: '2026-09-24',
      },
      tokens.zhou,
    )
  ).id;
  await api('POST', `/records/campaign/${campaign}/events`, { type: 'SUBMIT' }, tokens.zhou);
  lead = (
    await api(
      'POST',
      '/records/lead',
      {
        company: '苏州精工机械有限公司',
        contactName: '陈总',
        mobile: '13912345678',
        industry: 'manufacturing',
        source: 'exhibition',
        campaign,
        budget: 300000,
        timeframe: 'within3Months',
        isDecisionMaker: true,
      },
      tokens.zhou,
    )
  ).id;
}

describe('marketing in the browser', () => {
  it('the administrator installs it from the studio’s 模板库 after reading its plan', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto('/studio/templates');
    const card = page.getByTestId('template-marketing');
    await expect.poll(() => card.textContent()).toContain('市场营销');
    const text = (await card.textContent())!;
    expect(text).toContain('附加模板');
    expect(text).toContain('未安装');
    expect(text).toContain('RFM 客户分层和 ABC（80/20）客户分类');
    await card.getByRole('button', { name: '安装', exact: true }).click();
    const plan = card.getByTestId('gallery-plan');
    await plan.waitFor();
    expect(await plan.textContent()).toContain('marketing@1.1.0 的迁移计划');
    expect(await plan.textContent()).toContain('营销活动');
    await plan.getByRole('button', { name: '确认安装' }).click();
    await expect.poll(() => card.getByTestId('gallery-installed').textContent()).toContain('已安装');
    await seed();
  });

  it('the marketing manager approves the campaign budget in My day', async () => {
    const page = await sessions.open(tokens.qian, 'zh');
    await page.goto('/my-day');
    const row = page.getByTestId('myday-approvals').locator(`[data-record-id="${campaign}"]`);
    expect(await row.textContent()).toContain('2026 上海工业博览会');
    await row.getByRole('button', { name: '同意' }).click();
    await row.getByRole('button', { name: '确认同意' }).click();
    await expect.poll(() => row.getByRole('status').textContent()).toBe('已同意');
    expect((await api('GET', `/records/campaign/${campaign}`, undefined, tokens.zhou)).state).toBe('approved');
  });

  it('the specialist qualifies the lead the rules scored 80, and the manager hands it to sales', async () => {
    const page = await sessions.open(tokens.zhou, 'zh');
    await page.goto(`/records/lead/${lead}`);
    await page.getByRole('heading', { name: '苏州精工机械有限公司' }).waitFor();
    const view = page.getByTestId('record-view');
    expect(await view.locator('[data-field="score"] dd').textContent()).toBe('80');
    expect(await view.locator('[data-field="grade"] dd').textContent()).toBe('A');
    await expect.poll(() => currentStage(page)).toBe('新线索');
    await press(page, '确认有效');
    await expect.poll(() => currentStage(page)).toBe('有效线索');
    // Handing leads out is not the specialist's: the button is disabled, with the reason beside it.
    const assign = page.getByTestId('event-bar').getByRole('button', { name: '分配给销售' });
    expect(await assign.isDisabled()).toBe(true);
    expect(await page.getByTestId('blocked-reason-ASSIGN').textContent()).not.toBe('');

    const manager = await sessions.open(tokens.qian, 'zh');
    await manager.goto(`/records/lead/${lead}`);
    await press(manager, '分配给销售');
    await expect.poll(() => currentStage(manager)).toBe('已分配');
  });

  it('the salesperson opens the lead from the bell on a phone and converts it', async () => {
    const page = await sessions.open(tokens.wang, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByRole('button', { name: '通知（1 条未读）' }).click();
    const panel = page.getByRole('dialog', { name: '通知' });
    await panel.getByRole('link', { name: /新分配的线索：苏州精工机械有限公司/ }).click();
    await page.waitForURL(new RegExp(`/records/lead/${lead}$`));
    await press(page, '转化为客户和商机');
    await expect.poll(() => currentStage(page)).toBe('已转化');
    const view = page.getByTestId('record-view');
    await expect
      .poll(() => view.locator('[data-field="convertedCustomer"] dd').textContent())
      .toContain('苏州精工机械有限公司');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'marketing-lead-converted-390');
    const converted = await api('GET', `/records/lead/${lead}`, undefined, tokens.wang);
    expect(
      await api('GET', `/records/opportunity/${converted.convertedOpportunity}`, undefined, tokens.wang),
    ).toMatchObject({ campaign, amount: 300000, customer: converted.convertedCustomer });
  });
});
