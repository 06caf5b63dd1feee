import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type RunningEngine } from '../../src/main.js';
import { keepFailureScreenshot, launchBrowser, requireBuiltUi } from '../support/browser.js';
import { REPO_ROOT } from '../support/paths.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

/*
 * Sample data from the UI in a real Chromium on PostgreSQL: on a brand-new installation the first
 * administrator ticks 加载示例数据 on a phone-sized first-run page, the app opens on the loaded demo company,
 * and the studio's 模板库 removes it again after its in-app confirmation.
 */

let testDb: TestDb;
let engine: RunningEngine;
let browser: Browser;
let page: Page | undefined;
const customers = async () => Number((await testDb.db.knex('customer').count({ n: '*' }))[0]!.n);

beforeAll(async () => {
  requireBuiltUi(['runtime-ui', 'studio']);
  testDb = await createTestDb();
  engine = await startEngine(
    { port: 0, db: { dataDir: 'unused' }, definitionsDir: REPO_ROOT, logLevel: 'silent', timerPollMs: 100 },
    { db: testDb.db, seed: true },
  );
  browser = await launchBrowser();
}, 120_000);

afterEach(({ task }) => keepFailureScreenshot(page, task));

afterAll(async () => {
  await browser?.close();
  await engine?.close();
  await testDb?.drop();
});

describe('sample data from the UI', () => {
  it('loads from the first-run page and is removed from the studio in one step', async () => {
    const context = await browser.newContext({
      baseURL: engine.url,
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
    });
    page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: '创建管理员账号' }).waitFor();
    await page.getByLabel('姓名').fill('王总');
    await page.getByLabel('邮箱').fill('boss@example.com');
    await page.getByLabel('密码').fill('a proper passphrase');
    await page.getByLabel('加载示例数据').check();
    // The trading company (its own test: first-run-trading.browser.test.ts) is the default; here the standard CRM's.
    await page.getByLabel('标准 CRM 示例').check();
    expect(await customers()).toBe(0);
    await page.getByRole('button', { name: '创建并登录' }).click();
    await page.getByText(/正在加载示例数据/).waitFor();
    // The app (on a phone: its menu button) opens once the demo company is in: the standard CRM's 500 customers.
    await page.getByRole('button', { name: '菜单' }).waitFor({ timeout: 200_000 });
    expect(await customers()).toBe(500);

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/studio/templates');
    const panel = page.getByTestId('demo-data');
    await panel.getByRole('heading', { name: '示例数据' }).waitFor();
    // A second load is refused with the engine's Chinese words; nothing changes.
    await panel.getByRole('button', { name: '加载示例数据' }).click();
    await panel.getByText('示例数据已经加载过了').waitFor();
    await panel.getByRole('button', { name: '删除示例数据' }).click();
    const dialog = page.getByRole('dialog', { name: '删除全部示例数据？' });
    await dialog.getByRole('button', { name: '删除示例数据' }).click();
    await panel.getByText(/已删除 \d+ 条示例记录和 \d+ 个示例用户。/).waitFor({ timeout: 120_000 });
    expect(await customers()).toBe(0);
    await context.close();
  }, 400_000);
});
