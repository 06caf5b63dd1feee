import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftSaved, screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * An administrator reshapes the customer in the studio, in a real Chromium against PostgreSQL with
 * the default template: a new record type with two new fields, previewed as safe steps and
 * published; a salesperson then uses it in the runtime UI. Then a field that holds data is removed:
 * the plan names the lost values, and Publish waits for the typed confirmation.
 */
const { server, sessions } = useBrowserSuite({ ui: ['runtime-ui', 'studio'] });
let salesToken = '';
let distributorId = '';

beforeAll(async () => {
  salesToken = (await server.userToken({ email: 'li@example.com', displayName: '李娜', roles: ['salesperson'] })).token;
});

const model = async () => (await server.request('GET', '/api/v1/meta/model')).body.definitions;
const customerOf = async () => (await model()).entities.find((e: { $id: string }) => e.$id === 'customer');

describe('the studio', () => {
  it('adds a distributor type with two fields; the plan is safe; a salesperson then creates one', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/');
    await p.getByRole('list', { name: '业务对象' }).locator('[data-entity="customer"]').waitFor();
    await screenshot(p, 'studio-entities');
    await p.locator('[data-entity="customer"]').click();
    await p.getByRole('table', { name: '字段' }).waitFor();

    // A choice field with three labelled values.
    await p.getByRole('button', { name: '添加字段' }).click();
    const dialog = p.getByRole('dialog', { name: '添加字段' });
    // The field's id is derived from its title; typed here under 高级 to keep the test's name.
    await dialog.locator('summary', { hasText: '高级' }).click();
    await dialog.getByLabel('字段标识', { exact: true }).fill('distributionLevel');
    await dialog.getByLabel('字段类型', { exact: true }).selectOption('choice');
    await dialog.getByLabel('中文名称', { exact: true }).fill('分销级别');
    await dialog.getByLabel('英文名称', { exact: true }).fill('Distribution level');
    const values: [string, string, string][] = [
      ['tier1', '一级经销商', 'Tier 1'],
      ['tier2', '二级经销商', 'Tier 2'],
      ['retailer', '零售商', 'Retailer'],
    ];
    // The values are made from the names; this test types its own under 高级, as an admin may.
    await dialog.getByLabel('高级：显示选项值（由名称生成）').check();
    for (const [i, [value, zh, en]] of values.entries()) {
      await dialog.getByRole('button', { name: '添加选项' }).click();
      await dialog.getByLabel(`选项值 ${i + 1}`, { exact: true }).fill(value);
      await dialog.getByLabel(`中文 ${i + 1}`, { exact: true }).fill(zh);
      await dialog.getByLabel(`英文 ${i + 1}`, { exact: true }).fill(en);
    }
    await dialog.getByLabel('所在分组', { exact: true }).selectOption('business');
    await screenshot(p, 'studio-field-editor');
    await dialog.getByRole('button', { name: '完成' }).click();
    await p.locator('tr[data-field="distributionLevel"]').waitFor();

    await p.getByRole('button', { name: '添加字段' }).click();
    // The field's id is derived from its title; typed here under 高级 to keep the test's name.
    await dialog.locator('summary', { hasText: '高级' }).click();
    await dialog.getByLabel('字段标识', { exact: true }).fill('authorizedRegions');
    await dialog.getByLabel('中文名称', { exact: true }).fill('授权区域');
    await dialog.getByLabel('英文名称', { exact: true }).fill('Authorized regions');
    await dialog.getByLabel('最多字数', { exact: true }).fill('200');
    await dialog.getByRole('button', { name: '完成' }).click();
    await p.locator('tr[data-field="authorizedRegions"]').waitFor();

    // The record type: shows every field, requires the level.
    await p.getByRole('button', { name: '添加类型' }).click();
    const typeDialog = p.getByRole('dialog', { name: '添加类型' });
    // The type's id is derived from its title; typed here under 高级 to keep the test's name.
    await typeDialog.locator('summary', { hasText: '高级' }).click();
    await typeDialog.getByLabel('类型标识', { exact: true }).fill('distributor');
    await typeDialog.getByLabel('中文名称', { exact: true }).fill('经销商');
    await typeDialog.getByLabel('英文名称', { exact: true }).fill('Distributor');
    await typeDialog.getByLabel('必填 分销级别', { exact: true }).check();
    await screenshot(p, 'studio-record-type');
    await typeDialog.getByRole('button', { name: '完成' }).click();
    await p.locator('[data-record-type="distributor"]').waitFor();
    await draftSaved(p);
    await p.evaluate(() => window.scrollTo(0, 0));
    await screenshot(p, 'studio-designer');

    // The draft on the engine is the definition a consultant would write.
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions;
    const customer = draft.entities.find((e: { $id: string }) => e.$id === 'customer');
    expect(customer['x-entity'].recordTypes.distributor).toEqual({
      title: { zh: '经销商', en: 'Distributor' },
      required: ['distributionLevel'],
    });
    expect(customer.properties.distributionLevel).toMatchObject({
      type: 'string',
      enum: ['tier1', 'tier2', 'retailer'],
      'x-i18n': {
        title: { zh: '分销级别', en: 'Distribution level' },
        enum: { tier1: { zh: '一级经销商', en: 'Tier 1' } },
      },
      'x-ui': { section: 'business' },
    });

    await p.getByRole('link', { name: '预览并发布' }).click();
    const safe = p.getByRole('region', { name: '安全' });
    await safe.waitFor();
    expect(await p.locator('.plan-step[data-kind="addColumn"]').count()).toBe(2);
    expect(await p.locator('.plan-step[data-safety="destructive"], .plan-step[data-safety="blocked"]').count()).toBe(0);
    // Steps name fields and objects by their titles, not by table and column ids.
    expect(await safe.textContent()).toContain('为「客户」添加字段「分销级别」');
    await screenshot(p, 'studio-plan-safe');
    await p.getByRole('button', { name: '发布', exact: true }).click();
    await p.getByTestId('published').waitFor();
    expect((await server.request('GET', '/api/v1/meta/drafts/studio')).status).toBe(404);
    expect((await customerOf())['x-entity'].recordTypes.distributor.required).toEqual(['distributionLevel']);

    // A salesperson in the runtime UI, signed in after the publish.
    const sales = await sessions.open(salesToken, 'zh');
    await sales.goto('/records/customer/new?type=distributor');
    const field = (name: string): Locator => sales.locator(`[data-field="${name}"]`);
    await field('distributionLevel').waitFor();
    await sales.getByLabel('客户名称', { exact: true }).fill('苏州恒通经销有限公司');
    await sales.getByLabel('授权区域', { exact: true }).fill('江苏、浙江、上海');
    await sales.getByRole('button', { name: '保存' }).click();
    await sales.getByTestId('error-distributionLevel').waitFor();
    await sales.getByLabel('分销级别', { exact: true }).selectOption({ label: '一级经销商' });
    await sales.getByRole('button', { name: '保存' }).click();
    await sales.waitForURL(/\/records\/customer\/[0-9a-f-]{36}$/);
    distributorId = sales.url().split('/').at(-1)!;
    await sales.getByTestId('record-type').filter({ hasText: '经销商' }).waitFor();
    const stored = (await server.request('GET', `/api/v1/records/customer/${distributorId}`)).body;
    expect(stored).toMatchObject({
      record_type: 'distributor',
      name: '苏州恒通经销有限公司',
      distributionLevel: 'tier1',
      authorizedRegions: '江苏、浙江、上海',
    });
  });

  it('removing a field that holds data is destructive; Publish waits for the typed confirmation', async () => {
    const p = await sessions.open(server.adminToken, 'en');
    await p.goto('/studio/entities/customer');
    await p.getByRole('button', { name: 'Remove Authorized regions' }).click();
    await p
      .getByRole('dialog', { name: 'Remove the field "Authorized regions"?' })
      .getByRole('button', { name: 'Remove', exact: true })
      .click();
    await expect.poll(() => p.locator('tr[data-field="authorizedRegions"]').count()).toBe(0);
    await draftSaved(p);
    await p.getByRole('link', { name: 'Review and publish' }).click();
    const destructive = p.getByRole('region', { name: /Loses or changes data/ });
    await destructive.waitFor();
    const step = destructive.locator('.plan-step[data-kind="dropColumn"]');
    expect(await step.getAttribute('data-rows')).toBe('1');
    expect(await step.textContent()).toContain('remove the field “Authorized regions” from “Customer”');
    const publish = p.getByRole('button', { name: 'Publish', exact: true });
    expect(await publish.isDisabled()).toBe(true);
    const confirm = p.getByLabel('Type CONFIRM to accept the steps that lose data');
    await confirm.fill('confirm please');
    expect(await publish.isDisabled()).toBe(true);
    await confirm.fill('CONFIRM');
    await screenshot(p, 'studio-plan-destructive');
    await publish.click();
    await p.getByTestId('published').waitFor();
    const stored = (await server.request('GET', `/api/v1/records/customer/${distributorId}`)).body;
    expect(stored.name).toBe('苏州恒通经销有限公司');
    expect(stored).not.toHaveProperty('authorizedRegions');
    expect((await customerOf()).properties).not.toHaveProperty('authorizedRegions');
    await p.getByRole('link', { name: 'Versions' }).click();
    await p.locator('tr[data-version="3"]').waitFor();
    await screenshot(p, 'studio-versions');
  });
});
