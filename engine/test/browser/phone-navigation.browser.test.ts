import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

/*
 * On a 390 px phone the runtime UI gives pages the whole width: the navigation is a drawer behind a
 * menu button, opened and closed by the user, and a new record's type cards fit the screen.
 */
const { server, sessions } = useBrowserSuite();
let token: string;

beforeAll(async () => {
  token = (await server.userToken({ email: 'phone@example.com', roles: ['salesperson'], displayName: '赵手机' })).token;
});

describe('the runtime UI on a phone', () => {
  it('hides the navigation behind 菜单, opens it as a drawer, and closes it on the way to a page', async () => {
    const page = await sessions.open(token, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByRole('heading', { name: /赵手机/ }).waitFor();
    const nav = page.getByRole('navigation', { name: '业务数据' });
    await expect(nav.isVisible()).resolves.toBe(false);
    // The page starts at the left edge, not beside a sidebar.
    const main = (await page.locator('.app-main').boundingBox())!;
    expect(main.x).toBe(0);
    expect(main.width).toBe(390);

    const menu = page.getByRole('button', { name: '菜单' });
    await menu.click();
    await nav.waitFor({ state: 'visible' });
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await nav.waitFor({ state: 'hidden' });

    await menu.click();
    await nav.getByRole('link', { name: '客户', exact: true }).click();
    await page.waitForURL(/\/records\/customer$/);
    await nav.waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
  });

  it('fits a new customer’s type cards into 390 px', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/records/customer/new');
    const card = page.getByRole('radio', { name: /政府机构/ });
    await card.waitFor();
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('keeps the sidebar beside the page on a laptop', async () => {
    const page = await sessions.open(token, 'en');
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Records' });
    await nav.waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
  });
});
