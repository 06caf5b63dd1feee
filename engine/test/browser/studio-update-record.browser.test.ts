import { describe, expect, it } from 'vitest';
import { draftSaved, useBrowserSuite } from '../support/browser.js';

/*
 * The workflow designer edits updateRecord's params with a form, on a phone: the relation path chosen by title
 * and `set` as rows of a field chosen by title and its formula (not JSON); sendEvent's target path and event
 * by title too. Real Chromium against PostgreSQL with the default template.
 */
const { server, sessions } = useBrowserSuite({ ui: ['studio'] });

describe('updateRecord and sendEvent in the workflow designer', () => {
  it('takes a path and field → formula rows at 390 px and saves them as the action params', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto('/studio/workflows/opportunity-sales');
    await p.locator('[data-state="needsIdentified"]').click();
    await p.getByRole('complementary', { name: '阶段' }).locator('[data-out-event="PROPOSE"]').click();
    const transition = p.getByRole('complementary', { name: '流转' });
    await transition.getByRole('button', { name: '+ 添加动作' }).click();
    await transition.getByLabel('动作 1', { exact: true }).selectOption({ label: '更新关联记录' });
    const set = '动作 1 · 设置字段（公式）';
    // No field to choose until the path says which record is updated.
    await transition.getByRole('button', { name: `${set} · 添加字段` }).click();
    expect(await transition.getByLabel(`${set} · 字段 1`, { exact: true }).locator('option').allTextContents()).toEqual(
      ['—'],
    );
    await transition.getByLabel('动作 1 · 关联路径', { exact: true }).selectOption({ label: '客户' });
    await transition.getByLabel(`${set} · 字段 1`, { exact: true }).selectOption({ label: '客户简介' });
    const formula = transition.getByLabel(`${set} · 公式 1`, { exact: true });
    await formula.fill('"已提交方案：" & name');
    // The phone keeps both inputs on screen.
    const box = await formula.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await draftSaved(p);
    await p.getByTestId('workflow-issues').getByText('引擎没有发现问题。').waitFor();
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions.workflows.find(
      (w: { id: string }) => w.id === 'opportunity-sales',
    );
    expect(draft.states.needsIdentified.on.PROPOSE.actions).toEqual([
      { type: 'updateRecord', params: { path: 'customer', set: { description: '"已提交方案：" & name' } } },
    ]);
  });

  it("takes sendEvent's target (a path, or entity, via and where) and event by title, not JSON", async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto('/studio/workflows/opportunity-sales');
    await p.locator('[data-state="initialContact"]').click();
    await p.getByRole('complementary', { name: '阶段' }).locator('[data-out-event="SHOW_INTEREST"]').click();
    const transition = p.getByRole('complementary', { name: '流转' });
    await transition.getByRole('button', { name: '+ 添加动作' }).click();
    await transition.getByLabel('动作 1', { exact: true }).selectOption({ label: '向关联记录发送事件' });
    await transition.getByLabel('动作 1 · 发送给 · 关联路径', { exact: true }).selectOption({ label: '客户' });
    await transition.getByLabel('动作 1 · 事件', { exact: true }).selectOption({ label: '转为成交客户' });
    await draftSaved(p);
    await p.getByTestId('workflow-issues').getByText('引擎没有发现问题。').waitFor();
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions.workflows.find(
      (w: { id: string }) => w.id === 'opportunity-sales',
    );
    expect(draft.states.initialContact.on.SHOW_INTEREST.actions).toEqual([
      { type: 'sendEvent', params: { to: { path: 'customer' }, event: 'ACTIVATE' } },
    ]);
  });

  it("offers a choice field's options by title as setField's value, and the value sources by name", async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/workflows/opportunity-sales');
    await p.locator('[data-state="interestShown"]').click();
    await p.getByRole('complementary', { name: '阶段' }).locator('[data-out-event="MEET_DECISION_MAKERS"]').click();
    const transition = p.getByRole('complementary', { name: '流转' });
    await transition.getByRole('button', { name: '+ 添加动作' }).click();
    await transition.getByLabel('动作 1', { exact: true }).selectOption({ label: '设置字段' });
    await transition.getByLabel('动作 1 · 字段', { exact: true }).selectOption({ label: '商机来源' });
    await transition.getByLabel('动作 1 · 值', { exact: true }).selectOption({ label: '老客户复购' });
    expect(
      await transition.getByLabel('动作 1 · 取值来源', { exact: true }).locator('option').allTextContents(),
    ).toEqual(expect.arrayContaining(['当前时间', '执行人', '本记录的「商机来源」']));
    await draftSaved(p);
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions.workflows.find(
      (w: { id: string }) => w.id === 'opportunity-sales',
    );
    expect(draft.states.interestShown.on.MEET_DECISION_MAKERS.actions).toEqual([
      { type: 'setField', params: { field: 'source', value: 'existingCustomer' } },
    ]);
  });
});
