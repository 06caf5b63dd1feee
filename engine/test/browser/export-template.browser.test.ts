import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, useBrowserSuite } from '../support/browser.js';

/* The list's Excel export and the import wizard's template, downloaded in Chromium and opened with exceljs. */
const { server, browser } = useBrowserSuite();

beforeAll(async () => {
  const res = await server.request('POST', '/api/v1/records/customer', {
    record_type: 'company',
    name: '表格导出公司',
    industry: 'retail',
    annualRevenue: 1234.5,
  });
  expect(res.status).toBe(201);
});

/** Clicks `testId` and opens the file the browser downloads. */
async function downloaded(page: Page, testId: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  return { name: download.suggestedFilename(), workbook };
}

const rowOf = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

describe('Excel in and out of the runtime UI', () => {
  it('导出 Excel downloads the list as a workbook: titles, labels and numbers', async () => {
    const { context, page } = await signedInPage(browser, server.url, server.adminToken, 'zh');
    await page.goto('/records/customer');
    await page.getByText('表格导出公司').first().waitFor();
    expect(await page.getByTestId('export-xlsx').textContent()).toBe('导出 Excel');
    const { name, workbook } = await downloaded(page, 'export-xlsx');
    expect(name).toMatch(/^customer-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('客户');
    const header = rowOf(sheet, 1);
    const ours = Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowOf(sheet, i + 2)).find((r) =>
      r.includes('表格导出公司'),
    )!;
    expect(ours[header.indexOf('所属行业')]).toBe('零售业');
    await context.close();
  });

  it('下载导入模板 in the import wizard gives the template with dropdowns and its explanations', async () => {
    const { context, page } = await signedInPage(browser, server.url, server.adminToken, 'zh');
    await page.goto('/records/customer');
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-dialog').waitFor();
    expect(await page.getByTestId('import-template').textContent()).toBe('下载导入模板');
    const { name, workbook } = await downloaded(page, 'import-template');
    expect(name).toBe('客户导入模板.xlsx');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['客户', '填写说明', '选项']);
    const header = rowOf(workbook.worksheets[0]!, 1);
    expect(header.slice(0, 2)).toEqual(['类型', '客户名称']);
    const industry = workbook.worksheets[0]!.getRow(2).getCell(header.indexOf('所属行业') + 1);
    expect(industry.value).toBe('制造业');
    expect(industry.dataValidation).toMatchObject({ type: 'list' });
    expect(rowOf(workbook.getWorksheet('填写说明')!, 1)).toEqual(['列名', '类型', '必填', '填写规则', '示例']);
    await context.close();
  });

  it('fits a phone: the export buttons and the template button stay on screen at 390 px', async () => {
    const { context, page } = await signedInPage(browser, server.url, server.adminToken, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/records/customer');
    for (const id of ['export-csv', 'export-xlsx']) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.x + box.width, id).toBeLessThanOrEqual(390);
    }
    await page.getByTestId('import-open').click();
    const box = (await page.getByTestId('import-template').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
