import { beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, useBrowserSuite } from '../support/browser.js';

/*
 * The duplicate hint while typing (the default template's customer): a salesperson sees who owns a
 * similar customer they cannot open, on a phone-sized screen, in Chinese; an administrator sees it
 * in English with a link; a duplicate credit code is refused on its field, not as an edit conflict.
 */
const { server, browser } = useBrowserSuite();
let existing: string;
let li: string;

beforeAll(async () => {
  const wang = await server.userToken({ email: 'wang@example.com', roles: ['salesperson'], displayName: '王销售' });
  li = (await server.userToken({ email: 'li@example.com', roles: ['salesperson'], displayName: '李销售' })).token;
  const created = await server.request(
    'POST',
    '/api/v1/records/customer',
    {
      record_type: 'company',
      name: '杭州西湖智能制造有限公司',
      industry: 'manufacturing',
      unifiedSocialCreditCode: '91330106MA2H0XY812',
    },
    { authorization: `Bearer ${wang.token}` },
  );
  expect(created.status).toBe(201);
  existing = created.body.id;
});

describe('the duplicate hint', () => {
  it('names the owner of a similar customer the salesperson cannot open, at 390 px, and refuses the same credit code on its field', async () => {
    const { context, page } = await signedInPage(browser, server.url, li, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/records/customer/new?type=company');
    await page.getByLabel('客户名称', { exact: true }).waitFor();
    await page.getByLabel('客户名称', { exact: true }).fill('杭州西湖智能制造股份');
    const hint = page.getByTestId('duplicates-name');
    // Still typing: the start of a stored name is a similar name.
    await expect
      .poll(() => hint.textContent(), { timeout: 10_000 })
      .toBe('名称相近：杭州西湖智能制造有限公司，负责人 王销售');
    expect(await hint.getByRole('link').count()).toBe(0);
    // The hint wraps inside the phone's width (the type cards above overflow by themselves, before any typing).
    const box = await hint.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);

    await page.getByLabel('客户名称', { exact: true }).fill('西湖数字科技');
    await expect.poll(() => page.getByTestId('duplicates-name').count()).toBe(0);
    await page.getByLabel('所属行业', { exact: true }).selectOption({ label: '制造业' });
    await page.getByLabel('统一社会信用代码', { exact: true }).fill('91330106MA2H0XY812');
    await expect
      .poll(() => page.getByTestId('duplicates-unifiedSocialCreditCode').textContent(), { timeout: 10_000 })
      .toBe('已存在：杭州西湖智能制造有限公司，负责人 王销售');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/records/customer') && r.request().method() === 'POST'),
      page
        .getByRole('button', { name: /创建|保存/ })
        .first()
        .click(),
    ]);
    expect(saved.status()).toBe(409);
    await expect
      .poll(() => page.getByTestId('error-unifiedSocialCreditCode').textContent())
      .toBe('已存在统一社会信用代码相同的客户');
    expect(await page.getByTestId('conflict').count()).toBe(0);
    await context.close();
  });

  it('links an administrator to the record, in English', async () => {
    const { context, page } = await signedInPage(browser, server.url, server.adminToken, 'en');
    await page.goto('/records/customer/new?type=company');
    await page.getByLabel('Name', { exact: true }).fill('杭州 西湖智能制造（集团）有限公司');
    const hint = page.getByTestId('duplicates-name');
    await expect
      .poll(() => hint.textContent(), { timeout: 10_000 })
      .toMatch(/^Already exists: 杭州西湖智能制造有限公司, owner 王销售/);
    expect(await hint.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe(`/records/customer/${existing}`);
    await context.close();
  });
});
