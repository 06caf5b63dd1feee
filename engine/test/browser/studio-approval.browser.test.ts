import { expect, it } from 'vitest';
import { draftSaved, useBrowserSuite } from '../support/browser.js';
import { APPROVAL_DEFINITIONS } from '../support/approval-definitions.js';

/*
 * The studio's stage panel edits approval steps with a small form: the quote flow's pending stage shows its
 * two steps in sequence; a threshold built in the rule builder and a step added reach the draft, and a threshold
 * that is not yes/no shows the builder's verdict and the engine's issue under its step. At 390 px the panel fits the phone.
 */
const { server, sessions } = useBrowserSuite({
  ui: ['runtime-ui', 'studio'],
  server: { definitions: APPROVAL_DEFINITIONS },
});

const draftQuoteFlow = async () => {
  const draft = (await server.request('GET', '/api/v1/meta/drafts?id=studio')).body;
  const definitions = (draft.data?.[0] ?? draft).definitions;
  return definitions.workflows.find((w: { id: string }) => w.id === 'quote-approval');
};

it('edits a stage’s approval steps into the draft', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.goto('/studio/workflows');
  await p.locator('tr[data-workflow="quote-approval"]').getByRole('link', { name: '报价审批' }).click();
  await p.locator('[data-state="pending"]').click();
  const stage = p.getByRole('complementary', { name: '阶段' });
  expect(await stage.getByLabel('通过条件').inputValue()).toBe('all');
  expect(await stage.getByLabel('审批顺序').inputValue()).toBe('sequence');
  expect(await stage.getByLabel('第 1 步 · 审批人').inputValue()).toBe('ownerManager');
  expect(await stage.getByLabel('第 2 步 · 角色').inputValue()).toBe('salesDirector');

  // The threshold is built from a row of the rule builder: field, operator, value.
  const director = stage.locator('[data-approval-step="director"]');
  await director.getByLabel('条件 1 的字段', { exact: true }).selectOption('discount');
  await director.getByLabel('条件 1 的运算', { exact: true }).selectOption({ label: '>' });
  await director.getByLabel('条件 1 的值', { exact: true }).fill('0.25');
  await stage.getByRole('button', { name: '+ 添加步骤' }).click();
  await stage.getByLabel('第 3 步 · 审批人').selectOption('role');
  await stage.getByLabel('第 3 步 · 角色').selectOption('finance');
  await stage.getByLabel('第 3 步 · 中文名称').fill('财务复核');
  await stage.getByLabel('审批顺序').selectOption('parallel');
  await draftSaved(p);
  const approval = (await draftQuoteFlow()).states.pending.meta.approval;
  expect(approval).toMatchObject({
    mode: 'all',
    order: 'parallel',
    steps: [
      { id: 'manager', approver: { ownerManager: true } },
      { id: 'director', approver: { role: 'salesDirector' }, when: 'discount > 0.25' },
      { id: 'step3', approver: { role: 'finance' }, title: { zh: '财务复核' } },
    ],
  });

  const third = stage.locator('[data-approval-step="step3"]');
  await third.getByRole('button', { name: '公式', exact: true }).click();
  await third.getByLabel('完整公式', { exact: true }).fill('total * 2');
  await expect
    .poll(() => third.getByTestId('rule-verdict').textContent())
    .toContain('条件的结果应为“是/否”，而这里是数字');
  await draftSaved(p);
  await expect
    .poll(() => stage.locator('[data-approval-step="step3"] .issue-notes').textContent(), { timeout: 15_000 })
    .toContain('是/否');

  await p.setViewportSize({ width: 390, height: 844 });
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
