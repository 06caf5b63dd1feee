import { describe, expect, it } from 'vitest';
import { signedInPage, useBrowserSuite } from '../support/browser.js';
import { quoteSet } from '../support/line-item-definitions.js';

/* Line items in the record form: a grid saved with the quote in one request, amounts and totals live. */
const { server, browser } = useBrowserSuite({ ui: ['runtime-ui'], server: { definitions: quoteSet() } });

describe('line items in the record form', () => {
  it('creates a quote with its lines in one request; amounts and total are live and equal the server', async () => {
    const { context, page } = await signedInPage(browser, server.url, server.adminToken, 'en');
    await page.goto('/records/quote/new');
    await page.getByLabel('Name', { exact: true }).fill('Grid quote');
    const lines = [
      ['Pump', '3', '19.99'],
      ['Valve', '2', '0.335'],
      ['Hose', '10', '1.1'],
    ];
    for (const [i, [product, quantity, price]] of lines.entries()) {
      await page.getByRole('button', { name: 'Add a line' }).click();
      await page.getByLabel(`Product · Line ${i + 1}`).fill(product!);
      await page.getByLabel(`Quantity · Line ${i + 1}`).fill(quantity!);
      await page.getByLabel(`Unit price · Line ${i + 1}`).fill(price!);
    }
    // 3 × 19.99 = 59.97; 2 × 0.335 = 0.67; 10 × 1.1 = 11.00 → 71.64
    await expect.poll(() => page.getByTestId('line-1-amount').textContent()).toMatch(/0\.67/);
    await expect.poll(() => page.getByTestId('total-total').textContent()).toMatch(/71\.64/);
    expect(await page.getByTestId('total-lineCount').textContent()).toMatch(/3/);

    // A bad cell is marked before any request; moving the last line up changes the order that is saved.
    await page.getByLabel('Quantity · Line 2').fill('0');
    await expect.poll(() => page.getByText('Must be at least 1').count()).toBe(1);
    await page.getByLabel('Quantity · Line 2').fill('2');
    await page.getByRole('button', { name: 'Move up · Line 3' }).click();
    expect(await page.getByLabel('Product · Line 2').inputValue()).toBe('Hose');

    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/records/quote') && r.request().method() === 'POST'),
      page
        .getByRole('button', { name: /create|save/i })
        .first()
        .click(),
    ]);
    expect(saved.status()).toBe(201);
    const body = JSON.parse(saved.request().postData() ?? '{}');
    expect(body.lines.map((l: { product: string }) => l.product)).toEqual(['Pump', 'Hose', 'Valve']);
    expect(body.lines[0]).not.toHaveProperty('amount');
    const record = await saved.json();
    expect(record.total).toBe(71.64);
    expect(record.lines.map((l: { amount: number }) => l.amount)).toEqual([59.97, 11, 0.67]);

    // On a phone the saved quote's lines are cards within the screen, and an edit is live there too.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/records/quote/${record.id}`);
    // The record page reads as text until Edit.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const price = page.getByLabel('Unit price · Line 2');
    await price.waitFor();
    await price.fill('1.005');
    await expect.poll(() => page.getByTestId('total-total').textContent()).toMatch(/70\.69/);
    const box = await page.getByTestId('line-1').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    const [patched] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/quote/${record.id}`) && r.request().method() === 'PATCH'),
      page.getByRole('button', { name: /save/i }).first().click(),
    ]);
    expect(patched.status()).toBe(200);
    expect((await patched.json()).total).toBe(70.69);
    await context.close();
  });
});
