import { expect, it } from 'vitest';
import { draftSaved, useBrowserSuite } from '../support/browser.js';

/*
 * A widget's filter in the studio is edited with the rule builder, not typed as JSON: a shipped filter opens
 * as rows (服务负荷's open requests: 阶段 is one of five stages), rows written on a new chart land in the
 * draft as the list conditions the engine reads, and an any-of group, which lists cannot say, is not saved.
 */
const { server, sessions } = useBrowserSuite({ ui: ['studio'] });

it('edits a widget filter with the rule builder', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.goto('/studio/');
  await p.getByRole('navigation').getByRole('link', { name: '仪表盘' }).click();
  await p.locator('[data-dashboard-item="service-load"]').click();
  const editor = p.locator('[data-dashboard="service-load"]');
  const open = editor.locator('[data-widget="open-count"]');
  expect(await open.getByLabel('条件 1 的字段').inputValue()).toBe('state');
  expect(await open.getByLabel('条件 1 的运算').inputValue()).toBe('in');

  await editor.getByRole('button', { name: '添加统计图表' }).click();
  const widget = editor.locator('[data-widget="chart-1"]');
  await widget.getByLabel('对象').selectOption('serviceRequest');
  await widget.getByLabel('中文标题').fill('紧急工单');
  await widget.getByLabel('英文标题').fill('Urgent requests');
  await widget.getByLabel('条件 1 的字段').selectOption('priority');
  await widget.getByLabel('条件 1 的值').selectOption('urgent');
  await draftSaved(p);
  const saved = async () =>
    (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions.dashboards
      .find((d: { id: string }) => d.id === 'service-load')
      .widgets.at(-1).filter;
  await expect.poll(saved, { timeout: 10_000 }).toEqual({ priority: { eq: 'urgent' } });

  await widget.getByRole('button', { name: /^\+ 添加条件$/ }).click();
  await widget.getByLabel('条件 2 的字段').selectOption('channel');
  await widget.getByLabel('条件 2 的值').selectOption('hotline');
  await expect.poll(saved, { timeout: 10_000 }).toEqual({ priority: { eq: 'urgent' }, channel: { eq: 'hotline' } });

  // "Any of" has no list form: the builder says so and the saved filter stays.
  await widget.getByLabel('匹配方式').selectOption('any');
  await expect.poll(() => widget.textContent()).toContain('组件筛选只能是“全部满足”的简单条件');
  await draftSaved(p);
  expect(await saved()).toEqual({ priority: { eq: 'urgent' }, channel: { eq: 'hotline' } });
});
