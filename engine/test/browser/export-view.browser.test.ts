import { beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, useBrowserSuite } from '../support/browser.js';

/* The list's Export button downloads the view itself: its columns under their titles, in the user's language and zone. */
const { server, browser } = useBrowserSuite();

beforeAll(async () => {
  await server.request('POST', '/api/v1/records/customer', {
    record_type: 'company',
    name: '导出测试公司',
    industry: 'retail',
  });
});

describe('the Export button', () => {
  it('asks for the shown columns, the language and the time zone, and gets titles and labels back', async () => {
    const { context, page } = await signedInPage(browser, server.url, server.adminToken, 'zh');
    await page.goto('/records/customer');
    await page.getByText('导出测试公司').first().waitFor();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/records/customer/export?')),
      page.getByTestId('export-csv').click(),
    ]);
    const query = new URL(response.url()).searchParams;
    expect(query.get('lang')).toBe('zh');
    expect(query.get('tz')).toBe('Asia/Shanghai');
    const columns = query.get('fields')!.split(',');
    expect(columns).toContain('name');
    // What the button asked for, fetched again here (the browser hands the body to a download, not to the test).
    const fetched = await fetch(response.url(), { headers: { authorization: `Bearer ${server.adminToken}` } });
    const [header, ...rows] = (await fetched.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header!.split(',')[columns.indexOf('name')]).toBe('客户名称');
    expect(header).not.toMatch(/\bname\b|owner_id|created_at/);
    const ours = rows.find((row) => row.includes('导出测试公司'))!;
    expect(columns).toContain('industry');
    expect(ours).toContain('零售业');
    await context.close();
  });
});
