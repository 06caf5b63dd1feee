import { beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, useBrowserSuite } from '../support/browser.js';
import { FORMULA_DEFINITIONS } from '../support/formula-definitions.js';

/* A formula field in the runtime form: computed live as the user types, read-only, and equal to the server's value after save. */
const { server, browser } = useBrowserSuite({ server: { definitions: FORMULA_DEFINITIONS } });
let keyCustomer: string;

beforeAll(async () => {
  keyCustomer = (await server.request('POST', '/api/v1/records/customer', { name: 'Key account', level: 'key' })).body
    .id;
});

describe('a formula field in the form', () => {
  it('shows the value live, cannot be typed in, and matches the server to the cent after save', async () => {
    const { context, page } = await signedInPage(browser, server.url, server.adminToken, 'en');
    await page.goto(`/records/quote/new?customer=${keyCustomer}`);
    const total = page.getByLabel('Total', { exact: true });
    const commission = page.getByLabel('Commission', { exact: true });
    await page.getByLabel('Title', { exact: true }).fill('Live quote');
    await page.getByLabel('Amount', { exact: true }).fill('1234.56');
    // Money shows as it is written elsewhere, grouped in thousands.
    await expect.poll(() => total.inputValue()).toBe('1,234.56');
    await page.getByLabel('Discount', { exact: true }).fill('0.15');
    // 1234.56 × 0.85 = 1049.376 → 1049.38; the key customer's 5% of it = 52.469 → 52.47 (read from the customer)
    await expect.poll(() => total.inputValue()).toBe('1,049.38');
    await expect.poll(() => commission.inputValue()).toBe('52.47');
    // The amount typed, once left, reads as money does everywhere: grouped, to the cent.
    expect(await page.getByLabel('Amount', { exact: true }).inputValue()).toBe('1,234.56');
    expect(await total.getAttribute('readonly')).not.toBeNull();

    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/records/quote') && r.request().method() === 'POST'),
      page
        .getByRole('button', { name: /create|save/i })
        .first()
        .click(),
    ]);
    expect(saved.status()).toBe(201);
    const body = JSON.parse(saved.request().postData() ?? '{}');
    expect(body).not.toHaveProperty('total');
    expect(body).not.toHaveProperty('commission');
    const record = await saved.json();
    expect([record.total, record.commission]).toEqual([1049.38, 52.47]);

    // The list shows the computed value as a column; on a phone the live cell stays within the screen.
    await page.goto('/records/quote?cols=title,total,commission');
    await page.getByText('Live quote').first().waitFor();
    expect(await page.getByRole('table').first().textContent()).toMatch(/1,?049\.38[\s\S]*52\.47/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/records/quote/new?customer=${keyCustomer}`);
    await page.getByLabel('Amount', { exact: true }).fill('10.05');
    await expect.poll(() => total.inputValue()).toBe('10.05');
    const box = await total.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await context.close();
  });
});
