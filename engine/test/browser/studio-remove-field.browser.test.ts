import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from '../support/browser.js';

/* Removing a field asks the engine first: a field still named elsewhere stays, with every place listed by title. */
const { server, sessions } = useBrowserSuite({ ui: ['studio'] });

describe('removing a field in the studio', () => {
  it('shows where a referenced field is used, in Chinese, and keeps it', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    let nativeDialog = false;
    p.on('dialog', (d) => {
      nativeDialog = true;
      void d.dismiss();
    });
    await p.goto('/studio/entities/opportunity');
    await p.getByRole('button', { name: '删除 关键决策人' }).click();
    const dialog = p.getByRole('dialog', { name: '不能删除字段「关键决策人」' });
    await dialog.waitFor();
    const places = dialog.getByRole('list', { name: '不能删除字段「关键决策人」' }).getByRole('listitem');
    const texts = await places.allTextContents();
    expect(texts).toContain('工作流「商机销售流程」的阶段「初步接触」的流转「直接接触决策人」的条件');
    expect(texts).toContain('实体「商机」的记录页头部的要点字段');
    await screenshot(p, 'studio-remove-field-blocked');
    await dialog.getByRole('button', { name: '知道了' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await p.locator('tr[data-field="decisionMaker"]').count()).toBe(1);
    expect(nativeDialog).toBe(false);
  });

  it('asks in an in-app dialog naming a field nothing uses by its title, and removes it on confirmation', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/entities/opportunity');
    await p.getByRole('button', { name: '删除 商机来源' }).click();
    const dialog = p.getByRole('dialog', { name: '删除字段「商机来源」？' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('发布时会删除该列及其中的数据');
    await dialog.getByRole('button', { name: '删除', exact: true }).click();
    await expect.poll(() => p.locator('tr[data-field="source"]').count()).toBe(0);
  });

  it('will not save a choice field without options', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/entities/opportunity');
    await p.getByRole('button', { name: '+ 添加字段' }).click();
    const dialog = p.getByRole('dialog', { name: '添加字段' });
    // The field's id is derived from its title; typed here under 高级 to keep the test's name.
    await dialog.locator('summary', { hasText: '高级' }).click();
    await dialog.getByLabel('字段标识').fill('channel');
    await dialog.getByLabel('字段类型').selectOption({ label: '单选' });
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('选项字段至少需要一个选项');
    expect(await dialog.getByRole('button', { name: '完成' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: '添加选项' }).click();
    // Naming the option is enough: its stored value is made from the name.
    await dialog.getByLabel('中文 1', { exact: true }).fill('线上');
    expect(await dialog.getByRole('alert').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: '完成' }).isDisabled()).toBe(false);
    await dialog.getByLabel('高级：显示选项值（由名称生成）').check();
    expect(await dialog.getByLabel('选项值 1', { exact: true }).inputValue()).toMatch(/^xian/i);
  });

  it('fits the list of places on a phone', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto('/studio/entities/opportunity');
    await p.getByRole('button', { name: '删除 关键决策人' }).click();
    const dialog = p.getByRole('dialog', { name: '不能删除字段「关键决策人」' });
    await dialog.getByRole('listitem').first().waitFor();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await dialog.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await screenshot(p, 'studio-remove-field-phone');
  });
});
