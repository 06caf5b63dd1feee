import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { draftSaved, screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * The studio's form layout designer, in Chinese against PostgreSQL with the default template: an admin
 * drags 所属行业 into 基本信息, adds a section 财务信息 and moves two fields into it (one by drag and drop,
 * one by the keyboard's section picker, then reorders them by button), marks a header highlight,
 * publishes (the plan changes no table), and the runtime form and record page follow the new layout.
 */
const { server, sessions } = useBrowserSuite({ ui: ['runtime-ui', 'studio'] });

const fieldsIn = (scope: Locator) =>
  scope.locator('[data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));

async function openLayout(p: Page): Promise<Locator> {
  await p.goto('/studio/entities/customer');
  await p.getByRole('tab', { name: '布局' }).click();
  const designer = p.getByRole('group', { name: '表单分组' });
  await designer.waitFor();
  return designer;
}

describe('the form layout designer', () => {
  it('moves fields between sections, adds a section and a highlight; published, the runtime form follows', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    const designer = await openLayout(p);
    const zone = (id: string) => designer.locator(`section.layout-zone[data-section="${id}"]`);
    const preview = p.getByTestId('layout-preview');
    // The first record type (企业客户) is shown; 所属行业 is in 经营信息.
    expect(await p.getByLabel('记录类型').locator('option:checked').textContent()).toBe('企业客户');
    expect(await fieldsIn(zone('business'))).toContain('industry');

    // Drag 所属行业 onto 客户来源 in 基本信息: it lands just before it, in the designer and the preview.
    await zone('business').locator('[data-field="industry"]').dragTo(zone('basic').locator('[data-field="source"]'));
    await expect
      .poll(() => fieldsIn(zone('basic')))
      .toEqual(['name', 'shortName', 'unifiedSocialCreditCode', 'level', 'industry', 'source', 'parent']);
    await expect.poll(() => fieldsIn(preview.locator('[data-section="basic"]'))).toContain('industry');
    expect(await fieldsIn(preview.locator('[data-section="business"]'))).not.toContain('industry');

    // A new section by its titles (no identifier asked), then two fields moved into it.
    await designer.getByLabel('新分组中文名称').fill('财务信息');
    await designer.getByLabel('新分组英文名称（可选）').fill('Finance');
    await designer.getByRole('button', { name: '添加分组' }).click();
    const finance = zone('finance');
    await finance.getByText('把字段拖到这里').waitFor();
    // Up beside 经营信息, the section the fields come from.
    for (let i = 0; i < 3; i++) await finance.getByRole('button', { name: '上移分组 财务信息' }).click();
    await expect
      .poll(() => designer.locator('section.layout-zone').evaluateAll((els) => els.map((e) => e.dataset.section)))
      .toEqual(['basic', 'business', 'finance', 'government', 'location', 'other', '_rest']);
    await zone('business').locator('[data-field="annualRevenue"]').dragTo(finance);
    await expect.poll(() => fieldsIn(finance)).toEqual(['annualRevenue']);
    // The keyboard way: the field's section picker, then up.
    await designer.getByLabel('把 注册资本 移到分组').selectOption({ label: '财务信息' });
    await expect.poll(() => fieldsIn(finance)).toEqual(['annualRevenue', 'registeredCapital']);
    await finance.getByRole('button', { name: '上移 注册资本' }).click();
    await expect.poll(() => fieldsIn(finance)).toEqual(['registeredCapital', 'annualRevenue']);
    await finance.getByLabel('财务信息的列数').selectOption({ label: '单列' });
    await expect
      .poll(() => fieldsIn(preview.locator('[data-section="finance"]')))
      .toEqual(['registeredCapital', 'annualRevenue']);
    // A section with fields cannot be removed.
    expect(await finance.getByRole('button', { name: '删除分组 财务信息' }).isDisabled()).toBe(true);

    // 法定代表人 joins the record header's key fields; the preview's header shows it.
    await p.getByLabel('页头要点 法定代表人').check();
    await preview.locator('.preview-highlights [data-field="legalRepresentative"]').waitFor();
    await draftSaved(p);
    // The picture: the layout panel from its top, the designer beside the preview.
    await p.evaluate(() => {
      const top = document.getElementById('layout-heading')!.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top - 24);
    });
    await screenshot(p, 'studio-layout');

    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions;
    const customer = draft.entities.find((e: { $id: string }) => e.$id === 'customer');
    expect(customer['x-entity'].sections[2]).toEqual({
      id: 'finance',
      title: { zh: '财务信息', en: 'Finance' },
      columns: 1,
    });
    expect(customer.properties.industry['x-ui'].section).toBe('basic');
    expect(customer['x-ui'].highlights).toEqual(['level', 'industry', 'annualRevenue', 'phone', 'legalRepresentative']);

    // Publishing a layout changes no table.
    await p.getByRole('link', { name: '预览并发布' }).click();
    await p.getByText('数据库无需变更').waitFor();
    await p.getByRole('button', { name: '发布', exact: true }).click();
    await p.getByTestId('published').waitFor();

    // The runtime form: 财务信息 with its two fields in that order, in one column; 所属行业 in 基本信息.
    const staff = await sessions.open(server.adminToken, 'zh');
    await staff.goto('/records/customer/new?type=company');
    const section = staff.locator('fieldset.ls-section[data-section="finance"]');
    await section.waitFor();
    expect(await section.locator('legend').textContent()).toBe('财务信息');
    expect(await fieldsIn(section)).toEqual(['registeredCapital', 'annualRevenue']);
    expect(await section.locator('.ls-grid').getAttribute('class')).toContain('is-one-column');
    const basic = await fieldsIn(staff.locator('fieldset.ls-section[data-section="basic"]'));
    expect(basic.indexOf('industry')).toBe(basic.indexOf('source') - 1);

    // The record page's header shows the new key field.
    const created = await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name: '宁波海曙精密机械有限公司',
      industry: 'manufacturing',
      legalRepresentative: '陈国华',
    });
    expect(created.status).toBe(201);
    await staff.goto(`/records/customer/${created.body.id}`);
    const highlight = staff.getByTestId('highlights').locator('[data-highlight="legalRepresentative"]');
    expect(await highlight.textContent()).toContain('陈国华');
    // Read, the record keeps the section's single column too.
    const read = staff.getByTestId('record-view').getByRole('region', { name: '财务信息' });
    expect(await fieldsIn(read)).toEqual(['registeredCapital', 'annualRevenue']);
    expect(await read.locator('dl').getAttribute('class')).toContain('is-one-column');
  });

  it('on a phone the preview comes below the designer and the buttons move fields without dragging', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.setViewportSize({ width: 390, height: 844 });
    const designer = await openLayout(p);
    const preview = p.getByRole('region', { name: '预览' });
    const [top, under] = [await designer.boundingBox(), await preview.boundingBox()];
    expect(under!.y).toBeGreaterThan(top!.y + top!.height - 1);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const basic = designer.locator('section.layout-zone[data-section="basic"]');
    await basic.getByRole('button', { name: '下移 客户名称' }).click();
    await expect.poll(() => fieldsIn(basic).then((f) => f.slice(0, 2))).toEqual(['shortName', 'name']);
    await screenshot(p, 'studio-layout-phone');
  });

  it("a field dragged onto the fields aside leaves the record type's form, and comes back by its button", async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    const designer = await openLayout(p);
    const other = designer.locator('section.layout-zone[data-section="other"]');
    const aside = designer.getByRole('region', { name: '未放入表单的字段' });
    await other.locator('[data-field="tags"]').dragTo(aside.getByRole('heading', { name: '未放入表单的字段' }));
    await aside.locator('[data-field="tags"]').waitFor();
    expect(await fieldsIn(other)).toEqual(['description', 'churnReason']);
    await expect.poll(() => p.getByTestId('layout-preview').locator('[data-field="tags"]').count()).toBe(0);
    await draftSaved(p);
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions;
    const customer = draft.entities.find((e: { $id: string }) => e.$id === 'customer');
    expect(customer['x-entity'].recordTypes.company.fields).not.toContain('tags');
    expect(customer['x-entity'].recordTypes.government.fields).toContain('tags');
    await aside.getByRole('button', { name: '放入表单 标签' }).click();
    await other.locator('[data-field="tags"]').waitFor();
  });
});
