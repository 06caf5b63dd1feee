import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

/*
 * The studio as a new administrator meets it (issue 12): no error on any screen while no draft exists, and a
 * template exported under a Chinese name, its problems listed one by one when the version is unusable.
 */
const { server, sessions } = useBrowserSuite({ ui: ['studio'] });

/** Every API answer of 400 or above the page receives, as `<status> <method> <path>`. */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/') && response.status() >= 400)
      failed.push(`${response.status()} ${response.request().method()} ${url.pathname}`);
  });
  return failed;
}

describe('the studio without a draft', () => {
  it('opens every screen without a failed request', async () => {
    expect((await server.request('GET', '/api/v1/meta/drafts?id=studio')).body.data).toEqual([]);
    const page = await sessions.open(server.adminToken, 'zh');
    const failed = failedRequests(page);
    for (const screen of ['entities', 'workflows', 'roles', 'versions', 'templates', 'publish']) {
      await page.goto(`/studio/${screen}`);
      await page.waitForLoadState('networkidle');
    }
    await page.goto('/studio/entities');
    await page.getByRole('link', { name: /商机/ }).first().click();
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
  });

  it('downloads a template named in Chinese, and lists the problem of an unusable version', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto('/studio/templates');
    await page.getByLabel('模板名称').fill('华东制造业CRM');
    await page.getByLabel('模板版本').fill('1.0');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载模板文件' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('华东制造业CRM-1.0.template.json');

    await page.getByLabel('模板版本').fill('最新版');
    await page.getByRole('button', { name: '下载模板文件' }).click();
    const problems = page.getByTestId('export-issues');
    await problems.waitFor();
    expect(await problems.locator('tr[data-keyword="version"]').count()).toBe(1);
    expect(await problems.textContent()).toContain('版本须为用点分隔的数字');
    expect(await problems.textContent()).toContain('模板名称或版本有 1 个问题');
  });
});
