import { expect, it } from 'vitest';
import { draftSaved, useBrowserSuite } from '../support/browser.js';
import { scheduleSet } from '../support/schedule-definitions.js';

/*
 * The studio's Schedules page lists the published schedules with their next run; "立即运行" queues a run
 * whose progress and counts show in the run log until it finishes; the page fits a phone. The workflow
 * designer edits a schedule into the draft.
 */
const { server, sessions } = useBrowserSuite({ ui: ['studio'], server: { definitions: scheduleSet() } });

async function customerPaying(name: string, amount: number) {
  const created = await server.request('POST', '/api/v1/records/customer', { name });
  expect(created.status).toBe(201);
  const paid = await server.request('POST', '/api/v1/records/payment', {
    label: 'p',
    amount,
    paidOn: '2026-01-02',
    customer: created.body.id,
  });
  expect(paid.status).toBe(201);
}

it('runs a schedule now and shows its run finish in the log, in Chinese and at 390 px', async () => {
  await customerPaying('大客户', 1500);
  await customerPaying('小客户', 50);
  const p = await sessions.open(server.adminToken, 'zh');
  await p.goto('/studio/');
  await p.getByRole('navigation').getByRole('link', { name: '定时任务' }).click();
  const card = p.locator('[data-schedule="customer-life/rfm"]');
  await expect.poll(() => card.getByRole('heading').textContent()).toBe('重算 RFM');
  expect(await card.getByTestId('next-run').textContent()).toMatch(/\d/);
  expect(await card.textContent()).toContain('尚未运行');

  await card.getByRole('button', { name: '立即运行' }).click();
  const log = p.getByRole('table', { name: '运行记录' });
  const row = log.locator('tr[data-run]').first();
  await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('succeeded');
  expect(await row.textContent()).toContain('已完成');
  expect(await row.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2');
  expect(await row.textContent()).toContain('2 / 2 条');
  await expect.poll(() => card.textContent()).toContain('已完成');
  const big = (await server.request('GET', '/api/v1/records/customer?limit=10')).body.data.find(
    (c: { name: string }) => c.name === '大客户',
  );
  expect(big.rfmClass).toBe('A');

  await p.setViewportSize({ width: 390, height: 800 });
  await p.reload();
  await expect.poll(() => card.getByRole('button', { name: '立即运行' }).isVisible()).toBe(true);
  // Only the run log's table scrolls sideways, inside its panel; the page itself fits.
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

it('edits a schedule in the workflow designer into the draft', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.goto('/studio/workflows/customer-life');
  const panel = p.getByRole('region', { name: '定时任务' });
  const rfm = panel.locator('[data-schedule="rfm"]');
  // When it runs is said as 每天 at a time, not as cron's five fields.
  expect(await rfm.getByLabel('执行频率').inputValue()).toBe('day');
  expect(await rfm.getByLabel('时间', { exact: true }).inputValue()).toBe('02:00');
  expect(await rfm.getByLabel('执行时间（cron）').count()).toBe(0);
  await rfm.getByLabel('时间', { exact: true }).fill('01:30');
  await draftSaved(p);
  const draft = (await server.request('GET', '/api/v1/meta/drafts?id=studio')).body;
  const definitions = (draft.data?.[0] ?? draft).definitions;
  const workflow = definitions.workflows.find((w: { id: string }) => w.id === 'customer-life');
  expect(workflow.meta.schedules[0]).toMatchObject({ id: 'rfm', cron: '30 1 * * *' });
  // 每周 keeps the time; 自定义 offers the raw cron, and an impossible one is the engine's issue, in Chinese.
  await rfm.getByLabel('执行频率').selectOption({ label: '每周' });
  await rfm.getByLabel('星期').selectOption({ label: '星期五' });
  await draftSaved(p);
  const weekly = (await server.request('GET', '/api/v1/meta/drafts?id=studio')).body;
  expect(
    (weekly.data?.[0] ?? weekly).definitions.workflows.find((w: { id: string }) => w.id === 'customer-life').meta
      .schedules[0].cron,
  ).toBe('30 1 * * 5');
  await rfm.getByLabel('执行频率').selectOption({ label: '自定义（高级）' });
  await rfm.getByLabel('执行时间（cron）').fill('99 1 * * *');
  await expect.poll(() => rfm.getByTestId('schedule-issues').textContent()).toContain('定时表达式无法识别');
});
