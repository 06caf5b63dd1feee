import { calendarDateIn } from '@lodestar/core';
import { describe, expect, it } from 'vitest';
import { draftSaved, useBrowserSuite } from '../support/browser.js';
import { numberingSet } from '../support/numbering-definitions.js';

/* Numbered fields: the new-record form says the number comes on save, the record shows it, the studio edits and previews it. */
const { server, sessions } = useBrowserSuite({ ui: ['runtime-ui', 'studio'], server: { definitions: numberingSet() } });
const today = calendarDateIn(new Date(), 'Asia/Shanghai');
const two = (n: number) => String(n).padStart(2, '0');

describe('numbered fields in the apps', () => {
  it('numbers a record on save: the form says so, never sends the number, and the header shows it at 390 px', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto('/records/quote/new?type=standard');
    const number = page.getByLabel('报价单号', { exact: true });
    await number.waitFor();
    expect(await number.getAttribute('placeholder')).toBe('保存后自动编号');
    expect(await number.getAttribute('readonly')).not.toBeNull();
    await page.getByLabel('title', { exact: true }).fill('杭州西湖报价');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/records/quote') && r.request().method() === 'POST'),
      page
        .getByRole('button', { name: /创建|保存/ })
        .first()
        .click(),
    ]);
    expect(saved.status()).toBe(201);
    expect(JSON.parse(saved.request().postData() ?? '{}')).not.toHaveProperty('number');
    const expected = `QT-${today.year}-0001`;
    expect((await saved.json()).number).toBe(expected);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`/records/quote/${(await saved.json()).id}`);
    await expect.poll(() => page.getByTestId('record-number').textContent()).toBe(expected);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    expect(await page.getByLabel('报价单号', { exact: true }).inputValue()).toBe(expected);
  });

  it('adds an auto number in the studio with a live preview of the next number', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto('/studio/entities/contact');
    await page.getByRole('button', { name: '+ 添加字段' }).click();
    const dialog = page.getByRole('dialog');
    // The field's id is derived from its title; typed here under 高级 to keep the test's name.
    await dialog.locator('summary', { hasText: '高级' }).click();
    await dialog.getByLabel('字段标识').fill('code');
    await dialog.getByLabel('字段类型').selectOption({ label: '编号' });
    expect(await dialog.getByLabel('所有记录必填').count()).toBe(0);
    await dialog.getByLabel('编号规则').fill('C-{YY}{MM}-{000}');
    await dialog.getByLabel('重新编号').selectOption('monthly');
    await expect
      .poll(() => dialog.getByTestId('sequence-preview').first().textContent())
      .toBe(`C-${two(today.year % 100)}${two(today.month)}-001`);
    await dialog.getByLabel('编号规则').fill('C-{YY}{MM}');
    await expect.poll(() => dialog.getByText('编号规则需要一个计数器').count()).toBe(1);
    await dialog.getByLabel('编号规则').fill('C-{YY}{MM}-{000}');
    await dialog.getByRole('button', { name: '完成' }).click();
    await draftSaved(page);
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions;
    const contact = draft.entities.find((e: { $id: string }) => e.$id === 'contact');
    expect(contact.properties.code).toMatchObject({
      type: 'string',
      'x-sequence': { pattern: 'C-{YY}{MM}-{000}', reset: 'monthly' },
    });
  });
});
