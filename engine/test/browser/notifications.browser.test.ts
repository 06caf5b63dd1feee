import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftSaved, useBrowserSuite } from '../support/browser.js';
import { NOTIFY_DEFINITIONS } from '../support/notification-definitions.js';

/*
 * The bell in the runtime UI's top bar (issue 15 item 6): a payment gone overdue notifies its owner in-app;
 * the owner sees 1 on the bell, opens the inbox, clicks through to the payment, and the badge clears. At 390 px
 * the bell and its panel fit the screen. In the studio, a notify's recipients and bilingual title are a form.
 */
const { server, sessions } = useBrowserSuite({
  ui: ['runtime-ui', 'studio'],
  server: { definitions: NOTIFY_DEFINITIONS },
});
let owner: { id: string; token: string };
let payment = '';

beforeAll(async () => {
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await server.request(method, `/api/v1${path}`, body);
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
    return response.body;
  };
  const made = await server.userToken({ email: 'li.na@example.com', displayName: '李娜', roles: ['sales'] });
  owner = { id: made.user.id, token: made.token };
  const customer = (await api('POST', '/records/customer', { name: '华东机械' })).id;
  payment = (
    await api('POST', '/records/payment', {
      title: '十二月回款',
      customer,
      amount: 12345.6,
      dueDate: '2026-12-06',
      channel: 'bank',
      owner_id: owner.id,
    })
  ).id;
  await api('POST', `/records/payment/${payment}/events`, { type: 'OVERDUE' });
});

const badge = (page: Page) => page.getByTestId('notify-badge');

describe('the notification bell', () => {
  it('shows 1, opens the inbox, clicks through to the record, and the badge clears', async () => {
    const page = await sessions.open(owner.token, 'zh');
    await page.goto('/my-day');
    await expect.poll(() => badge(page).textContent()).toBe('1');
    await page.getByRole('button', { name: '通知（1 条未读）' }).click();
    const panel = page.getByRole('dialog', { name: '通知' });
    const item = panel.getByRole('link', { name: /付款逾期：华东机械 ¥12,345\.60/ });
    await item.waitFor();
    expect(await panel.textContent()).toContain('银行转账');
    await item.click();
    await page.waitForURL(`**/records/payment/${payment}`);
    await expect.poll(() => badge(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: '通知' }).count()).toBe(1);
    // Read on the server too: a reload keeps the badge cleared.
    await page.reload();
    await page.getByRole('button', { name: '通知' }).waitFor();
    expect(await badge(page).count()).toBe(0);
  });

  it('fits a 390 px phone, in English, and marks all read', async () => {
    await server.request('POST', `/api/v1/records/payment/${payment}/events`, { type: 'PAID' });
    await server.request('POST', `/api/v1/records/payment/${payment}/events`, { type: 'OVERDUE' });
    const page = await sessions.open(owner.token, 'en');
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/my-day');
    await expect.poll(() => badge(page).textContent()).toBe('1');
    await page.getByRole('button', { name: 'Notifications (1 unread)' }).click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await panel.locator('.is-unread').getByText('Payment overdue: 华东机械 CN¥12,345.60').waitFor();
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The UI told the engine its reader reads English: mails to them are written in it.
    await expect
      .poll(async () => (await server.testDb.db.knex('lodestar_users').where({ id: owner.id }).first('lang')).lang)
      .toBe('en');
    await panel.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => badge(page).count()).toBe(0);
    expect(
      (await server.request('GET', '/api/v1/me/notifications', undefined, { authorization: `Bearer ${owner.token}` }))
        .body.unread,
    ).toBe(0);
  });

  it('edits whom a notify reaches and its title in each language in the studio', async () => {
    // An org unit is chosen by name from the org chart.
    expect((await server.request('POST', '/api/v1/admin/org-units', { name: '财务部' })).status).toBe(201);
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto('/studio/workflows');
    await page.locator('tr[data-workflow="payment-flow"]').getByRole('link').first().click();
    await page.locator('[data-state="open"]').click();
    await page.getByRole('complementary', { name: '阶段' }).locator('[data-out-event="OVERDUE"]').click();
    const panel = page.getByRole('complementary', { name: '流转' });
    const to = (label: string) => panel.getByLabel(new RegExp(`通知对象 ${label}$`));
    expect(await to('1').inputValue()).toBe('role');
    expect(await to('1 · 角色').inputValue()).toBe('finance');
    expect(await to('2').inputValue()).toBe('field');
    expect(await to('2 · 人员字段').inputValue()).toBe('collector');
    expect(await to('3').inputValue()).toBe('owner.manager');
    expect(await panel.getByLabel(/标题 · 中文$/).inputValue()).toBe('付款逾期：{{customer}} {{amount}}');
    // `mail: false` here; left out, a notify mails (the box shows the default).
    expect(await panel.getByLabel(/同时发送邮件$/).isChecked()).toBe(false);

    await panel.getByLabel(/标题 · English$/).fill('Overdue: {{title}}');
    await panel.getByRole('button', { name: '添加通知对象' }).click();
    await to('5').selectOption('orgUnit');
    await to('5 · 部门').selectOption('财务部');
    await panel.getByLabel(/通知对象 5 · 含下级部门$/).check();
    await draftSaved(page);
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions.workflows.find(
      (w: { id: string }) => w.id === 'payment-flow',
    );
    const params = draft.states.open.on.OVERDUE.actions[0].params;
    expect(params.title).toEqual({ zh: '付款逾期：{{customer}} {{amount}}', en: 'Overdue: {{title}}' });
    expect(params.to).toEqual([
      { role: 'finance' },
      { field: 'collector' },
      'owner.manager',
      'owner',
      { orgUnit: '财务部', subUnits: true },
    ]);

    // NOTICE leaves `mail` out: the box shows the default, mail.
    await page.locator('[data-state="open"]').click();
    await page.getByRole('complementary', { name: '阶段' }).locator('[data-out-event="NOTICE"]').click();
    await panel.getByLabel(/标题 · English$/).waitFor();
    expect(await panel.getByLabel(/标题 · English$/).inputValue()).toBe('Please follow up: {{title}}');
    expect(await panel.getByLabel(/同时发送邮件$/).isChecked()).toBe(true);
  });
});
