import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fireNextTimer } from '../../src/runtime/fire-timer.js';
import { screenshot, useBrowserSuite } from '../support/browser.js';
import { FIXTURES } from '../support/test-server.js';

/*
 * Issue 15's acceptance in Chromium, on the order-to-cash definitions: the manager approves a 20% quote
 * from the inbox in My day, and the quote's order appears with its lines; on a 390 px phone the
 * salesperson's bell shows the payment that became overdue at 09:00, and opens it.
 */
const { server, sessions } = useBrowserSuite({ server: { definitionsDir: join(FIXTURES, 'order-to-cash') } });
const tokens = { zhao: '', wang: '' };
const ids = { quote: '', payment: '' };

beforeAll(async () => {
  const zhao = await server.userToken({ email: 'zhao@example.com', roles: ['salesManager'], displayName: '赵经理' });
  const wang = await server.userToken({
    email: 'wang@example.com',
    roles: ['salesperson'],
    displayName: '王销售',
    managerId: zhao.user.id,
  });
  await server.userToken({ email: 'li@example.com', roles: ['finance'], displayName: '李财务' });
  Object.assign(tokens, { zhao: zhao.token, wang: wang.token });
  const api = async (method: string, path: string, body: unknown, token = wang.token) => {
    const answer = await server.request(method, `/api/v1${path}`, body, { authorization: `Bearer ${token}` });
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    return answer.body;
  };
  const customer = (await api('POST', '/records/customer', { name: '杭州西湖智能制造有限公司' })).id;
  const product = (await api('POST', '/records/product', { name: '五轴加工中心', category: 'equipment' }, zhao.token))
    .id;
  ids.quote = (
    await api('POST', '/records/quote', {
      customer,
      salesRep: wang.user.id,
      discount: 0.2,
      lines: [{ product, quantity: 2, unitPrice: 480000 }],
    })
  ).id;
  await api('POST', `/records/quote/${ids.quote}/events`, { type: 'SUBMIT' });
  ids.payment = (
    await api(
      'POST',
      '/records/payment',
      { title: '首付款 30%', customer, amount: 230400, dueDate: '2027-03-10', owner_id: wang.user.id },
      server.adminToken,
    )
  ).id;
});

describe('lead to cash in the browser', () => {
  it('the manager approves the quote in My day and its order appears with its lines', async () => {
    const page = await sessions.open(tokens.zhao, 'zh');
    await page.goto('/my-day');
    const row = page.getByTestId('myday-approvals').locator(`[data-record-id="${ids.quote}"]`);
    expect(await row.textContent()).toContain('审批环节：直属上级审批');
    await row.getByRole('button', { name: '同意' }).click();
    await row.getByRole('button', { name: '确认同意' }).click();
    await expect.poll(() => row.getByRole('status').textContent()).toBe('已同意');

    await page.goto(`/records/quote/${ids.quote}`);
    const order = page.getByRole('link', { name: /^SO-\d{4}-0001$/ }).first();
    await order.click();
    await page.waitForURL(/\/records\/order\//);
    const lines = page.getByTestId('lines-lines');
    await expect
      .poll(() => lines.locator('[data-testid^="line-"][data-testid$="-amount"]').allTextContents())
      .toEqual(['¥960,000.00']);
    // The record page reads as text until 编辑: the order's total as money.
    expect(await page.getByTestId('record-view').locator('[data-field="total"] dd').textContent()).toBe('¥768,000.00');
    await screenshot(page, 'order-from-quote');
  });

  it('lights the salesperson’s bell on a phone when the payment is overdue at 09:00, and opens the payment', async () => {
    const knex = server.testDb.db.knex;
    const model = server.engine.ctx.models.current();
    while ((await fireNextTimer(knex, model, new Date('2027-03-11T01:00:00Z'))).kind !== 'none');
    const page = await sessions.open(tokens.wang, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByRole('button', { name: '通知（1 条未读）' }).click();
    const panel = page.getByRole('dialog', { name: '通知' });
    await panel.getByRole('link', { name: /回款逾期：杭州西湖智能制造有限公司 ¥230,400\.00/ }).click();
    await page.waitForURL(new RegExp(`/records/payment/${ids.payment}$`));
    await page.getByRole('heading', { name: '首付款 30%' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
