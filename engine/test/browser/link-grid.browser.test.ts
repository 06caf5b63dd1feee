import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserSessions, keepFailureScreenshot, launchBrowser, requireBuiltUi } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/* Links with attributes in the runtime UI: the default template's opportunity edits its contacts' CUTE roles in a grid, at 390 px too. */
let server: TestServer;
let browser: Browser;
let customer = '';
const sessions = browserSessions(
  () => browser,
  () => server.url,
);

beforeAll(async () => {
  requireBuiltUi(['runtime-ui']);
  server = await startTestServer();
  const created = await server.request('POST', '/api/v1/records/customer', {
    record_type: 'company',
    name: '杭州西湖智能制造有限公司',
    industry: 'manufacturing',
  });
  customer = created.body.id;
  for (const name of ['张总', '李工'])
    expect((await server.request('POST', '/api/v1/records/contact', { name, customer })).status).toBe(201);
  browser = await launchBrowser();
});

afterEach(({ task }) => keepFailureScreenshot(sessions.current(), task));

afterAll(async () => {
  await sessions.close();
  await browser?.close();
  await server?.close();
});

describe('the link grid', () => {
  it('adds contacts with a role and influence, saves them as links with attributes, and edits them at 390 px', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto(`/records/opportunity/new?customer=${customer}`);
    await page.getByLabel('商机名称', { exact: true }).fill('智能产线改造');
    const search = page.getByPlaceholder('添加…');
    await search.click();
    await search.fill('张');
    await page.getByRole('option', { name: '张总' }).click();
    await page.getByLabel('角色 · 张总').selectOption({ label: '经济决策者' });
    await page.getByLabel('影响力 · 张总').fill('5');
    await search.click();
    await search.fill('李');
    await page.getByRole('option', { name: '李工' }).click();
    await page.getByLabel('角色 · 李工').selectOption({ label: '教练' });
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/records/opportunity') && r.request().method() === 'POST'),
      page
        .getByRole('button', { name: /创建|保存/ })
        .first()
        .click(),
    ]);
    expect(saved.status(), await saved.text()).toBe(201);
    const record = await saved.json();
    expect(record.contacts.map((c: { role: string; influence: number | null }) => [c.role, c.influence])).toEqual([
      ['economicBuyer', 5],
      ['coach', null],
    ]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/records/opportunity/${record.id}`);
    // Read as text, the linked contacts are named, not shown by a piece of their id.
    const details = page.locator('.record-details');
    await expect.poll(() => details.textContent()).toMatch(/张总[\s\S]*李工|李工[\s\S]*张总/);
    expect(await details.textContent()).not.toContain(record.contacts[0].id.slice(0, 8));
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    const role = page.getByLabel('角色 · 李工');
    await role.waitFor();
    expect(await role.inputValue()).toBe('coach');
    const box = await role.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await role.selectOption({ label: '使用者' });
    await page.getByRole('button', { name: '移除 张总' }).click();
    const [patched] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes(`/api/v1/records/opportunity/${record.id}`) && r.request().method() === 'PATCH',
      ),
      page.getByRole('button', { name: /保存/ }).first().click(),
    ]);
    expect(patched.status(), await patched.text()).toBe(200);
    expect((await patched.json()).contacts).toEqual([{ id: record.contacts[1].id, role: 'user', influence: null }]);

    // The other side: the contact's related records list the opportunity with the contact's role on it.
    await page.goto(`/records/contact/${record.contacts[1].id}`);
    const linked = page.getByTestId('related-opportunity-contacts');
    await expect.poll(() => linked.getByRole('row').nth(1).textContent()).toMatch(/智能产线改造.*使用者/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
