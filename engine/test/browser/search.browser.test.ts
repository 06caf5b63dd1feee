import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

/* A salesperson on a phone finds 张伟 by typing 张伟 or zw in the command palette and opens the contact. */
const { server, sessions } = useBrowserSuite();
const ids: Record<string, string> = {};

beforeAll(async () => {
  const customer = await server.request('POST', '/api/v1/records/customer', {
    record_type: 'company',
    name: '华东科技有限公司',
    industry: 'manufacturing',
  });
  expect(customer.status).toBe(201);
  for (const name of ['张伟', '王芳']) {
    const contact = await server.request('POST', '/api/v1/records/contact', { name, customer: customer.body.id });
    expect(contact.status).toBe(201);
    ids[name] = contact.body.id;
  }
});

describe('global search', () => {
  it('opens with Ctrl+K, finds 张伟 by name and by pinyin initials, and opens the record at 390 px', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByRole('button', { name: '搜索' }).waitFor();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: '全局搜索' });
    const input = dialog.getByRole('searchbox');
    await input.fill('张伟');
    const option = dialog.getByRole('option');
    await expect.poll(() => option.allTextContents()).toEqual([expect.stringContaining('张伟')]);
    await expect.poll(() => dialog.locator('mark').first().textContent()).toBe('张伟');
    await input.fill('zw');
    await expect.poll(() => dialog.getByRole('option').first().textContent()).toContain('拼音匹配');
    expect(await dialog.locator('[data-entity="contact"] .search-hit-title').allTextContents()).toEqual(['张伟']);
    // No sideways scroll on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/records/contact/${ids['张伟']}`);
    await expect.poll(() => page.getByRole('dialog', { name: '全局搜索' }).count()).toBe(0);
  });

  it('moves through results with the arrow keys and closes with Escape, in English', async () => {
    const page = await sessions.open(server.adminToken, 'en');
    await page.goto('/');
    await page.getByRole('button', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search everything' });
    await dialog.getByRole('searchbox').fill('华东');
    await expect.poll(() => dialog.getByRole('option').count()).toBe(1);
    await expect.poll(() => dialog.getByRole('heading').allTextContents()).toEqual(['Customer']);
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('option', { selected: true }).textContent()).toContain('华东科技有限公司');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
