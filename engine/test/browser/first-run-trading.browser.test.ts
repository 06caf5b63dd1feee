import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type RunningEngine } from '../../src/main.js';
import { keepFailureScreenshot, launchBrowser, requireBuiltUi } from '../support/browser.js';
import { REPO_ROOT } from '../support/paths.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

/*
 * Issue 16's first run in a real Chromium on PostgreSQL, in Chinese on a 390 px phone: the first
 * administrator ticks 加载示例数据, keeps the default 贸易公司全套, and watches the page name each step
 * (安装「销售到回款」1/4 …, then the sample data file by file) with a progress bar, until the app opens on a
 * trading company with quotes and payments.
 */

let testDb: TestDb;
let engine: RunningEngine;
let browser: Browser;
let page: Page | undefined;
const count = async (table: string) => Number((await testDb.db.knex(table).count({ n: '*' }))[0]!.n);

beforeAll(async () => {
  requireBuiltUi(['runtime-ui']);
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

/** Whether the page is wider than the phone (something would scroll sideways). */
const overflows = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe('the first run of a trading company', () => {
  it('installs the trading templates with visible progress and opens the app on their sample data', async () => {
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
    // The choice appears once sample data are asked for, the trading company chosen by default.
    expect(await page.getByLabel(/贸易公司全套/).count()).toBe(0);
    await page.getByLabel('加载示例数据').check();
    await expect.poll(() => page!.getByLabel(/贸易公司全套/).isChecked()).toBe(true);
    expect(await page.getByLabel('标准 CRM 示例').isChecked()).toBe(false);
    expect(await overflows(page)).toBe(false);
    await page.getByRole('button', { name: '创建并登录' }).click();

    await page.getByRole('heading', { name: '正在准备示例公司' }).waitFor();
    await page
      .getByRole('status')
      .getByText(/正在安装「.+」（[1-4]\/4）…/)
      .waitFor();
    const bar = page.getByRole('progressbar');
    await bar.waitFor();
    await page.getByRole('listitem').filter({ hasText: '安装「销售到回款」' }).waitFor();
    expect(await page.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('安装「销售到回款」'),
      expect.stringContaining('安装「客户公海」'),
      expect.stringContaining('安装「市场营销」'),
      expect.stringContaining('安装「客户服务」'),
      expect.stringContaining('加载示例数据'),
    ]);
    expect(await overflows(page)).toBe(false);
    // The templates are in; the sample data load file by file, and the bar moves on.
    await page
      .getByRole('status')
      .getByText(/正在加载示例数据（\d+\/\d+）…/)
      .waitFor({ timeout: 120_000 });
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 300_000 })
      .toBeGreaterThan(20);
    expect(await overflows(page)).toBe(false);

    // The app (on a phone: its menu button) opens on the trading company.
    await page.getByRole('button', { name: '菜单' }).waitFor({ timeout: 400_000 });
    expect(await count('quote')).toBeGreaterThan(0);
    expect(await count('payment')).toBeGreaterThan(0);
    await context.close();
  }, 600_000);
});
