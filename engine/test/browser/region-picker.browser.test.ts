import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

/* Province and city picked from China's list: the city field offers the chosen province's cities, at 390 px too. */
const { sessions, server } = useBrowserSuite({ ui: ['runtime-ui'] });

describe('the region picker', () => {
  it("offers the chosen province's cities and saves both names", async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/records/customer/new?type=company');
    await page.getByLabel('客户名称', { exact: true }).fill('杭州云栖数据科技有限公司');
    await page.getByLabel('所属行业', { exact: true }).selectOption({ label: '信息技术服务' });
    const province = page.getByLabel('省份', { exact: true });
    await expect.poll(() => province.locator('option').count()).toBe(35);
    await province.selectOption('浙江省');
    const city = page.getByLabel('城市', { exact: true });
    await city.focus();
    await expect.poll(() => city.locator('option').allTextContents()).toContain('杭州市');
    expect(await city.locator('option').allTextContents()).not.toContain('苏州市');
    await city.selectOption('杭州市');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/records/customer') && r.request().method() === 'POST'),
      page
        .getByRole('button', { name: /创建|保存/ })
        .first()
        .click(),
    ]);
    expect(saved.status(), await saved.text()).toBe(201);
    expect(await saved.json()).toMatchObject({ province: '浙江省', city: '杭州市' });
  });
});
