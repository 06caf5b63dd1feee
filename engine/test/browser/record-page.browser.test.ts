import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, signedInPage, useBrowserSuite } from '../support/browser.js';

/*
 * The record page built for follow-up, as a salesperson uses it in Chinese: a customer's key facts in the
 * header, the record read as text until 编辑, a visit logged in one step from the timeline with a reminder
 * for next week, a reminder for today showing in My day, an opportunity created from the related list with
 * the customer filled in, and the same page stacked at 390 px without sideways scrolling.
 */
const { server, browser } = useBrowserSuite({ failurePage: () => page });
let page: Page;
let token = '';
let customer = '';
const CUSTOMER = '苏州恒远精密机械有限公司';

const api = async (method: string, path: string, body?: unknown) =>
  (await server.request(method, `/api/v1${path}`, body, { authorization: `Bearer ${token}` })).body;

beforeAll(async () => {
  ({ token } = await server.userToken({ email: 'lin@example.com', displayName: '林晓', roles: ['salesperson'] }));
  customer = (
    await api('POST', '/records/customer', {
      record_type: 'company',
      name: CUSTOMER,
      industry: 'manufacturing',
      region: 'eastChina',
      annualRevenue: 12800000,
      phone: '0512-6688 1234',
    })
  ).id;
  ({ page } = await signedInPage(browser, server.url, token, 'zh'));
  page.setDefaultTimeout(15_000);
});

const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

describe('the record page of a customer', () => {
  it('shows the key fields the definition names in the header, formatted by kind', async () => {
    await page.goto(`/records/customer/${customer}`);
    const highlights = page.getByTestId('highlights');
    await highlights.waitFor();
    expect(
      await highlights
        .locator('[data-highlight]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-highlight'))),
    ).toEqual(['level', 'industry', 'annualRevenue', 'phone']);
    expect(await highlights.locator('[data-highlight="industry"] dd').textContent()).toBe('制造业');
    expect(await highlights.locator('[data-highlight="annualRevenue"] dd').textContent()).toContain('12,800,000');
    expect(await highlights.locator('[data-highlight="phone"] dd').textContent()).toContain('0512-6688 1234');
  });

  it('reads as text until 编辑, then saves and reads again', async () => {
    await page.goto(`/records/customer/${customer}`);
    const view = page.getByTestId('record-view');
    await view.waitFor();
    // Values as text: no inputs in the read view.
    expect(await view.locator('input, select, textarea').count()).toBe(0);
    expect(await view.locator('[data-field="address"] dd').textContent()).toBeTruthy();
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await page.getByLabel('详细地址', { exact: true }).fill('苏州工业园区星湖街 328 号');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await view.waitFor();
    expect(await view.locator('[data-field="address"] dd').textContent()).toBe('苏州工业园区星湖街 328 号');
    expect((await api('GET', `/records/customer/${customer}`)).address).toBe('苏州工业园区星湖街 328 号');
    // Cancel leaves editing without saving.
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await page.getByRole('button', { name: '取消', exact: true }).click();
    await view.waitFor();
    // The change is on the timeline.
    await page.getByTestId('timeline').getByText('修改了 详细地址').waitFor();
  });

  it('logs a visit with a reminder for next week in one step, shown on the timeline', async () => {
    await page.goto(`/records/customer/${customer}`);
    const box = page.getByTestId('follow-up');
    await box.getByText('拜访', { exact: true }).click();
    await box.getByLabel('沟通记录').fill('拜访生产总监，确认二期扩产需求');
    await box.getByLabel('下一步计划').fill('下周送样并报价');
    await box.getByRole('button', { name: '下周' }).click();
    await screenshot(page, 'record-page-follow-up');
    await box.getByRole('button', { name: '记录跟进' }).click();
    await box.getByText('已记录跟进').waitFor();
    const entry = page.getByTestId('timeline').locator('[data-kind="activity"]').first();
    await entry.getByText('拜访生产总监，确认二期扩产需求', { exact: true }).waitFor();
    expect(await entry.getByTestId('timeline-type').textContent()).toBe('拜访');
    expect(await entry.textContent()).toContain('下一步：下周送样并报价');
    expect(await entry.getByTestId('timeline-reminder').textContent()).toContain('提醒');

    const [activity] = (await api('GET', `/records/activity?filter[customer]=${customer}`)).data;
    expect(activity).toMatchObject({ type: 'visit', status: 'planned', nextStep: '下周送样并报价' });
    const days = (Date.parse(activity.remindAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(5);
    expect(days).toBeLessThan(8);
  });

  it('puts a follow-up reminded today in My day', async () => {
    await page.goto(`/records/customer/${customer}`);
    const box = page.getByTestId('follow-up');
    await box.getByText('去电', { exact: true }).click();
    await box.getByLabel('沟通记录').fill('电话确认样品规格');
    // This minute: a reminder inside today, whatever the hour the test runs.
    const now = await page.evaluate(() => {
      const d = new Date();
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    });
    await box.getByLabel('提醒时间').fill(now);
    await box.getByRole('button', { name: '记录跟进' }).click();
    await box.getByText('已记录跟进').waitFor();
    await page.goto('/my-day');
    await page.getByTestId('myday-reminders').getByText('去电 · 电话确认样品规格').waitFor();
  });

  it('creates an opportunity from the related list with the customer filled in, and counts it', async () => {
    await page.goto(`/records/customer/${customer}`);
    const related = page.getByTestId('related-opportunity-customer');
    await related.getByRole('link', { name: '新建商机' }).click();
    await page.getByLabel('商机名称', { exact: true }).fill('恒远二期产线改造');
    await page.getByLabel('预计金额', { exact: true }).fill('860000');
    await page.getByLabel('预计成交日期', { exact: true }).fill('2027-03-31');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.waitForURL(/\/records\/opportunity\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').at(-1)!;
    expect((await api('GET', `/records/opportunity/${id}`)).customer).toBe(customer);
    await page.goto(`/records/customer/${customer}`);
    await expect.poll(() => related.getByTestId('related-count').textContent()).toBe('1');
    await related.getByText('恒远二期产线改造').waitFor();
  });

  it('stacks at 390 px with big touch targets and no sideways scroll', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/records/customer/${customer}`);
    await page.getByTestId('timeline').waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    const edit = await page.getByRole('button', { name: '编辑', exact: true }).boundingBox();
    expect(edit!.height).toBeGreaterThanOrEqual(40);
    const save = await page.getByTestId('follow-up').getByRole('button', { name: '记录跟进' }).boundingBox();
    expect(save!.height).toBeGreaterThanOrEqual(40);
    // The timeline comes below the record, not beside it.
    const details = await page.getByTestId('record-view').boundingBox();
    const timeline = await page.getByTestId('timeline').boundingBox();
    expect(timeline!.y).toBeGreaterThan(details!.y);
    await screenshot(page, 'record-page-phone');
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

describe('the SLA countdown', () => {
  it('says how long is left on the record and on its kanban card before the breach', async () => {
    await server.userToken({ email: 'agent@example.com', displayName: '周敏', roles: ['serviceAgent'] });
    const admin = async (method: string, path: string, body?: unknown) =>
      (await server.request(method, `/api/v1${path}`, body)).body;
    const created = await server.request('POST', '/api/v1/records/serviceRequest', {
      record_type: 'request',
      title: '二号产线主轴异响',
      customer,
      category: 'repair',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const request = created.body.id as string;
    const sent = await server.request('POST', `/api/v1/records/serviceRequest/${request}/events`, { type: 'ASSIGN' });
    expect(sent.status, JSON.stringify(sent.body)).toBeLessThan(300);
    expect((await admin('GET', `/records/serviceRequest/${request}`)).state).toBe('assigned');
    const { page: adminPage } = await signedInPage(browser, server.url, server.adminToken, 'zh');
    adminPage.setDefaultTimeout(15_000);
    await adminPage.goto(`/records/serviceRequest/${request}`);
    // Assigned: 4 hours to respond (meta.sla PT4H), counted from entering the stage.
    const countdown = adminPage.getByTestId('stage-path').locator('..').getByTestId('sla-countdown');
    await expect.poll(() => countdown.textContent()).toMatch(/还剩 3 小时/);
    expect(await countdown.getAttribute('data-sla')).toBe('running');
    await adminPage.goto('/kanban/service-request');
    const card = adminPage.locator(`[data-record-id="${request}"]`);
    await expect.poll(() => card.getByTestId('sla-countdown').textContent()).toMatch(/还剩 3 小时/);
    // The countdown is the server's due time (sla_due_at, which counts business hours and holidays), not the
    // browser's sum: moved to 30 minutes from now, both the header and the card say so.
    const model = server.engine.ctx.models.current();
    const table = model.entities.get('serviceRequest')!.table.name;
    // (A new version, as the engine's writes make: the browser revalidates the record by its ETag.)
    await server.testDb.db.knex.raw(
      `update ?? set sla_due_at = now() + interval '30 minutes', version = version + 1 where id = ?`,
      [table, request],
    );
    await adminPage.goto(`/records/serviceRequest/${request}`);
    await expect.poll(() => countdown.textContent()).toMatch(/还剩 (29|30) 分钟/);
    await adminPage.goto('/kanban/service-request');
    await expect.poll(() => card.getByTestId('sla-countdown').textContent()).toMatch(/还剩 (29|30) 分钟/);
    await adminPage.context().close();
  });
});
