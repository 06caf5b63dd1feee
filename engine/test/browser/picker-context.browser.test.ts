import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

/* Relation pickers that know the form they sit in: an opportunity's contacts come from its customer first. */
const { server, sessions } = useBrowserSuite({ ui: ['runtime-ui'] });
const customers = { west: '', port: '' };

beforeAll(async () => {
  const customer = async (name: string) =>
    (await server.request('POST', '/api/v1/records/customer', { record_type: 'company', name, industry: 'retail' }))
      .body.id as string;
  customers.west = await customer('杭州西湖智能制造有限公司');
  customers.port = await customer('宁波港机设备有限公司');
  for (const [name, of] of [
    ['张敏', customers.port],
    ['张总', customers.west],
    ['李工', customers.west],
  ] as const)
    expect((await server.request('POST', '/api/v1/records/contact', { name, customer: of })).status).toBe(201);
});

describe('a relation picker in context', () => {
  it("offers the opportunity's customer's contacts first, marked, then the others", async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto(`/records/opportunity/new?customer=${customers.west}`);
    const search = page.getByPlaceholder('添加…');
    await search.click();
    const options = page.getByRole('listbox').getByRole('option');
    // The customer's own contacts first (in the list's order, which two records created together may tie on).
    await expect.poll(async () => (await options.allTextContents()).length).toBe(3);
    const offered = await options.allTextContents();
    expect(offered.slice(0, 2).sort()).toEqual(['张总 同一客户', '李工 同一客户'].sort());
    expect(offered[2]).toBe('张敏');
    await search.fill('张');
    await expect.poll(() => options.allTextContents()).toEqual(['张总 同一客户', '张敏']);

    // Another customer chosen in the same form: the picker follows it.
    await page.getByRole('button', { name: /清除 客户/ }).click();
    const customer = page.locator('[data-field="customer"]').getByRole('combobox');
    await customer.fill('宁波');
    await page.getByRole('option', { name: /宁波港机设备有限公司/ }).click();
    await search.fill('');
    await search.fill('张');
    await expect.poll(() => options.allTextContents()).toEqual(['张敏 同一客户', '张总']);
  });
});
