import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, signedInPage, useBrowserSuite } from '../support/browser.js';

/*
 * A salesperson's day in the runtime UI, in a real Chromium against PostgreSQL, with the default
 * template: customers of two types, a contact, an opportunity moved by button and by kanban drag,
 * a blocked move with its reason, the dashboard following the moves, a server-side validation error
 * on its field, and another team's customer invisible on every screen.
 */
const { server, browser } = useBrowserSuite({ failurePage: () => page });
let page: Page;
const ids = { company: '', government: '', contact: '', opportunity: '', bobsCustomer: '', bobsDeal: '' };
const BOBS_CUSTOMER = '华南零售 Bravo 有限公司';

beforeAll(async () => {
  const api = async (method: string, path: string, body?: unknown, token?: string) =>
    (await server.request(method, `/api/v1${path}`, body, token ? { authorization: `Bearer ${token}` } : {})).body;
  const sales = (await api('POST', '/admin/org-units', { name: '销售部' })).id;
  const teamA = (await api('POST', '/admin/org-units', { name: '华东组', parentId: sales })).id;
  const teamB = (await api('POST', '/admin/org-units', { name: '华南组', parentId: sales })).id;
  const alice = await server.userToken({
    email: 'alice@example.com',
    displayName: '王丽',
    roles: ['salesperson'],
    orgUnitId: teamA,
  });
  const bob = await server.userToken({
    email: 'bob@example.com',
    displayName: '陈波',
    roles: ['salesperson'],
    orgUnitId: teamB,
  });
  ids.bobsCustomer = (
    await api(
      'POST',
      '/records/customer',
      { record_type: 'company', name: BOBS_CUSTOMER, industry: 'retail', region: 'southChina' },
      bob.token,
    )
  ).id;
  ids.bobsDeal = (
    await api(
      'POST',
      '/records/opportunity',
      { name: 'Bravo 门店系统', customer: ids.bobsCustomer, amount: 990000 },
      bob.token,
    )
  ).id;
  // Alice's agenda: one activity due today, one overdue since the day before yesterday.
  const now = new Date();
  await api(
    'POST',
    '/records/activity',
    { subject: '回访华东精密，确认试点范围', type: 'callOut', plannedStart: now.toISOString() },
    alice.token,
  );
  await api(
    'POST',
    '/records/activity',
    {
      subject: '准备 MES 方案报价',
      type: 'task',
      plannedStart: new Date(now.getTime() - 2 * 86_400_000).toISOString(),
    },
    alice.token,
  );
  ({ page } = await signedInPage(browser, server.url, alice.token, 'zh'));
  page.setDefaultTimeout(15_000);
});

const field = (name: string): Locator => page.locator(`[data-field="${name}"]`);
const save = () => page.getByRole('button', { name: '保存' }).click();
const recordIdFromUrl = async (entity: string) => {
  await page.waitForURL(new RegExp(`/records/${entity}/[0-9a-f-]{36}$`));
  return page.url().split('/').at(-1)!;
};

describe('a salesperson in the runtime UI', () => {
  it('creates a company and a government customer, whose forms ask for different fields', async () => {
    await page.goto('/records/customer');
    // Alice owns no customer yet: the list settles on its empty state (Bob's customer is not hers to see).
    await page.getByTestId('list-empty').waitFor();
    await page.getByRole('button', { name: /新建/ }).first().click();
    await page.getByRole('menuitem', { name: '企业客户' }).click();
    await field('industry').waitFor();
    expect(await field('jurisdiction').count()).toBe(0);
    await page.getByLabel('客户名称', { exact: true }).fill('华东精密制造有限公司');
    await page.getByLabel('所属行业', { exact: true }).selectOption({ label: '制造业' });
    await page.getByLabel('所属区域', { exact: true }).selectOption({ label: '华东' });
    await screenshot(page, 'record-form-company');
    await save();
    ids.company = await recordIdFromUrl('customer');

    await page.goto('/records/customer/new?type=government');
    await field('jurisdiction').waitFor();
    expect(await field('administrativeLevel').count()).toBe(1);
    expect(await field('industry').count()).toBe(0);
    await page.getByLabel('客户名称', { exact: true }).fill('杭州市西湖区人民政府');
    await save();
    // The type's own required fields are named on their fields before anything is sent.
    await page.getByTestId('error-jurisdiction').waitFor();
    await page.getByLabel('管辖区域', { exact: true }).fill('浙江省杭州市西湖区');
    await page.getByLabel('行政级别', { exact: true }).selectOption({ index: 3 });
    await save();
    ids.government = await recordIdFromUrl('customer');
    await page.getByTestId('record-type').filter({ hasText: '政府机构' }).waitFor();
  });

  it('shows a server-side validation error on its field', async () => {
    await page.goto(`/records/customer/${ids.company}`);
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    // The phone format is the server's to judge: the form sends it and puts the 422 on the field.
    await page.getByLabel('联系电话', { exact: true }).fill('请致电前台');
    await save();
    const error = page.getByTestId('error-phone');
    await error.waitFor();
    expect(await error.textContent()).toBeTruthy();
    await screenshot(page, 'record-validation-error');
    await page.getByLabel('联系电话', { exact: true }).fill('021-5555 0101');
    await save();
    await expect
      .poll(async () => (await server.request('GET', `/api/v1/records/customer/${ids.company}`)).body.phone)
      .toBe('021-5555 0101');
  });

  it('adds a contact from the customer page', async () => {
    await page.goto(`/records/customer/${ids.company}`);
    await page.getByTestId('related-contact-customer').getByRole('link', { name: '新建联系人' }).click();
    await page.getByLabel('姓名', { exact: true }).fill('张伟');
    await page.getByLabel('职务', { exact: true }).fill('采购总监');
    await save();
    ids.contact = await recordIdFromUrl('contact');
    const stored = (await server.request('GET', `/api/v1/records/contact/${ids.contact}`)).body;
    expect(stored).toMatchObject({ name: '张伟', customer: ids.company });
  });

  it('creates an opportunity; a blocked move shows its reason; filling the field lets the button move it', async () => {
    await page.goto(`/records/opportunity/new?customer=${ids.company}`);
    await page.getByLabel('商机名称', { exact: true }).fill('精密制造 MES 项目');
    await page.getByLabel('预计金额', { exact: true }).fill('500000');
    await page.getByLabel('预计成交日期', { exact: true }).fill('2026-12-15');
    await save();
    ids.opportunity = await recordIdFromUrl('opportunity');
    const path = page.getByTestId('stage-path');
    await path.locator('[data-state="initialContact"][aria-current="step"]').waitFor();
    const reason = page.getByTestId('blocked-reason-SHOW_INTEREST');
    await reason.waitFor();
    expect(await reason.textContent()).toContain('缺少必填字段：相关联系人');
    expect(await page.locator('[data-event="SHOW_INTEREST"]').isDisabled()).toBe(true);

    await page.getByRole('button', { name: '编辑', exact: true }).click();
    const contacts = field('contacts').getByRole('combobox');
    await contacts.fill('张伟');
    await page.getByRole('option', { name: /张伟/ }).click();
    await save();
    await expect.poll(() => page.locator('[data-event="SHOW_INTEREST"]').isEnabled()).toBe(true);
    await screenshot(page, 'record-page-opportunity');
    await page.locator('[data-event="SHOW_INTEREST"]').click();
    await path.locator('[data-state="interestShown"][aria-current="step"]').waitFor();
    await page.getByRole('tab', { name: '阶段历史' }).click();
    await page.getByTestId('history').getByText('有意向').first().waitFor();
  });

  it('moves the deal on the kanban board by dragging; a refused drag snaps back with the reason', async () => {
    await page.goto('/kanban/opportunity-sales');
    const column = (state: string) => page.getByTestId(`kanban-column-${state}`);
    const card = page.locator(`article[data-record-id="${ids.opportunity}"]`);
    await column('interestShown').locator(`article[data-record-id="${ids.opportunity}"]`).waitFor();
    expect(await page.locator(`article[data-record-id="${ids.bobsDeal}"]`).count()).toBe(0);

    await drag(card, column('meetingDecisionMakers'));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('关键决策人');
    await column('interestShown').locator(`article[data-record-id="${ids.opportunity}"]`).waitFor();

    // Meanwhile the decision maker is named (as a colleague might, on the record page).
    const { version } = (await server.request('GET', `/api/v1/records/opportunity/${ids.opportunity}`)).body;
    expect(
      (
        await server.request('PATCH', `/api/v1/records/opportunity/${ids.opportunity}`, {
          decisionMaker: ids.contact,
          version,
        })
      ).status,
    ).toBe(200);
    await page.reload();
    await column('interestShown').locator(`article[data-record-id="${ids.opportunity}"]`).waitFor();
    await drag(card, column('meetingDecisionMakers'));
    await column('meetingDecisionMakers').locator(`article[data-record-id="${ids.opportunity}"]`).waitFor();
    await expect.poll(() => column('meetingDecisionMakers').getAttribute('data-count')).toBe('1');
    await expect.poll(() => column('interestShown').getAttribute('data-count')).toBe('0');
    await expect
      .poll(async () => Number(await column('meetingDecisionMakers').getAttribute('data-amount')))
      .toBe(500000);
    const state = (await server.request('GET', `/api/v1/records/opportunity/${ids.opportunity}`)).body.state;
    expect(state).toBe('meetingDecisionMakers');
    await screenshot(page, 'kanban');
  });

  it('sees the moves in the funnel and the forecast, and only their own customers in the distributions', async () => {
    await page.goto('/dashboard');
    const funnel = page.getByTestId('chart-funnel');
    await expect.poll(() => funnel.getAttribute('data-status')).toBe('ready');
    const stage = (state: string) => funnel.locator(`tr[data-stage="${state}"]`);
    await expect.poll(() => stage('meetingDecisionMakers').getAttribute('data-count')).toBe('1');
    expect(await stage('interestShown').getAttribute('data-count')).toBe('1');
    expect(await stage('needsIdentified').getAttribute('data-count')).toBe('0');
    const december = page.getByTestId('chart-forecast').locator('tr[data-month^="2026-12"]');
    await expect.poll(() => december.getAttribute('data-amount')).toBe('500000');
    expect(Number(await december.getAttribute('data-weighted'))).toBe(150000); // 30% in 接触决策人
    // Bob's southern customer is not counted for Alice.
    const regions = page.getByTestId('chart-customer-region');
    await expect.poll(() => regions.locator('tr[data-key="eastChina"]').getAttribute('data-count')).toBe('1');
    expect(await regions.locator('tr[data-key="southChina"]').count()).toBe(0);
    await screenshot(page, 'dashboard');
  });

  it('cannot see another team’s customer by any screen', async () => {
    await page.goto(`/records/customer?q=${encodeURIComponent('Bravo')}`);
    await page.getByTestId('list-empty').waitFor();
    await page.goto('/records/customer');
    await page.locator(`tr[data-record-id="${ids.company}"]`).waitFor();
    expect(await page.locator(`tr[data-record-id="${ids.bobsCustomer}"]`).count()).toBe(0);
    expect(await page.getByText(BOBS_CUSTOMER).count()).toBe(0);
    await screenshot(page, 'list-customers');
    await page.goto(`/records/customer/${ids.bobsCustomer}`);
    await page.getByText('找不到这条记录').waitFor();
    expect(await page.getByText(BOBS_CUSTOMER).count()).toBe(0);
    await page.goto(`/records/opportunity/${ids.bobsDeal}`);
    await page.getByText('找不到这条记录').waitFor();
    await page.goto('/my-day');
    await expect.poll(() => page.getByTestId('myday-due').getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('myday-overdue').getAttribute('data-count')).toBe('1');
    await page.getByTestId('myday-due').getByText('回访华东精密，确认试点范围').waitFor();
    expect(await page.getByText(BOBS_CUSTOMER).count()).toBe(0);
    await screenshot(page, 'my-day');
  });
});

/** A pointer drag in small steps, as a hand does it (the board's sensor needs movement to start). */
async function drag(card: Locator, target: Locator): Promise<void> {
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  const page = card.page();
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 30, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 12 });
  await page.mouse.up();
}
