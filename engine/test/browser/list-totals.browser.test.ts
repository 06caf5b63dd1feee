import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

/* A list says how many records its filters match and what their money adds up to, following the search. */
const { server, sessions } = useBrowserSuite();

beforeAll(async () => {
  const customer = await server.request('POST', '/api/v1/records/customer', {
    record_type: 'company',
    name: '杭州西湖智能制造有限公司',
    industry: 'manufacturing',
  });
  for (const [name, amount] of [
    ['MES 系统一期', 880000],
    ['MES 系统二期', 1200000.5],
    ['备件框架协议', 36000],
  ] as const) {
    const created = await server.request('POST', '/api/v1/records/opportunity', {
      name,
      customer: customer.body.id,
      amount,
    });
    expect(created.status).toBe(201);
  }
});

describe('list totals', () => {
  it('shows the count and the money total of the filtered list, in Chinese and in English', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto('/records/opportunity');
    const totals = page.getByTestId('list-totals');
    await expect.poll(() => totals.textContent()).toBe('共 3 条预计金额合计 ¥2,116,000.50');
    await page.getByRole('searchbox').fill('MES');
    await expect.poll(() => totals.textContent()).toBe('共 2 条预计金额合计 ¥2,080,000.50');

    const english = await sessions.open(server.adminToken, 'en');
    await english.goto('/records/opportunity?q=%E5%A4%87%E4%BB%B6');
    await expect
      .poll(() => english.getByTestId('list-totals').textContent())
      .toMatch(/^1 in total.+ total CN¥36,000\.00$/);
  });
});
