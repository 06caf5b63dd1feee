import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, useBrowserSuite } from '../support/browser.js';
import { FIXTURES } from '../support/paths.js';

/*
 * Field rules by stage on a phone (390 px): an approved quote's discount is disabled with the reason,
 * a won quote says it is locked, leaves only its notes editable and does not show its cost.
 */
const { server, browser } = useBrowserSuite({
  server: { definitionsDir: join(FIXTURES, 'stage-rules') },
  failurePage: () => page,
});
let page: Page;
const quotes: Record<string, string> = {};

beforeAll(async () => {
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await server.request(method, `/api/v1/records${path}`, body);
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
    return response.body;
  };
  for (const [name, events] of [
    ['approved', ['SUBMIT']],
    ['won', ['SUBMIT', 'WIN']],
  ] as const) {
    const id = (await api('POST', '/quote', { name: `报价 ${name}`, amount: 1000, discount: 0.2, cost: 600 })).id;
    for (const type of events) await api('POST', `/quote/${id}/events`, { type });
    quotes[name] = id;
  }
  ({ page } = await signedInPage(browser, server.url, server.adminToken, 'zh'));
  await page.setViewportSize({ width: 390, height: 844 });
  page.setDefaultTimeout(15_000);
});

describe('field rules by stage in the record form', () => {
  it('disables a field read-only in the stage, with the reason as its hint and tooltip', async () => {
    await page.goto(`/records/quote/${quotes.approved}`);
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    const discount = page.locator('[data-field="discount"]');
    const input = discount.locator('input');
    await input.waitFor();
    expect(await input.getAttribute('readonly')).not.toBeNull();
    expect(await input.getAttribute('title')).toBe('已审批阶段不可修改');
    expect(await discount.locator('.ls-help').textContent()).toBe('已审批阶段不可修改');
    // Required in the stage: marked.
    expect(await discount.locator('.ls-required').count()).toBe(1);
    // Another field of the stage stays editable.
    expect(await page.locator('[data-field="amount"] input').getAttribute('readonly')).toBeNull();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('says a won quote is locked, keeps its notes editable and leaves its cost out', async () => {
    await page.goto(`/records/quote/${quotes.won}`);
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await page.getByTestId('stage-locked').waitFor();
    expect(await page.getByTestId('stage-locked').textContent()).toContain('已赢单');
    expect(await page.locator('[data-field="amount"] input').getAttribute('title')).toBe('已赢单阶段锁定');
    expect(await page.locator('[data-field="notes"] textarea').getAttribute('readonly')).toBeNull();
    expect(await page.locator('[data-field="cost"]').count()).toBe(0);
    expect(await page.locator('[data-field="costNote"]').count()).toBe(0);
  });
});
