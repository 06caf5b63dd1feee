import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * The filter bar of a defined dashboard, in Chinese, in a real Chromium against PostgreSQL: the open pipeline
 * KPI of 销售概览 changes with the period and with whose deals, the choice lives in the URL (a reload keeps it),
 * and the bar fits a 390 px screen. Deals: 1000 and 2500 made today by the administrator, 4000 made 400 days
 * ago by a salesperson.
 */
const { server, sessions } = useBrowserSuite();
let page: Page;

beforeAll(async () => {
  const api = async (path: string, body: unknown) => {
    const res = await server.request('POST', `/api/v1${path}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const customer = await api('/records/customer', {
    record_type: 'company',
    name: '华东精密',
    region: 'eastChina',
    industry: 'manufacturing',
  });
  const seller = await server.userToken({ email: 'li.na@example.com', roles: ['salesperson'] });
  await api('/records/opportunity', { name: 'MES 一期', customer, amount: 1000 });
  await api('/records/opportunity', { name: 'MES 二期', customer, amount: 2500 });
  const old = await api('/records/opportunity', {
    name: '旧产线改造',
    customer,
    amount: 4000,
    owner_id: seller.user.id,
  });
  await server.testDb.db
    .knex('opportunity')
    .where({ id: old })
    .update({ created_at: new Date(Date.now() - 400 * 86_400_000) });
  page = await sessions.open(server.adminToken, 'zh');
});

const pipeline = () => page.getByTestId('chart-sales-overview-open-amount').locator('.kpi-value');
const figure = async () => {
  await page.getByTestId('chart-sales-overview-open-amount').and(page.locator('[data-status="ready"]')).waitFor();
  return pipeline().getAttribute('data-value');
};

describe('the dashboard filter bar', () => {
  it('changes every figure with the period and the owner, and keeps them in the URL', async () => {
    await page.goto('/dashboard?d=sales-overview');
    const bar = page.getByTestId('dashboard-filter-bar');
    const periods = bar.getByRole('radiogroup', { name: '期间' }).getByRole('radio');
    await expect.poll(() => periods.allTextContents()).toEqual(['全部时间', '本月', '本季度', '本年', '自定义']);
    await expect.poll(figure, { timeout: 10_000 }).toBe('7500');

    await bar.getByRole('radio', { name: '本年' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('year');
    await expect.poll(figure, { timeout: 10_000 }).toBe('3500');
    const funnelHint = page.getByTestId('chart-funnel').locator('.chart-card-hint');
    await expect.poll(() => funnelHint.textContent()).toMatch(/^商机销售流程，\d{4}-01-01 至 \d{4}-12-31$/);

    await bar.getByRole('radio', { name: '全部时间' }).click();
    await expect.poll(figure, { timeout: 10_000 }).toBe('7500');
    const owners = bar.getByRole('radiogroup', { name: '负责人' }).getByRole('radio');
    expect(await owners.allTextContents()).toEqual(['全部', '我的']);
    await bar.getByRole('radio', { name: '我的' }).click();
    await expect.poll(figure, { timeout: 10_000 }).toBe('3500');
    expect(new URL(page.url()).searchParams.get('owner')).toBe('me');

    // Custom days: the year before last up to 300 days ago holds only the old deal, whose owner is not me.
    await bar.getByRole('radio', { name: '全部', exact: true }).click();
    await bar.getByRole('radio', { name: '自定义' }).click();
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    await bar.getByLabel('开始日期').fill(day(500));
    await bar.getByLabel('结束日期').fill(day(300));
    await expect.poll(figure, { timeout: 10_000 }).toBe('4000');
    const url = new URL(page.url());
    expect([url.searchParams.get('period'), url.searchParams.get('from'), url.searchParams.get('to')]).toEqual([
      'custom',
      day(500),
      day(300),
    ]);

    await page.reload();
    await expect.poll(figure, { timeout: 10_000 }).toBe('4000');
    expect(await bar.getByRole('radio', { name: '自定义' }).getAttribute('aria-checked')).toBe('true');
    // Another dashboard keeps the bar.
    await page.getByRole('tab', { name: '服务负荷' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('custom');
  });

  it('fits a 390 px screen', async () => {
    page = await sessions.open(server.adminToken, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/dashboard?d=sales-overview&period=month&owner=me');
    await expect.poll(figure, { timeout: 10_000 }).toBe('3500');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const box = (await page.getByTestId('dashboard-filter-bar').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'dashboard-filter-bar-phone');
  });
});
