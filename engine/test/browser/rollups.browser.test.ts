import { beforeAll, describe, expect, it } from 'vitest';
import { draftSaved, signedInPage, useBrowserSuite } from '../support/browser.js';
import { contractSet } from '../support/rollup-definitions.js';

/* Roll-ups in the apps: read-only values on the record page and in lists; the studio's roll-up pickers. */
const { server, browser } = useBrowserSuite({ ui: ['runtime-ui', 'studio'], server: { definitions: contractSet() } });
let contract: string;

beforeAll(async () => {
  contract = (await server.request('POST', '/api/v1/records/contract', { name: 'Rolled' })).body.id;
  for (const amount of [1200.5, 300])
    await server.request('POST', '/api/v1/records/payment', { amount, status: 'received', contract });
});

describe('roll-ups in the runtime UI', () => {
  it('shows the values read-only on the record page and as list columns, also at 390 px', async () => {
    const { context, page } = await signedInPage(browser, server.url, server.adminToken, 'en');
    await page.goto(`/records/contract/${contract}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const paid = page.getByLabel('Paid', { exact: true });
    await expect.poll(() => paid.inputValue()).toMatch(/^1,?500\.5/);
    expect(await paid.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByLabel('Lines', { exact: true }).inputValue()).toBe('2');

    await page.goto('/records/contract?cols=name,lineCount,paidTotal&sort=-paidTotal');
    await page.getByText('Rolled').first().waitFor();
    expect(await page.getByRole('table').first().textContent()).toMatch(/Rolled[\s\S]*2[\s\S]*1,?500\.50/);

    // A new record has no lines yet: its form does not offer the roll-ups.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/records/contract/new');
    await page.getByLabel('name', { exact: false }).first().waitFor();
    expect(await page.getByLabel('Paid', { exact: true }).count()).toBe(0);
    await context.close();
  });
});

describe('roll-ups in the studio', () => {
  it('adds a roll-up with pickers for the child, its relation, the summary, the field and a filter', async () => {
    const { context, page } = await signedInPage(browser, server.url, server.adminToken, 'zh');
    await page.goto('/studio/entities/contract');
    await page.getByRole('table', { name: '字段' }).waitFor();
    await page.getByRole('button', { name: '添加字段' }).click();
    const dialog = page.getByRole('dialog', { name: '添加字段' });
    // The field's id is derived from its title; typed here under 高级 to keep the test's name.
    await dialog.locator('summary', { hasText: '高级' }).click();
    await dialog.getByLabel('字段标识', { exact: true }).fill('plannedTotal');
    await dialog.getByLabel('字段类型', { exact: true }).selectOption('money');
    await dialog.getByLabel('汇总字段：值由关联的子记录汇总得出，只读').check();
    await dialog.getByLabel('汇总的子对象').selectOption('payment');
    // The only relation from payment to contract is picked by itself.
    expect(await dialog.getByLabel('通过哪个关联字段指向本对象').inputValue()).toBe('contract');
    await dialog.getByLabel('汇总方式').selectOption('sum');
    await dialog.getByLabel('汇总的字段').selectOption('amount');
    await dialog.getByLabel(/筛选条件/).fill('status = "planned"');
    await dialog.getByRole('button', { name: '完成' }).click();
    await page.locator('tr[data-field="plannedTotal"]').waitFor();
    await draftSaved(page);
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions;
    const field = draft.entities.find((e: { $id: string }) => e.$id === 'contract').properties.plannedTotal;
    expect(field['x-rollup']).toEqual({
      from: 'payment',
      via: 'contract',
      op: 'sum',
      field: 'amount',
      where: 'status = "planned"',
    });
    await context.close();
  });
});
