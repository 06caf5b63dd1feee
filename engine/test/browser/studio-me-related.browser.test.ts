import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import { draftSaved, screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * Issue 19's last text boxes (in Chinese): a guard's condition "负责人 是 我" built in the rule builder (the
 * user sending the event, ME()), a schedule's filter built in the same builder over the record's fields (no "我"
 * there: a schedule runs as no one), and the record page's related lists reordered in the layout tab; published,
 * the runtime record page lists them in the new order and the owner may send the guarded event. At 390 px the
 * layout tab and the record page fit.
 */
const titled = (zh: string, en: string) => ({ title: en, 'x-i18n': { title: { zh, en } } });
const link = (zh: string, en: string) => ({
  type: 'string',
  format: 'uuid',
  'x-relation': { entity: 'customer' },
  ...titled(zh, en),
});
const definitions = {
  entities: [
    {
      $id: 'customer',
      type: 'object',
      ...titled('客户', 'Customer'),
      'x-entity': { titleField: 'name' },
      properties: { name: { type: 'string', maxLength: 100, ...titled('客户名称', 'Name') } },
      required: ['name'],
    },
    {
      $id: 'contact',
      type: 'object',
      ...titled('联系人', 'Contact'),
      'x-entity': { titleField: 'name' },
      properties: {
        name: { type: 'string', maxLength: 100, ...titled('姓名', 'Name') },
        customer: link('客户', 'Customer'),
      },
      required: ['name'],
    },
    {
      $id: 'deal',
      type: 'object',
      ...titled('商机', 'Deal'),
      'x-entity': { titleField: 'name' },
      properties: {
        name: { type: 'string', maxLength: 100, ...titled('商机名称', 'Name') },
        amount: { type: 'number', ...titled('金额', 'Amount') },
        customer: link('客户', 'Customer'),
      },
      required: ['name'],
    },
  ],
  workflows: [
    {
      id: 'customer-care',
      initial: 'open',
      meta: {
        entity: 'customer',
        title: { zh: '客户跟进', en: 'Customer care' },
        schedules: [{ id: 'sweep', title: { zh: '夜间清理', en: 'Nightly sweep' }, cron: '0 2 * * *', event: 'CLOSE' }],
      },
      states: {
        open: {
          meta: { title: { zh: '跟进中', en: 'Open' } },
          on: { CLOSE: { target: 'closed', meta: { title: { zh: '结束跟进', en: 'Close' } } } },
        },
        closed: { type: 'final', meta: { title: { zh: '已结束', en: 'Closed' } } },
      },
    },
  ],
} as unknown as DefinitionSet;

const { server, sessions } = useBrowserSuite({ ui: ['studio', 'runtime-ui'], server: { definitions } });

const relatedOrder = (p: Page, selector: string, attribute: string) =>
  p.locator(selector).evaluateAll((els, name) => els.map((e) => e.getAttribute(name)), attribute);

const draftSet = async () => (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions;

it('builds 负责人 是 我 and a schedule filter in the rule builder, reorders related lists, and the runtime follows', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.setViewportSize({ width: 1366, height: 900 });
  await p.goto('/studio/workflows/customer-care');
  await p.locator('[data-state="open"]').click();
  await p.getByRole('complementary', { name: '阶段' }).locator('[data-out-event="CLOSE"]').click();
  const transition = p.getByRole('complementary', { name: '流转' });
  await transition.getByLabel('条件', { exact: true }).selectOption({ label: '数据条件' });
  const builder = transition.getByTestId('rule-builder');
  await builder.getByLabel('条件 1 的字段', { exact: true }).selectOption({ label: '负责人' });
  expect(await builder.getByLabel('条件 1 的运算', { exact: true }).locator('option').allTextContents()).toEqual([
    '是',
    '不是',
    '为空',
    '不为空',
  ]);
  // "我" comes first for a user field in a guard; another field is the other choice.
  expect(await builder.getByLabel('条件 1 比较对象', { exact: true }).locator('option').allTextContents()).toEqual([
    '我',
    '另一字段',
  ]);
  await expect.poll(() => builder.getByTestId('rule-words').textContent()).toBe('条件含义：负责人 是 我');
  await expect.poll(() => builder.getByTestId('rule-verdict').textContent()).toBe('条件正确');

  // The schedule's filter: the same builder over the customer's fields, without "我" (no one runs a schedule).
  const schedule = p.getByRole('region', { name: '定时任务' }).locator('[data-schedule="sweep"]');
  const filter = schedule.getByTestId('rule-builder');
  await filter.getByLabel('条件 1 的字段', { exact: true }).selectOption({ label: '负责人' });
  expect(await filter.getByLabel('条件 1 比较对象', { exact: true }).count()).toBe(0);
  await filter.getByLabel('条件 1 的运算', { exact: true }).selectOption({ label: '为空' });
  await expect.poll(() => filter.getByTestId('rule-words').textContent()).toBe('条件含义：负责人 为空');
  await draftSaved(p);
  const workflow = (await draftSet()).workflows.find((w: { id: string }) => w.id === 'customer-care');
  expect(workflow.states.open.on.CLOSE.guard).toEqual({ type: 'condition', params: { check: 'owner_id = ME()' } });
  expect(workflow.meta.schedules[0].where).toBe('ISBLANK(owner_id)');
  await p.getByTestId('workflow-issues').getByText('引擎没有发现问题。').waitFor();

  // Related lists: 联系人 then 商机 by default; 商机 moves up, in the panel and in the preview.
  await p.goto('/studio/entities/customer');
  await p.getByRole('tab', { name: '布局' }).click();
  const panel = p.getByTestId('related-lists');
  expect(await relatedOrder(p, '[data-testid="related-lists"] [data-related]', 'data-related')).toEqual([
    'contact.customer',
    'deal.customer',
  ]);
  await panel.getByRole('button', { name: '下移相关列表 联系人' }).click();
  await expect
    .poll(() => relatedOrder(p, '[data-testid="preview-related"] [data-related]', 'data-related'))
    .toEqual(['deal.customer', 'contact.customer']);
  // 商机 shows 商机名称 and 金额 only: 更新时间 unticked.
  await panel.getByRole('button', { name: '商机的列' }).click();
  await panel.getByLabel('商机显示列 更新时间').uncheck();
  await expect
    .poll(() => p.getByTestId('preview-related').locator('[data-related="deal.customer"]').textContent())
    .toBe('商机 · 商机名称、金额');
  await draftSaved(p);
  expect((await draftSet()).entities.find((e: { $id: string }) => e.$id === 'customer')['x-ui'].related).toEqual([
    { entity: 'deal', via: 'customer', columns: ['name', 'amount'] },
    { entity: 'contact', via: 'customer' },
  ]);
  await screenshot(p, 'studio-related-lists');

  await p.goto('/studio/publish');
  await p.getByRole('button', { name: '发布', exact: true }).click();
  await p.getByTestId('published').waitFor();

  const create = async (entity: string, record: Record<string, unknown>) => {
    const created = await server.request('POST', `/api/v1/records/${entity}`, record);
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const customer = await create('customer', { name: '杭州某某' });
  await create('contact', { name: '王经理', customer });
  await create('deal', { name: '年度合同', amount: 120000, customer });
  await p.goto(`/records/customer/${customer}`);
  await expect
    .poll(() => relatedOrder(p, '.record-related [data-testid^="related-"]', 'data-testid'))
    .toEqual(['related-deal-customer', 'related-contact-customer']);
  const deals = p.getByTestId('related-deal-customer');
  await deals.getByText('年度合同').waitFor();
  expect(await deals.locator('th').allTextContents()).toEqual(['商机名称', '金额']);
  // The admin owns the customer they created: 负责人 是 我 holds, and 结束跟进 is offered.
  await expect.poll(() => p.locator('[data-event="CLOSE"]').isEnabled()).toBe(true);

  await p.setViewportSize({ width: 390, height: 844 });
  await p.reload();
  await deals.getByText('年度合同').waitFor();
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await p.goto('/studio/entities/customer');
  await p.getByRole('tab', { name: '布局' }).click();
  const up = panel.getByRole('button', { name: '上移相关列表 联系人' });
  await up.scrollIntoViewIfNeeded();
  const box = await up.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

it("builds a related guard's where over the related entity's fields, 负责人 是 我 among them", async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.setViewportSize({ width: 1366, height: 900 });
  await p.goto('/studio/workflows/customer-care');
  await p.locator('[data-state="open"]').click();
  await p.getByRole('complementary', { name: '阶段' }).locator('[data-out-event="CLOSE"]').click();
  const transition = p.getByRole('complementary', { name: '流转' });
  await transition.getByLabel('条件', { exact: true }).selectOption({ label: '关联记录数量' });
  // The related entity and its link are chosen by title; the where is built.
  await transition.getByLabel('业务对象', { exact: true }).selectOption({ label: '商机' });
  await transition.getByLabel('关联字段', { exact: true }).selectOption({ label: '客户' });
  const builder = transition.getByTestId('rule-builder');
  const fields = builder.getByLabel('条件 1 的字段', { exact: true });
  expect(await fields.locator('option').allTextContents()).toEqual(
    expect.arrayContaining(['商机名称', '金额', '负责人']),
  );
  await fields.selectOption({ label: '负责人' });
  await expect.poll(() => builder.getByTestId('rule-words').textContent()).toBe('条件含义：负责人 是 我');
  await draftSaved(p);
  const workflow = (await draftSet()).workflows.find((w: { id: string }) => w.id === 'customer-care');
  expect(workflow.states.open.on.CLOSE.guard).toEqual({
    type: 'related',
    params: { entity: 'deal', via: 'customer', where: 'owner_id = ME()' },
  });
  await p.getByTestId('workflow-issues').getByText('引擎没有发现问题。').waitFor();
});
