import { expect, it } from 'vitest';
import { draftSaved, useBrowserSuite } from '../support/browser.js';

/*
 * The sales-to-cash template's approved quote becomes a sales order (a createRecord on entering 已批准): in the
 * studio the stage's entry actions show it as choices by title — the copied fields, the owner, the line items
 * (报价明细 → 订单明细 with their fields), the link back and the field keeping the order — with no JSON box;
 * a change made there is saved as the definition says. In Chinese, in a real Chromium against PostgreSQL.
 */
const { server, sessions } = useBrowserSuite({ ui: ['studio'] });

it("shows an approved quote's order creation as choices by title, and saves a change", async () => {
  const installed = await server.request('POST', '/api/v1/meta/templates/shipped/sales-to-cash/install', {});
  expect(installed.status).toBe(201);
  const p = await sessions.open(server.adminToken, 'zh');
  await p.setViewportSize({ width: 1366, height: 900 });
  await p.goto('/studio/workflows/quote-approval');
  await p.locator('[data-state="approved"]').click();
  const entry = p.getByRole('complementary', { name: '阶段' }).getByTestId('entry-actions');
  await entry.getByText('进入本阶段时的动作').waitFor();
  const selected = (label: string) =>
    entry.getByLabel(label, { exact: true }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);
  expect(await selected('动作 1')).toBe('创建记录');
  expect(await selected('动作 1 · 业务对象')).toBe('销售订单');
  expect(await selected('动作 1 · 复制字段 · 新记录字段 1')).toBe('客户');
  expect(await selected('动作 1 · 复制字段 · 取自本记录 1')).toBe('客户');
  expect(await selected('动作 1 · 负责人')).toBe('本记录的负责人');
  expect(await selected('动作 1 · 复制明细 1 · 本记录的明细')).toBe('报价明细');
  expect(await selected('动作 1 · 复制明细 1 · 新记录的明细')).toBe('订单明细');
  expect(await selected('动作 1 · 复制明细 1 · 复制的明细字段 · 新记录字段 1')).toBe('产品');
  expect(await selected('动作 1 · 关联回源记录的字段')).toBe('来源报价');
  expect(await selected('动作 1 · 保存新记录的字段')).toBe('生成的订单');
  expect(await entry.locator('textarea.json-param').count()).toBe(0);

  // 折扣率 is no longer copied: the row goes, and the list stays a list.
  const copy = '动作 1 · 复制字段';
  await entry.getByRole('button', { name: '删除第 3 行' }).first().click();
  await draftSaved(p);
  const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions;
  const params = draft.workflows.find((w: { id: string }) => w.id === 'quote-approval').states.approved.entry[0].params;
  expect(params.copy).toEqual(['customer', 'productLine']);
  expect(params.lines).toEqual([{ from: 'lines', to: 'lines', copy: ['product', 'quantity', 'unitPrice'] }]);
  expect(await entry.getByLabel(`${copy} · 新记录字段 3`, { exact: true }).count()).toBe(0);
});
