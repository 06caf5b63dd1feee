import { expect, it } from 'vitest';
import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import { draftSaved, screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * The workflow designer edits timers without ISO durations or JSON: an admin adds a timed transition
 * "到期日后 1 天 09:00 → 已逾期" to an open payment and a two-business-day SLA to the overdue stage, sees the
 * timer drawn on the graph in words, publishes, and the published definition holds the engine's spelling.
 */
const definitions = {
  entities: [
    {
      $id: 'payment',
      title: 'Payment',
      type: 'object',
      'x-i18n': { title: { zh: '回款', en: 'Payment' } },
      'x-entity': { titleField: 'title' },
      properties: {
        title: { type: 'string', maxLength: 100 },
        dueDate: { type: 'string', format: 'date', 'x-i18n': { title: { zh: '到期日', en: 'Due date' } } },
      },
      required: ['title'],
    },
  ],
  workflows: [
    {
      id: 'payment-collection',
      initial: 'open',
      meta: { entity: 'payment', title: { zh: '回款跟进', en: 'Payment collection' } },
      states: {
        open: { meta: { title: { zh: '待收款', en: 'Open' } }, on: { PAY: 'paid' } },
        overdue: { meta: { title: { zh: '已逾期', en: 'Overdue' } }, on: { PAY: 'paid' } },
        paid: { type: 'final', meta: { title: { zh: '已收款', en: 'Paid' } } },
      },
    },
  ],
} as unknown as DefinitionSet;

const { server, sessions } = useBrowserSuite({ ui: ['studio'], server: { definitions } });

const published = async () =>
  (await server.request('GET', '/api/v1/meta/model')).body.definitions.workflows.find(
    (w: { id: string }) => w.id === 'payment-collection',
  );

it('adds a timer relative to a date and an SLA in business days, and publishes the engine’s spelling', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.setViewportSize({ width: 1366, height: 900 });
  await p.goto('/studio/workflows/payment-collection');
  await p.locator('[data-state="open"]').click();
  const stage = p.getByRole('complementary', { name: '阶段' });
  const timed = stage.getByRole('region', { name: '定时流转' });
  await timed.getByRole('button', { name: '添加定时流转' }).click();
  const timer = timed.locator('[data-timer="0"]');
  await timer.getByLabel('触发时间', { exact: true }).selectOption('after');
  await timer.getByLabel('日期字段', { exact: true }).selectOption('dueDate');
  await timer.getByLabel('时长', { exact: true }).fill('1');
  await timer.getByLabel('时长：单位', { exact: true }).selectOption('days');
  await timer.getByLabel('时刻（可选）', { exact: true }).fill('09:00');
  await timer.getByLabel('进入阶段', { exact: true }).selectOption('overdue');
  await expect.poll(() => timer.getByTestId('timer-words').textContent()).toBe('⏱ 到期日后 1 天 09:00 → 已逾期');
  // On the graph: a dashed edge whose label says when it fires, not the key the engine reads.
  await expect.poll(() => p.locator('.wf-edge-label.is-timer').textContent()).toBe('⏱ 到期日后 1 天 09:00');
  expect(await p.getByText('after dueDate').count()).toBe(0);

  await stage.locator('.wf-panel-head .icon-button').click();
  await p.locator('[data-state="overdue"]').click();
  await stage.getByLabel('服务时限（SLA）', { exact: true }).fill('2');
  await stage.getByLabel('服务时限（SLA）：单位', { exact: true }).selectOption('businessDays');
  // An SLA may count business days or the calendar's working hours; its owner is warned 3 working hours before.
  expect(await stage.getByLabel('服务时限（SLA）：单位', { exact: true }).locator('option').allTextContents()).toEqual([
    '分钟',
    '小时',
    '天',
    '工作日',
    '工作小时',
  ]);
  await stage.getByLabel('超时前提醒', { exact: true }).fill('3');
  await stage.getByLabel('超时前提醒：单位', { exact: true }).selectOption('businessHours');
  await stage.getByLabel('停滞提醒：单位', { exact: true }).waitFor();
  // Stuck-after is ISO 8601 only in the engine: business days are not offered for it.
  expect(await stage.getByLabel('停滞提醒：单位', { exact: true }).locator('option').allTextContents()).toEqual([
    '分钟',
    '小时',
    '天',
  ]);
  await draftSaved(p);
  await screenshot(p, 'studio-timers');

  await p.goto('/studio/publish');
  await p.getByRole('button', { name: '发布', exact: true }).click();
  await p.getByTestId('published').waitFor();
  const workflow = await published();
  expect(workflow.states.open.after).toEqual({ 'after dueDate P1D 09:00': { target: 'overdue' } });
  expect(workflow.states.overdue.meta.sla).toBe('2 business days');
  expect(workflow.states.overdue.meta.slaWarnAt).toBe('3 business hours');

  // Read back at 390 px: the stored keys show as words and numbers, and the page fits the phone.
  await p.setViewportSize({ width: 390, height: 800 });
  await p.goto('/studio/workflows/payment-collection');
  await p.locator('[data-state="overdue"]').click();
  expect(await stage.getByLabel('服务时限（SLA）', { exact: true }).inputValue()).toBe('2');
  expect(await stage.getByLabel('服务时限（SLA）：单位', { exact: true }).inputValue()).toBe('businessDays');
  await stage.locator('.wf-panel-head .icon-button').click();
  await p.locator('[data-state="open"]').click();
  expect(await stage.locator('[data-timer="0"]').getByTestId('timer-words').textContent()).toBe(
    '⏱ 到期日后 1 天 09:00 → 已逾期',
  );
  expect(await stage.locator('[data-timer="0"]').getByLabel('时长', { exact: true }).inputValue()).toBe('1');
  await stage.locator('[data-timer="0"]').scrollIntoViewIfNeeded();
  await screenshot(p, 'studio-timers-phone');
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

it('adds an automatic transition with a guard shown by its Chinese title', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.goto('/studio/workflows/payment-collection');
  await p.locator('[data-state="open"]').click();
  const stage = p.getByRole('complementary', { name: '阶段' });
  const automatic = stage.getByRole('region', { name: '自动流转' });
  await automatic.getByRole('button', { name: '添加自动流转' }).click();
  const first = automatic.locator('[data-automatic="0"]');
  const guard = first.getByLabel('条件', { exact: true });
  expect(await guard.locator('option[value="actorHasRole"]').textContent()).toBe('限定角色');
  await guard.selectOption('requireFields');
  await first.getByText('所列字段都已填写才能流转。').waitFor();
  await first.getByLabel('进入阶段', { exact: true }).selectOption('paid');
  await expect.poll(() => p.locator('.wf-edge-label.is-timer').allTextContents()).toContain('⚡ 自动 · 必填字段');
  await draftSaved(p);
  const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions.workflows.find(
    (w: { id: string }) => w.id === 'payment-collection',
  );
  expect(draft.states.open.always).toMatchObject({ target: 'paid', guard: { type: 'requireFields' } });
});

it('changes a published stage’s id under Advanced, keeping its records by renamedFrom', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.goto('/studio/workflows/payment-collection');
  await p.locator('[data-state="overdue"]').click();
  const stage = p.getByRole('complementary', { name: '阶段' });
  await stage.getByText('高级', { exact: true }).click();
  await stage.getByLabel('阶段标识', { exact: true }).fill('yiYuQi');
  await stage.getByRole('button', { name: '修改标识' }).click();
  await p.locator('[data-state="yiYuQi"]').waitFor();
  await draftSaved(p);
  const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions.workflows.find(
    (w: { id: string }) => w.id === 'payment-collection',
  );
  expect(draft.states.yiYuQi.meta).toMatchObject({
    title: { zh: '已逾期' },
    renamedFrom: 'overdue',
    sla: '2 business days',
  });
  expect(draft.states.open.after).toEqual({ 'after dueDate P1D 09:00': { target: 'yiYuQi' } });
  // The panel says which id the stage was published under.
  await stage.getByText('高级', { exact: true }).click();
  await stage.getByText('已发布的标识为 overdue').waitFor();
});
