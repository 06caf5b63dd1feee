import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserSessions, keepFailureScreenshot, launchBrowser, requireBuiltUi } from '../support/browser.js';
import { FIXTURES } from '../support/paths.js';
import { QUOTE_LINES, quoteYear } from '../support/quote-to-cash.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/*
 * Issue 14's "done means" in the browser, in Chinese, on the equipment-trading template: a salesperson
 * creates a quote with 10 lines in one request and sees amounts, subtotal and total computed live to the
 * cent the server stores; numbers count up; the approved discount is disabled with the reason; a
 * customer's credit code written differently is refused on its field and a similar name is flagged
 * while typing (at 390 px); the administrator finds the formula, roll-up, numbering and stage rule in
 * the studio.
 */
let server: TestServer;
let browser: Browser;
const sessions = browserSessions(
  () => browser,
  () => server.url,
);
const users = { seller: '', manager: '' };
let customerId = '';
let firstQuote = '';

beforeAll(async () => {
  requireBuiltUi(['runtime-ui', 'studio']);
  server = await startTestServer({ definitionsDir: join(FIXTURES, 'quote-to-cash') });
  const wang = await server.userToken({ email: 'wang@example.com', roles: ['salesperson'], displayName: '王销售' });
  users.seller = (
    await server.userToken({ email: 'li@example.com', roles: ['salesperson'], displayName: '李销售' })
  ).token;
  users.manager = (
    await server.userToken({ email: 'zhao@example.com', roles: ['salesManager'], displayName: '赵经理' })
  ).token;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const theirs = await server.request(
    'POST',
    '/api/v1/records/customer',
    { name: '杭州西湖智能制造有限公司', creditCode: '91330106MA2H0XY812' },
    as(wang.token),
  );
  expect(theirs.status).toBe(201);
  const mine = await server.request(
    'POST',
    '/api/v1/records/customer',
    { name: '宁波港机设备有限公司', creditCode: '91330200MA2AB3CD4E' },
    as(users.seller),
  );
  expect(mine.status).toBe(201);
  customerId = mine.body.id;
  browser = await launchBrowser();
});

afterEach(({ task }) => keepFailureScreenshot(sessions.current(), task));

afterAll(async () => {
  await sessions.close();
  await browser?.close();
  await server?.close();
});

/** The number a money cell or input shows ("¥256,000.00" → 256000). */
const amountOf = (text: string | null) => Number((text ?? '').replace(/[^\d.-]/g, ''));

/** Every record write the page sends. */
function recordWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/records/') && ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method()))
      if (!r.url().endsWith('/duplicates')) writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  return writes;
}

async function save(page: Page, method: 'POST' | 'PATCH') {
  const [saved] = await Promise.all([
    page.waitForResponse((r) => /\/api\/v1\/records\/quote(\/|$)/.test(r.url()) && r.request().method() === method),
    page
      .getByRole('button', { name: /创建|保存/ })
      .first()
      .click(),
  ]);
  return saved;
}

describe('quote to cash in the runtime UI', () => {
  it('creates a quote with 10 lines in one request; amounts, subtotal and total are live and equal the server to the cent', async () => {
    const page = await sessions.open(users.seller, 'zh');
    const writes = recordWrites(page);
    await page.goto('/records/quote/new?type=standard');
    const customer = page.locator('[data-field="customer"]').getByRole('combobox');
    await customer.fill('宁波');
    await page.getByRole('option', { name: /宁波港机设备有限公司/ }).click();
    const salesperson = page.getByLabel('销售负责人', { exact: true });
    await salesperson.click();
    await page.getByRole('option', { name: /我（李销售）/ }).click();
    await page.getByLabel('折扣率', { exact: true }).fill('0.15');
    for (const [i, [product, quantity, price]] of QUOTE_LINES.entries()) {
      await page.getByRole('button', { name: '添加一行' }).click();
      await page.getByLabel(`产品 · 第 ${i + 1} 行`).fill(product);
      await page.getByLabel(`数量 · 第 ${i + 1} 行`).fill(String(quantity));
      await page.getByLabel(`单价 · 第 ${i + 1} 行`).fill(String(price));
    }
    // Computed in the browser before any request: each amount, the subtotal, and the total after 15% off.
    const liveAmounts: number[] = [];
    for (let i = 0; i < QUOTE_LINES.length; i++)
      liveAmounts.push(amountOf(await page.getByTestId(`line-${i}-amount`).textContent()));
    expect(liveAmounts).toEqual([256000, 7360, 12456, 4797, 2450.4, 38000, 2336.25, 599.97, 18600, 63.1]);
    await expect.poll(async () => amountOf(await page.getByTestId('total-subtotal').textContent())).toBe(342662.72);
    const total = page.locator('[data-field="total"] input');
    await expect.poll(async () => amountOf(await total.inputValue())).toBe(291263.31);
    expect(writes).toEqual([]);
    // A discount above 30% on a standard quote is the rule's message beside the field, before any request.
    const discount = page.locator('[data-field="discount"]');
    await discount.locator('input').fill('0.35');
    await page
      .getByRole('button', { name: /创建|保存/ })
      .first()
      .click();
    await expect.poll(() => discount.textContent()).toContain('折扣超过 30% 仅限战略报价');
    expect(writes).toEqual([]);
    await discount.locator('input').fill('0.15');
    await expect.poll(async () => amountOf(await total.inputValue())).toBe(291263.31);

    const saved = await save(page, 'POST');
    expect(saved.status()).toBe(201);
    expect(writes).toEqual(['POST /api/v1/records/quote']);
    const sent = JSON.parse(saved.request().postData() ?? '{}');
    expect(sent.lines).toHaveLength(10);
    expect(sent).not.toHaveProperty('total');
    const record = await saved.json();
    firstQuote = record.id;
    expect(record.number).toBe(`QT-${quoteYear()}-0001`);
    expect(record.lines.map((l: { amount: number }) => l.amount)).toEqual(liveAmounts);
    expect(record.subtotal).toBe(342662.72);
    expect(record.total).toBe(291263.31);
    expect(record.customer).toBe(customerId);
    // The record page shows the number the engine drew.
    await expect.poll(() => page.getByTestId('record-number').textContent()).toBe(`QT-${quoteYear()}-0001`);
  });

  it('numbers the next quote 0002, created on a phone', async () => {
    const page = await sessions.open(users.seller, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/records/quote/new?type=standard');
    await page.locator('[data-field="customer"]').getByRole('combobox').fill('宁波');
    await page.getByRole('option', { name: /宁波港机设备有限公司/ }).click();
    await page.getByRole('button', { name: '添加一行' }).click();
    await page.getByLabel('产品 · 第 1 行').fill('备件包');
    await page.getByLabel('数量 · 第 1 行').fill('2');
    await page.getByLabel('单价 · 第 1 行').fill('99.5');
    await expect.poll(async () => amountOf(await page.locator('[data-field="total"] input').inputValue())).toBe(199);
    const box = await page.getByTestId('line-0').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    const saved = await save(page, 'POST');
    expect(saved.status()).toBe(201);
    expect((await saved.json()).number).toBe(`QT-${quoteYear()}-0002`);
    await expect.poll(() => page.getByTestId('record-number').textContent()).toBe(`QT-${quoteYear()}-0002`);
    // On the stored quote (after 编辑) a changed line moves the total live too, and the patch agrees.
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await page.getByLabel('数量 · 第 1 行').fill('3');
    await expect.poll(async () => amountOf(await page.locator('[data-field="total"] input').inputValue())).toBe(298.5);
    const patched = await save(page, 'PATCH');
    expect(patched.status()).toBe(200);
    expect((await patched.json()).total).toBe(298.5);
  });

  it('submits and approves in the UI, then disables the discount with the reason at 390 px and refuses changing it over HTTP naming field and stage', async () => {
    // The salesperson submits, the sales manager approves (the button the salesperson does not get).
    const submit = async (token: string, event: string, stage: string) => {
      const p = await sessions.open(token, 'zh');
      await p.goto(`/records/quote/${firstQuote}`);
      const [sent] = await Promise.all([
        p.waitForResponse((r) => r.url().endsWith(`/quote/${firstQuote}/events`)),
        p.locator(`[data-event="${event}"]`).click(),
      ]);
      expect(sent.status()).toBe(200);
      await p.getByTestId('stage-path').locator(`[data-state="${stage}"][aria-current="step"]`).waitFor();
      return p;
    };
    const seller = await submit(users.seller, 'SUBMIT', 'pendingApproval');
    expect(await seller.locator('[data-event="APPROVE"]:not([disabled])').count()).toBe(0);
    await submit(users.manager, 'APPROVE', 'approved');

    const page = await sessions.open(users.seller, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/records/quote/${firstQuote}`);
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    const discount = page.locator('[data-field="discount"]');
    const input = discount.locator('input');
    await input.waitFor();
    expect(await input.getAttribute('readonly')).not.toBeNull();
    expect(await input.getAttribute('title')).toBe('已审批阶段不可修改');
    expect(await discount.locator('.ls-help').textContent()).toBe('已审批阶段不可修改');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const stored = (await server.request('GET', `/api/v1/records/quote/${firstQuote}`)).body;
    const raised = await server.request(
      'PATCH',
      `/api/v1/records/quote/${firstQuote}`,
      { discount: 0.25, version: stored.version },
      { authorization: `Bearer ${users.seller}` },
    );
    expect(raised.status).toBe(422);
    expect(raised.body.issues).toEqual([
      expect.objectContaining({
        pointer: '/discount',
        keyword: 'stageReadOnly',
        i18n: { en: 'Discount cannot be changed in stage "Approved"', zh: '折扣率在“已审批”阶段不可修改' },
      }),
    ]);
  });

  it('flags a similar customer name while typing and refuses a credit code written differently, at 390 px', async () => {
    const page = await sessions.open(users.seller, 'zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/records/customer/new');
    const name = page.getByLabel('客户名称', { exact: true });
    await name.fill('杭州西湖智能制造股份');
    const hint = page.getByTestId('duplicates-name');
    await expect
      .poll(() => hint.textContent(), { timeout: 10_000 })
      .toBe('名称相近：杭州西湖智能制造有限公司，负责人 王销售');
    const box = await hint.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await name.fill('杭州西湖智造');
    // The same code in full-width characters, lower case and with spaces: named while typing, refused on save.
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(' ９１３３０１０６ ma2h０xy８１２');
    await expect
      .poll(() => page.getByTestId('duplicates-creditCode').textContent(), { timeout: 10_000 })
      .toBe('已存在：杭州西湖智能制造有限公司，负责人 王销售');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/records/customer') && r.request().method() === 'POST'),
      page
        .getByRole('button', { name: /创建|保存/ })
        .first()
        .click(),
    ]);
    expect(saved.status()).toBe(409);
    expect((await saved.json()).issues).toEqual([expect.objectContaining({ pointer: '/creditCode' })]);
    await expect
      .poll(() => page.getByTestId('error-creditCode').textContent())
      .toBe('已存在统一社会信用代码相同的客户');
  });
});

describe('the quote in the studio', () => {
  it('shows the formula, the roll-up, the numbering and the stage rule to the administrator', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto('/studio/entities/quote');
    await page.getByRole('table', { name: '字段' }).waitFor();
    // The fields table marks the computed fields; each opens in the field editor with its definition.
    const row = (field: string) => page.locator(`tr[data-field="${field}"] .flags`);
    await expect.poll(() => row('total').textContent()).toContain('公式');
    expect(await row('subtotal').textContent()).toContain('汇总');
    expect(await row('discount').textContent()).not.toMatch(/公式|汇总/);
    expect(await page.locator('tr[data-field="number"] .kind').textContent()).toBe('编号');
    const open = async (title: string) => {
      await page.getByRole('button', { name: `编辑 ${title}`, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      return dialog;
    };
    const close = async (dialog: Locator) => {
      await dialog.getByRole('button', { name: '完成' }).click();
      await dialog.waitFor({ state: 'hidden' });
    };
    let dialog = await open('折后总额');
    expect(await dialog.getByLabel('公式字段：值由公式算出，只读').isChecked()).toBe(true);
    expect(await dialog.getByLabel('公式', { exact: true }).inputValue()).toBe('ROUND(subtotal * (1 - discount), 2)');
    await expect.poll(() => dialog.getByTestId('formula-verdict').textContent()).toContain('公式正确');
    await close(dialog);
    dialog = await open('小计');
    expect(await dialog.getByLabel('汇总字段：值由关联的子记录汇总得出，只读').isChecked()).toBe(true);
    const rollup = dialog.getByTestId('rollup-editor');
    expect(await rollup.getByLabel('汇总的子对象').locator('option:checked').textContent()).toBe('报价明细');
    expect(await rollup.getByLabel('汇总方式').locator('option:checked').textContent()).toBe('求和');
    expect(await rollup.getByLabel('汇总的字段').locator('option:checked').textContent()).toBe('金额 (amount)');
    await close(dialog);
    dialog = await open('报价单号');
    expect(await dialog.getByLabel('编号规则').inputValue()).toBe('QT-{YYYY}-{0000}');
    expect(await dialog.getByLabel('重新编号').inputValue()).toBe('yearly');
    await expect
      .poll(() => dialog.getByTestId('sequence-preview').first().textContent())
      .toContain(`QT-${quoteYear()}-`);
    await close(dialog);

    await page.goto('/studio/workflows');
    await page.locator('tr[data-workflow="quote-approval"]').getByRole('link', { name: '报价审批' }).click();
    await page.locator('[data-state="approved"]').click();
    const stage = page.getByRole('complementary', { name: '阶段' });
    expect(await stage.getByLabel('折扣率：只读').isChecked()).toBe(true);
  });
});
