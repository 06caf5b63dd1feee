import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';
import { ADMIN_PASSWORD } from '../support/test-server.js';

/*
 * Passwords in a real Chromium against PostgreSQL (issue 12, item 15): a salesperson signs in and
 * changes their password from the header; an administrator resets a password on the studio's people
 * screen, and at the next sign-in the user must choose a new one before the app opens.
 */
let current: Page | undefined;
const { server, browser, sessions } = useBrowserSuite({
  ui: ['runtime-ui', 'studio'],
  server: { config: { loginsPerMinute: 10_000 } },
  failurePage: () => current,
});

const login = (email: string, password: string) =>
  server.request('POST', '/api/v1/auth/login', { email, password }, { authorization: '' });

/** A browser with nobody signed in, at the runtime UI's sign-in form, in Chinese. */
async function signIn(email: string, password: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript(() => localStorage.setItem('lodestar.lang', 'zh'));
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  current = page;
  await page.goto('/');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  return page;
}

async function fillChangeForm(page: Page, currentPassword: string, newPassword: string): Promise<void> {
  const form = page.getByRole('form', { name: '修改密码' });
  await form.getByLabel('当前密码').fill(currentPassword);
  await form.getByLabel(/^新密码/).fill(newPassword);
  await form.getByLabel('再次输入新密码').fill(newPassword);
  await form.getByRole('button', { name: '修改密码' }).click();
}

describe('passwords in the apps', () => {
  it('lets a signed-in user change their password from the header', async () => {
    await server.userToken({ email: 'wang.fang@example.com', displayName: '王芳', roles: ['salesperson'] });
    const page = await signIn('wang.fang@example.com', ADMIN_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    // A wrong current password is refused in Chinese; nothing changes.
    await fillChangeForm(page, 'not my password at all', 'my fresh password 1');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('当前密码不正确');
    await fillChangeForm(page, ADMIN_PASSWORD, 'my fresh password 1');
    await page.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
    await page.getByRole('button', { name: '关闭' }).click();
    expect((await login('wang.fang@example.com', ADMIN_PASSWORD)).status).toBe(401);
    expect((await login('wang.fang@example.com', 'my fresh password 1')).status).toBe(200);
    await page.context().close();
  });

  it('lets an administrator reset a password in the studio; the user must change it at next sign-in', async () => {
    const { token: old } = await server.userToken({
      email: 'li.lei@example.com',
      displayName: '李雷',
      roles: ['salesperson'],
    });
    const studio = await sessions.open(server.adminToken, 'zh');
    current = studio;
    await studio.goto('/studio/roles');
    const row = studio.locator('tr[data-user="li.lei@example.com"]');
    await row.getByRole('button', { name: '重置密码 李雷' }).click();
    await row.getByLabel('李雷 的临时密码').fill('temporary pass 42');
    await row.getByRole('button', { name: '设置临时密码' }).click();
    await studio.getByRole('status').filter({ hasText: '已为 李雷 设置临时密码' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('待修改密码');
    expect((await server.request('GET', '/api/v1/auth/me', undefined, { authorization: `Bearer ${old}` })).status).toBe(
      401,
    );

    const page = await signIn('li.lei@example.com', 'temporary pass 42');
    await page.getByText('您的密码是管理员设置的').waitFor();
    await fillChangeForm(page, 'temporary pass 42', 'only I know this one');
    // The app opens once the password is changed.
    await page.getByRole('button', { name: '退出' }).waitFor();
    expect(await page.getByRole('form', { name: '修改密码' }).count()).toBe(0);
    const me = await login('li.lei@example.com', 'only I know this one');
    expect(me.status).toBe(200);
    expect(me.body.user.mustChangePassword).toBe(false);
    await page.context().close();
  });
});
