import { beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, useBrowserSuite } from '../support/browser.js';
import { ADMIN_PASSWORD } from '../support/test-server.js';

/* Signing in and out through the real form, and the navigation a role gets, in a real Chromium. */
const { server, browser } = useBrowserSuite();
let agentToken = '';

beforeAll(async () => {
  agentToken = (await server.userToken({ email: 'lin@example.com', displayName: '林晓', roles: ['serviceAgent'] }))
    .token;
});

describe('signing in', () => {
  it('a wrong password is refused on the form; the right one opens the app with the navigation of the role', async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'zh-CN',
      viewport: { width: 1366, height: 768 },
    });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('邮箱').fill('lin@example.com');
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBeTruthy();

    await page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    const nav = page.getByRole('navigation', { name: '业务数据' });
    await nav.getByRole('link', { name: '客户', exact: true }).waitFor();
    // A service agent reads customers, contacts and service requests; the studio link is for admins only.
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toContain('服务工单');
    expect(await page.getByRole('link', { name: '工作室' }).count()).toBe(0);

    await page.getByRole('button', { name: '退出' }).click();
    await page.getByLabel('邮箱').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('lodestar.token'))).toBeNull();
    await context.close();
  });

  it('keeps the studio for administrators', async () => {
    const { context, page } = await signedInPage(browser, server.url, agentToken, 'zh');
    await page.goto('/studio/');
    await page.getByText('只有管理员可以使用工作室。').waitFor();
    await context.close();
  });

  it('switches the whole app between Chinese and English', async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'en-US',
      viewport: { width: 1366, height: 768 },
    });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Email').fill('admin@lodestar.test');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('navigation', { name: 'Records' })
      .getByRole('link', { name: 'Customer', exact: true })
      .waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('navigation', { name: '业务数据' }).getByRole('link', { name: '客户', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await context.close();
  });
});
