import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draftSaved, screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * The studio's admin screens in a real Chromium against PostgreSQL with the default template:
 * a broken template is refused with every issue and nothing changes; a version that added a field
 * is rolled back through the publish page's plan and confirmation; and the roles screen un-hides
 * the opportunity amount for marketing, which a marketing user then sees over the API.
 */
const { server, sessions } = useBrowserSuite({ ui: ['runtime-ui', 'studio'] });
const folder = mkdtempSync(join(tmpdir(), 'lodestar-studio-admin-'));

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const versionCount = async () => (await server.request('GET', '/api/v1/meta/versions')).body.data.length as number;
const model = async () => (await server.request('GET', '/api/v1/meta/model')).body;

describe('studio admin screens', () => {
  it('refuses a broken template with every issue and changes nothing', async () => {
    const template = (await server.request('GET', '/api/v1/meta/template?name=broken-crm&version=1.0.0')).body;
    template.schemas['opportunity.schema.json'].required.push('noSuchField');
    template.workflows['opportunity-sales.workflow.json'].states.initialContact.on.TELEPORT = { target: 'nowhere' };
    const file = join(folder, 'broken.template.json');
    writeFileSync(file, JSON.stringify(template));
    const before = await versionCount();

    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/templates');
    await p.getByLabel('模板文件（JSON）').setInputFiles(file);
    const issues = p.getByTestId('template-issues');
    await issues.waitFor();
    await expect
      .poll(() => issues.locator('tr[data-issue-file="schemas/opportunity.schema.json"]').count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => issues.locator('tr[data-issue-file="workflows/opportunity-sales.workflow.json"]').count())
      .toBeGreaterThan(0);
    expect(await issues.textContent()).toContain('noSuchField');
    expect(await issues.textContent()).toContain('nowhere');
    // The install panel offers no install (the gallery above it has its own buttons).
    expect(await p.getByRole('region', { name: '安装模板' }).getByRole('button', { name: '安装' }).count()).toBe(0);
    await screenshot(p, 'studio-templates-broken');
    expect(await versionCount()).toBe(before);

    // The English screen shows the same issues.
    const en = await sessions.open(server.adminToken, 'en');
    await en.goto('/studio/templates');
    await en.getByLabel('Template file (JSON)').setInputFiles(file);
    await en.getByTestId('template-issues').waitFor();
    await screenshot(en, 'studio-templates-broken-en');
    expect(await versionCount()).toBe(before);
  });

  it('rolls back to v1 through the plan: the added field goes, the record keeps its other data', async () => {
    const definitions = (await model()).definitions;
    const customer = definitions.entities.find((e: { $id: string }) => e.$id === 'customer');
    customer.properties.referralCode = { type: 'string', maxLength: 40, title: 'Referral code' };
    customer['x-entity'].recordTypes.company.fields.push('referralCode');
    expect((await server.request('PUT', '/api/v1/meta/drafts/main', { definitions })).status).toBe(200);
    const v2 = await server.request('POST', '/api/v1/meta/drafts/main/publish', { note: 'referral code' });
    expect(v2.status).toBe(201);
    const created = await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      industry: 'retail',
      name: '回滚测试有限公司',
      shortName: '回滚测试',
      referralCode: 'R-42',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/versions');
    await p.locator('tr[data-version="2"]').waitFor();
    await p.getByLabel('选择 v1 进行比较').check();
    await p.getByLabel('选择 v2 进行比较').check();
    const diff = p.getByTestId('version-diff');
    await diff.locator('[data-entity="customer"] [data-change="added"][data-name="referralCode"]').waitFor();
    await screenshot(p, 'studio-versions-diff');

    await p.getByRole('button', { name: '回滚到 v1' }).first().click();
    const dialog = p.getByRole('dialog', { name: '回滚到版本 v1？' });
    await dialog.getByRole('button', { name: '回滚到 v1' }).click();
    await p.waitForURL(/\/studio\/publish$/);
    await p.locator('.plan-step[data-safety="destructive"]').first().waitFor();
    await screenshot(p, 'studio-rollback-plan');
    const publish = p.getByRole('button', { name: '发布', exact: true });
    expect(await publish.isDisabled()).toBe(true);
    await p.getByLabel('输入“确认”以确认会丢失数据的步骤').fill('确认');
    await publish.click();
    await p.getByTestId('published').waitFor();

    const versions = (await server.request('GET', '/api/v1/meta/versions')).body.data;
    expect(versions[0].version).toBe(3);
    const record = (await server.request('GET', `/api/v1/records/customer/${created.body.id}`)).body;
    expect(record).not.toHaveProperty('referralCode');
    expect(record).toMatchObject({ name: '回滚测试有限公司', shortName: '回滚测试', industry: 'retail' });
  });

  it('un-hides the opportunity amount for marketing in the roles screen; a marketing user then sees it', async () => {
    const customer = (
      await server.request('POST', '/api/v1/records/customer', {
        record_type: 'company',
        industry: 'retail',
        name: '华东零售集团',
      })
    ).body;
    const opportunity = await server.request('POST', '/api/v1/records/opportunity', {
      name: '门店系统升级',
      customer: customer.id,
      amount: 880000,
    });
    expect(opportunity.status, JSON.stringify(opportunity.body)).toBe(201);
    const { token } = await server.userToken({ email: 'mkt@example.com', displayName: '王芳', roles: ['marketing'] });
    const asMarketing = async () =>
      (
        await server.request('GET', `/api/v1/records/opportunity/${opportunity.body.id}`, undefined, {
          authorization: `Bearer ${token}`,
        })
      ).body;
    expect(await asMarketing()).not.toHaveProperty('amount');

    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/roles');
    await p.locator('[data-role-item="marketing"]').click();
    const editor = p.locator('[data-role="marketing"]');
    const row = editor.locator('tr[data-entity="opportunity"]');
    await row.getByRole('combobox', { name: /查看$/ }).selectOption('all');
    await row.getByRole('button', { name: /流程事件与字段规则/ }).click();
    const amountRule = editor.locator('[data-field-rule="amount"] select');
    expect(await amountRule.inputValue()).toBe('hidden');
    await amountRule.selectOption('');
    await draftSaved(p);
    await p.getByRole('heading', { name: '角色与权限' }).scrollIntoViewIfNeeded();
    await screenshot(p, 'studio-roles');
    const draftRoles = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions.roles.roles;
    expect(draftRoles.marketing.entities.opportunity).toEqual({ read: 'all' });

    await p.getByRole('link', { name: '预览并发布' }).click();
    await p.getByRole('button', { name: '发布', exact: true }).click();
    await p.getByTestId('published').waitFor();
    expect(Number((await asMarketing()).amount)).toBe(880000);

    // The same screen in English, with the people below.
    const en = await sessions.open(server.adminToken, 'en');
    await en.goto('/studio/roles');
    await en.locator('[data-role-item="salesperson"]').click();
    await en.getByRole('table', { name: 'Data permissions' }).waitFor();
    await screenshot(en, 'studio-roles-en');
    await en.getByRole('table', { name: 'Users' }).scrollIntoViewIfNeeded();
    await screenshot(en, 'studio-users-en');
  });
});
