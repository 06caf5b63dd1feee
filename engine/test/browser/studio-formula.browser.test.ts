import { describe, expect, it } from 'vitest';
import { draftSaved, useBrowserSuite } from '../support/browser.js';
import { FORMULA_DEFINITIONS } from '../support/formula-definitions.js';

/* The studio's formula editor checks a formula as it is typed and writes x-formula into the draft. */
const { server, sessions } = useBrowserSuite({ ui: ['studio'], server: { definitions: FORMULA_DEFINITIONS } });

describe('the formula editor', () => {
  it('shows parse and type issues while typing, inserts fields, and saves the formula field', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/entities/quote');
    await p.getByRole('table', { name: '字段' }).waitFor();
    await p.getByRole('button', { name: '添加字段' }).click();
    const dialog = p.getByRole('dialog', { name: '添加字段' });
    // The field's id is derived from its title; typed here under 高级 to keep the test's name.
    await dialog.locator('summary', { hasText: '高级' }).click();
    await dialog.getByLabel('字段标识', { exact: true }).fill('net');
    await dialog.getByLabel('字段类型', { exact: true }).selectOption('money');
    await dialog.getByLabel('公式字段：值由公式算出，只读').check();
    const box = dialog.getByLabel('公式', { exact: true });
    const verdict = dialog.getByTestId('formula-verdict');
    await box.fill('amount * (');
    await expect.poll(() => verdict.textContent()).toMatch(/第 \d+ 个字符/);
    await box.fill('title & "x"');
    await expect.poll(() => verdict.textContent()).toContain('公式的结果是文本，但字段类型是数字');
    await box.fill('amount - ');
    await box.press('End');
    await dialog.getByLabel('插入字段').selectOption('customer.rate');
    await expect.poll(() => box.inputValue()).toBe('amount - customer.rate');
    await expect.poll(() => verdict.textContent()).toContain('公式正确，结果为数字');
    await dialog.getByRole('button', { name: '完成' }).click();
    await p.locator('tr[data-field="net"]').waitFor();
    await draftSaved(p);
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions;
    const net = draft.entities.find((e: { $id: string }) => e.$id === 'quote').properties.net;
    expect(net).toMatchObject({ type: 'number', 'x-currency': 'CNY', 'x-formula': 'amount - customer.rate' });
    expect(net).not.toHaveProperty('default');
  });
});
