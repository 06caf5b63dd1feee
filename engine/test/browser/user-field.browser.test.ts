import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserSessions, keepFailureScreenshot, launchBrowser, requireBuiltUi } from '../support/browser.js';
import { USER_FIELD_DEFINITIONS } from '../support/user-field-definitions.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/* A user field in the runtime UI: the people picker on the form, the person's name on the record and in the list, "me" in the list's filter. */
let server: TestServer;
let browser: Browser;
let alice: { id: string; token: string };
const sessions = browserSessions(
  () => browser,
  () => server.url,
);

beforeAll(async () => {
  requireBuiltUi(['runtime-ui']);
  server = await startTestServer({ definitions: USER_FIELD_DEFINITIONS });
  const a = await server.userToken({ email: 'alice@example.com', roles: ['sales'], displayName: '王丽' });
  await server.userToken({ email: 'bob@example.com', roles: ['sales'], displayName: '陈博' });
  alice = { id: a.user.id, token: a.token };
  browser = await launchBrowser();
});

afterEach(({ task }) => keepFailureScreenshot(sessions.current(), task));

afterAll(async () => {
  await sessions.close();
  await browser?.close();
  await server?.close();
});

describe('user fields in the runtime UI', () => {
  it('picks a person by name or email, shows the name, and lists my records with "me" at 390 px', async () => {
    await server.request('POST', '/api/v1/records/commission', { title: '管理员的提成', salesperson: server.admin.id });
    const page = await sessions.open(alice.token, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/records/commission/new');
    await page.getByLabel('title', { exact: true }).fill('三月提成');
    const picker = page.getByLabel('销售员', { exact: true });
    await picker.click();
    // The signed-in user is offered first, as 我; searching by email finds the others.
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain('我（王丽）');
    await picker.fill('bob@');
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual([expect.stringContaining('陈博')]);
    await picker.fill('王');
    await page.getByRole('option', { name: /王丽/ }).click();
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/records/commission') && r.request().method() === 'POST'),
      page
        .getByRole('button', { name: /创建|保存/ })
        .first()
        .click(),
    ]);
    expect(saved.status()).toBe(201);
    expect(JSON.parse(saved.request().postData() ?? '{}').salesperson).toBe(alice.id);

    await page.goto('/records/commission?cols=title,salesperson&filter[salesperson][eq]=me');
    await page.getByText('三月提成').first().waitFor();
    const table = (await page.getByRole('table').first().textContent()) ?? '';
    expect(table).toContain('王丽');
    expect(table).not.toContain('管理员的提成');
    expect(table).not.toContain(alice.id);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
