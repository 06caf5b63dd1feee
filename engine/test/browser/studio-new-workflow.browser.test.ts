import { expect, it } from 'vitest';
import { draftSaved, screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * An admin creates a workflow without inventing an id: a Chinese title, the object and record type it runs
 * on, its first stage; a second stage and a transition by their titles. The ids derived from the titles
 * (pinyin) appear only under 高级. Copying one and removing the copy go through an in-app dialog naming it.
 */
const { server, sessions } = useBrowserSuite({ ui: ['studio'] });

const draftWorkflow = async (id: string) =>
  (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions.workflows.find(
    (w: { id: string }) => w.id === id,
  );

it('creates a workflow for an object with a Chinese title, its ids derived and shown only under Advanced', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.setViewportSize({ width: 1366, height: 900 });
  await p.goto('/studio/workflows');
  await p.getByRole('button', { name: '新建流程' }).click();
  const dialog = p.getByRole('dialog', { name: '新建流程' });
  await dialog.getByLabel('流程名称（中文）', { exact: true }).fill('政府客户审批');
  await dialog.getByLabel('业务对象', { exact: true }).selectOption('customer');
  await dialog.getByLabel('记录类型（可选）', { exact: true }).selectOption('government');
  await dialog.getByLabel('第一个阶段', { exact: true }).fill('待审批');
  // The ids are there, but only under Advanced.
  expect(await dialog.getByLabel('流程标识', { exact: true }).isVisible()).toBe(false);
  await dialog.getByText('高级', { exact: true }).click();
  expect(await dialog.getByLabel('流程标识', { exact: true }).inputValue()).toBe('zheng-fu-ke-hu-shen-pi');
  expect(await dialog.getByLabel('阶段标识', { exact: true }).inputValue()).toBe('daiShenPi');
  await dialog.getByRole('button', { name: '创建' }).click();

  await p.waitForURL(/\/workflows\/zheng-fu-ke-hu-shen-pi$/);
  await p.getByRole('heading', { name: '政府客户审批' }).waitFor();
  await p.locator('[data-state="daiShenPi"]').getByText('待审批').waitFor();

  // A second stage and a transition, by their titles only.
  await p.getByRole('button', { name: '添加阶段' }).click();
  const stageDialog = p.getByRole('dialog', { name: '添加阶段' });
  await stageDialog.getByLabel('中文名称', { exact: true }).fill('已通过');
  expect(await stageDialog.getByLabel('阶段标识', { exact: true }).isVisible()).toBe(false);
  await stageDialog.getByRole('button', { name: '完成' }).click();
  await p.locator('[data-state="yiTongGuo"]').waitFor();
  await p.getByRole('complementary', { name: '阶段' }).locator('.wf-panel-head .icon-button').click();
  await p.getByRole('button', { name: '添加流转' }).click();
  const transitionDialog = p.getByRole('dialog', { name: '添加流转' });
  await transitionDialog.getByLabel('从', { exact: true }).selectOption('daiShenPi');
  await transitionDialog.getByLabel('到', { exact: true }).selectOption('yiTongGuo');
  await transitionDialog.getByLabel('中文名称', { exact: true }).fill('通过');
  expect(await transitionDialog.getByLabel('事件标识', { exact: true }).isVisible()).toBe(false);
  expect(await transitionDialog.getByLabel('事件标识', { exact: true }).inputValue()).toBe('TONG_GUO');
  await transitionDialog.getByRole('button', { name: '完成' }).click();
  // No id shows on the page outside the Advanced disclosures.
  const visible = await p.locator('main').innerText();
  for (const id of ['zheng-fu-ke-hu-shen-pi', 'daiShenPi', 'yiTongGuo', 'TONG_GUO']) expect(visible).not.toContain(id);
  await screenshot(p, 'studio-new-workflow');
  await draftSaved(p);
  expect(await draftWorkflow('zheng-fu-ke-hu-shen-pi')).toMatchObject({
    initial: 'daiShenPi',
    meta: { title: { zh: '政府客户审批' }, entity: 'customer', recordType: 'government' },
    states: {
      daiShenPi: { meta: { title: { zh: '待审批' } }, on: { TONG_GUO: { target: 'yiTongGuo' } } },
      yiTongGuo: { meta: { title: { zh: '已通过' } } },
    },
  });

  // Renaming the stage's title keeps its id; its id changes only under Advanced.
  await p.locator('[data-state="daiShenPi"]').click();
  const stage = p.getByRole('complementary', { name: '阶段' });
  await stage.getByLabel('中文名称', { exact: true }).fill('待经理审批');
  await p.locator('[data-state="daiShenPi"]').getByText('待经理审批').waitFor();
});

it('copies a workflow and removes the copy through a dialog naming it, at 390 px', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.setViewportSize({ width: 390, height: 800 });
  await p.goto('/studio/workflows');
  await p.locator('tr[data-workflow="zheng-fu-ke-hu-shen-pi"]').getByRole('button', { name: '复制' }).click();
  await p.getByRole('heading', { name: '政府客户审批（副本）' }).waitFor();
  await draftSaved(p);
  await p.getByRole('link', { name: '全部流程' }).click();
  const copy = p.locator('tr', { hasText: '政府客户审批（副本）' });
  await copy.getByRole('button', { name: '删除' }).click();
  const confirm = p.getByRole('dialog', { name: '删除流程“政府客户审批（副本）”？' });
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect.poll(() => copy.count()).toBe(0);
  expect(await p.locator('tr[data-workflow="zheng-fu-ke-hu-shen-pi"]').count()).toBe(1);
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await draftSaved(p);
  const workflows = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions.workflows as {
    id: string;
  }[];
  expect(workflows.filter((w) => w.id.startsWith('zheng-fu-ke-hu-shen-pi')).map((w) => w.id)).toEqual([
    'zheng-fu-ke-hu-shen-pi',
  ]);
});
