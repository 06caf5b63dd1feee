import { expect, it } from 'vitest';
import { draftSaved, screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * The studio's Dashboards page over the standard CRM: the shipped dashboards listed, a chart added to one and
 * edited with the form, the engine's issue shown beside the widget while the chart does not fit its grouping
 * and gone once it does, and the edit in the saved draft.
 */
const { server, sessions } = useBrowserSuite({ ui: ['studio'] });

it('lists the dashboards and edits a widget into the draft, with the engine judging it live', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.goto('/studio/');
  await p.getByRole('navigation').getByRole('link', { name: '仪表盘' }).click();
  const items = p.locator('[data-dashboard-item]');
  await items.last().waitFor();
  await expect
    .poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-dashboard-item'))))
    .toEqual(['sales-overview', 'service-load']);
  await p.locator('[data-dashboard-item="service-load"]').click();
  const editor = p.locator('[data-dashboard="service-load"]');
  expect(await editor.getByLabel('中文标题').first().inputValue()).toBe('服务负荷');

  await editor.getByRole('button', { name: '添加统计图表' }).click();
  const widget = editor.locator('[data-widget="chart-1"]');
  await widget.getByLabel('对象').selectOption('serviceRequest');
  await widget.getByLabel('中文标题').fill('各渠道工单');
  await widget.getByLabel('英文标题').fill('Requests by channel');
  await widget.getByLabel('分组').selectOption('channel');
  // A number with a grouping does not fit: the engine says so beside the widget.
  const notes = widget.getByTestId('widget-issues');
  await expect.poll(() => notes.textContent(), { timeout: 10_000 }).toContain('数字卡片只显示一个数');
  await widget.getByLabel('图形').selectOption('pie');
  await expect.poll(() => notes.count(), { timeout: 10_000 }).toBe(0);
  await draftSaved(p);
  await widget.scrollIntoViewIfNeeded();
  await screenshot(p, 'studio-dashboards');

  const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions;
  const saved = draft.dashboards.find((d: { id: string }) => d.id === 'service-load').widgets.at(-1);
  expect(saved).toEqual({
    id: 'chart-1',
    kind: 'aggregate',
    title: { zh: '各渠道工单', en: 'Requests by channel' },
    entity: 'serviceRequest',
    measure: { fn: 'count' },
    groupBy: 'channel',
    chart: 'pie',
  });

  await p.setViewportSize({ width: 390, height: 800 });
  await expect.poll(() => widget.getByLabel('图形').isVisible()).toBe(true);
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
