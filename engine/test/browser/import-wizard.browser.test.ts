import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { signedInPage, useBrowserSuite } from '../support/browser.js';

/* The list's 导入 wizard at phone width: a Chinese XLSX, a test run naming the bad row, the import, the error file, undo. */
const { server, browser } = useBrowserSuite();

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('客户');
  sheet.addRow(['客户名称', '记录类型', '所属行业', '统一社会信用代码', '年营业额', '传真']);
  sheet.addRow(['向导一号', '企业客户', '制造业', '91330100MA2C000001', '¥1,000', '1']);
  sheet.addRow(['向导二号', '企业客户', '零售业', '91330100MA2C000002', 2000, '2']);
  sheet.addRow(['向导三号', '企业客户', '种田', '91330100MA2C000003', 3000, '3']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('the import wizard', () => {
  it('test-runs, imports the good rows with the bad one reported in Chinese, and undoes, at 390 px', async () => {
    const { context, page } = await signedInPage(browser, server.url, server.adminToken, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/records/customer');
    await page.getByTestId('import-open').click();
    const dialog = page.getByTestId('import-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.getByTestId('import-file').setInputFiles({
      name: '客户.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook(),
    });
    // Nothing sticks out of a phone's screen.
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);

    // The mapping step: the unknown column is named, and leaving it out clears the problem.
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.textContent()).toContain('没有名为“传真”的字段');
    expect(await preview.textContent()).toContain('1000'); // ¥1,000 converted
    await preview.getByLabel('传真').selectOption('name');
    await expect.poll(() => preview.textContent()).toContain('有多列对应同一字段');
    await preview.getByLabel('传真').selectOption('');
    await expect.poll(() => preview.textContent()).not.toContain('没有名为“传真”的字段');

    await page.getByTestId('import-test-run').click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('试运行完成，未写入任何数据');
    await expect.poll(() => page.getByTestId('import-issues').textContent()).toContain('种田');
    expect(await page.getByTestId('import-issues').textContent()).toContain('应为以下之一');
    expect(Number((await server.testDb.db.knex('customer').count({ n: '*' }))[0]!.n)).toBe(0);

    await page.getByTestId('import-skip-bad').check();
    await page.getByTestId('import-run').click();
    await expect
      .poll(() => page.getByTestId('import-result').textContent())
      .toContain('导入完成：共 3 行，新建 2 条，更新 0 条，跳过有问题的 1 行。');
    await expect.poll(() => page.getByRole('button', { name: '下载错误文件（Excel）' }).isVisible()).toBe(true);
    expect(Number((await server.testDb.db.knex('customer').count({ n: '*' }))[0]!.n)).toBe(2);

    await page.getByTestId('import-undo').click();
    await expect.poll(() => dialog.textContent()).toContain('已撤销：删除 2 条新建记录');
    expect(Number((await server.testDb.db.knex('customer').count({ n: '*' }))[0]!.n)).toBe(0);
    await context.close();
  }, 120_000);
});
