import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * The dashboards the standard CRM defines, in a real Chromium against PostgreSQL: the chooser beside the
 * generated overview, switching dashboards (the choice in the URL), charts drawn from real figures, a KPI,
 * and the same at phone width (one column, nothing wider than the screen).
 */
const { server, sessions } = useBrowserSuite();
let page: Page;

beforeAll(async () => {
  const api = async (path: string, body: unknown) => {
    const res = await server.request('POST', `/api/v1${path}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const east = await api('/records/customer', {
    record_type: 'company',
    name: '华东精密',
    region: 'eastChina',
    industry: 'manufacturing',
  });
  const north = await api('/records/customer', {
    record_type: 'company',
    name: '北方零售',
    region: 'northChina',
    industry: 'retail',
  });
  await api('/records/opportunity', { name: 'MES 一期', customer: east, amount: 1000 });
  await api('/records/opportunity', { name: 'MES 二期', customer: east, amount: 2500 });
  await api('/records/opportunity', { name: '门店系统', customer: north, amount: 4000 });
  for (const priority of ['urgent', 'urgent', 'low'])
    await api('/records/serviceRequest', {
      record_type: 'request',
      title: `设备报修（${priority}）`,
      customer: east,
      category: 'repair',
      priority,
    });
  page = await sessions.open(server.adminToken, 'zh');
});

const card = (name: string): Locator => page.getByTestId(`chart-${name}`);

/** A card has its figures and a drawn chart: an svg with shapes in it. */
async function drawn(name: string): Promise<void> {
  await expect.poll(() => card(name).getAttribute('data-status'), { timeout: 10_000 }).toBe('ready');
  await expect.poll(() => card(name).locator('.echart svg path').count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

describe('/dashboard', () => {
  it('offers the overview and the defined dashboards, and switches between them', async () => {
    await page.goto('/dashboard');
    const tabs = page.getByRole('tablist', { name: '选择仪表盘' }).getByRole('tab');
    await tabs.last().waitFor();
    await expect.poll(() => tabs.allTextContents(), { timeout: 10_000 }).toEqual(['概览', '销售概览', '服务负荷']);
    expect(await tabs.first().getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('chart-funnel').waitFor(); // the generated overview

    await page.getByRole('tab', { name: '销售概览' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('d')).toBe('sales-overview');
    await drawn('sales-overview-by-region');
    const regions = card('sales-overview-by-region');
    expect(await regions.locator('tr[data-key="eastChina"]').getAttribute('data-value')).toBe('3500');
    expect(await regions.locator('tr[data-key="northChina"]').getAttribute('data-value')).toBe('4000');
    expect(await regions.locator('tr[data-key="eastChina"] th').textContent()).toBe('华东');
    await drawn('sales-overview-by-industry');
    const pipeline = card('sales-overview-open-amount').locator('.kpi-value');
    await expect.poll(() => pipeline.getAttribute('data-value'), { timeout: 10_000 }).toBe('7500');
    await drawn('funnel');
    // A report in a defined dashboard covers all time, and says so.
    expect(await card('funnel').locator('.chart-card-hint').textContent()).toBe('商机销售流程，全部时间');
    await screenshot(page, 'dashboard-defined');

    await page.getByRole('tab', { name: '服务负荷' }).click();
    await drawn('service-load-by-month');
    await drawn('service-load-open-by-priority');
    expect(await card('service-load-open-count').locator('.kpi-value').textContent()).toBe('3');
    expect(await card('sales-overview-by-region').count()).toBe(0);

    await page.goBack();
    await drawn('sales-overview-by-region');
  });

  it('shows the English titles to an English reader', async () => {
    const english = await sessions.open(server.adminToken, 'en');
    await english.goto('/dashboard?d=service-load');
    await english.getByRole('tab', { name: 'Service load', selected: true }).waitFor();
    await english.getByRole('heading', { name: 'New requests per month' }).waitFor();
    page = english;
  });

  it('lays a dashboard out in one column at phone width, charts drawn', async () => {
    page = await sessions.open(server.adminToken, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/dashboard?d=sales-overview');
    await drawn('sales-overview-by-region');
    await drawn('sales-overview-by-industry');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const boxes = await Promise.all(
      ['sales-overview-open-amount', 'sales-overview-won-count'].map(async (name) => (await card(name).boundingBox())!),
    );
    // One column: the cards are stacked, each within the screen.
    expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height - 1);
    for (const box of boxes) expect(box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'dashboard-defined-phone');
  });
});
