import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from '../support/browser.js';
import { STREAM_DEFINITIONS } from '../support/stream-definitions.js';

/*
 * Notifications arrive without a reload (issue 18 item 5): the finance user has My day open; a salesperson
 * submits a discount request, its pending stage notifies finance, and the finance user's bell goes to 1 on the
 * same page, with a toast saying an approval waits, which opens the record. On the board, the pending card
 * counts down to the stage's SLA and turns amber in its last fifth.
 */
const { server, sessions } = useBrowserSuite({ server: { definitions: STREAM_DEFINITIONS } });
type Who = { id: string; token: string };
let finance: Who, seller: Who;

beforeAll(async () => {
  const person = async (email: string, displayName: string, roles: string[]): Promise<Who> => {
    const made = await server.userToken({ email, displayName, roles });
    return { id: made.user.id, token: made.token };
  };
  finance = await person('finance@example.com', '王会计', ['finance']);
  seller = await person('seller@example.com', '李娜', ['sales']);
});

/** What the salesperson does in their own session: asks for a discount and submits it. */
const askForDiscount = async (title: string): Promise<string> => {
  const as = { authorization: `Bearer ${seller.token}` };
  const created = await server.request('POST', '/api/v1/records/discount', { title }, as);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const submitted = await server.request(
    'POST',
    `/api/v1/records/discount/${created.body.id}/events`,
    { type: 'SUBMIT' },
    as,
  );
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return created.body.id as string;
};

const badge = (page: Page) => page.getByTestId('notify-badge');

describe('live notifications', () => {
  it("raises the bell and shows a toast when another user's action waits for the reader's approval", async () => {
    const page = await sessions.open(finance.token, 'zh');
    const streaming = page.waitForResponse((r) => r.url().includes('/api/v1/me/notifications/stream'));
    await page.goto('/my-day');
    expect((await streaming).status()).toBe(200);
    await page.getByRole('button', { name: '通知' }).waitFor();
    expect(await badge(page).count()).toBe(0);
    // Marks this document: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    const request = await askForDiscount('华东机械 九折');
    await expect.poll(() => badge(page).textContent(), { timeout: 3_000 }).toBe('1');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    const toast = page.getByTestId('approval-toast');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('有一项待您审批');
    expect(await toast.textContent()).toContain('待您审批：华东机械 九折');
    await screenshot(page, 'notification-live-toast');

    // The list under the bell has it too, at the top, without asking again.
    await page.getByRole('button', { name: '通知（1 条未读）' }).click();
    await page
      .getByRole('dialog', { name: '通知' })
      .getByRole('link', { name: /待您审批：华东机械 九折/ })
      .waitFor();
    await page.getByRole('button', { name: '关闭' }).first().click();

    await toast.getByRole('link', { name: '去审批' }).click();
    await page.waitForURL(`**/records/discount/${request}`);
    await expect.poll(() => badge(page).count()).toBe(0);
  });

  it('fits the toast on a 390 px phone, in English', async () => {
    const page = await sessions.open(finance.token, 'en');
    await page.setViewportSize({ width: 390, height: 844 });
    const streaming = page.waitForResponse((r) => r.url().includes('/api/v1/me/notifications/stream'));
    await page.goto('/my-day');
    await streaming;
    await askForDiscount('Acme 10% off');
    const toast = page.getByTestId('approval-toast');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('An approval is waiting for you');
    expect(await toast.textContent()).toContain('Waiting for you: Acme 10% off');
    const box = (await toast.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'notification-live-toast-phone');
    await toast.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => toast.count()).toBe(0);
  });

  it('counts down to the SLA on the kanban card, amber in its last fifth', async () => {
    const calm = await askForDiscount('西南区 八五折');
    const close = await askForDiscount('华北区 八折');
    // Entered the pending stage 50 minutes ago: 10 of its 60 minutes left (the due time the server stored).
    await server.testDb.db
      .knex('discount')
      .where({ id: close })
      .update({ state_entered_at: new Date(Date.now() - 50 * 60_000), sla_due_at: new Date(Date.now() + 10 * 60_000) });
    const page = await sessions.open(finance.token, 'en');
    await page.goto('/kanban/discount-flow');
    const calmCountdown = page.locator(`[data-record-id="${calm}"]`).getByTestId('sla-countdown');
    const closeCountdown = page.locator(`[data-record-id="${close}"]`).getByTestId('sla-countdown');
    await expect.poll(() => calmCountdown.getAttribute('data-sla')).toBe('running');
    expect(await calmCountdown.textContent()).toMatch(/59 min left|1 h left/);
    expect(await closeCountdown.getAttribute('data-sla')).toBe('warning');
    expect(await closeCountdown.textContent()).toMatch(/(9|10) min left/);
    const amber = await closeCountdown.evaluate((node) => getComputedStyle(node).color);
    const calmColour = await calmCountdown.evaluate((node) => getComputedStyle(node).color);
    expect(amber).not.toBe(calmColour);
  });
});
