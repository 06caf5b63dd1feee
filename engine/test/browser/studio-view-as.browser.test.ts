import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import { screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * "预览为" (issue 19): the draft hides the industry from salespeople and adds a WeChat column; the admin opens the
 * runtime UI framed in the studio as a salesperson and sees the banner, only her customer, the new column and
 * not the industry; saving there is refused by the engine; nothing is published and nothing changes.
 */
const { server, sessions } = useBrowserSuite({ ui: ['studio', 'runtime-ui'] });

const MINE = '杭州西湖贸易有限公司';
const THEIRS = '宁波北仑物流有限公司';

async function setUp(): Promise<void> {
  const alice = await server.userToken({ email: 'li@lodestar.test', displayName: '李销售', roles: ['salesperson'] });
  const bob = await server.userToken({ email: 'wang@lodestar.test', displayName: '王销售', roles: ['salesperson'] });
  const customer = (name: string, owner: string) =>
    server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name,
      industry: 'retail',
      city: '杭州',
      owner_id: owner,
    });
  expect((await customer(MINE, alice.user.id)).status).toBe(201);
  expect((await customer(THEIRS, bob.user.id)).status).toBe(201);
  const definitions = (await server.request('GET', '/api/v1/meta/model')).body.definitions as DefinitionSet;
  const draft = structuredClone(definitions);
  const entity = draft.entities.find((e) => e.$id === 'customer')!;
  entity.properties.wechat = {
    type: 'string',
    title: 'WeChat',
    maxLength: 60,
    'x-i18n': { title: { zh: '微信号', en: 'WeChat' } },
    // Listed first, so the list shows it by default.
    'x-ui': { list: true, section: 'basic', order: 0 },
  } as (typeof entity.properties)[string];
  const grant = draft.roles!.roles.salesperson!.entities.customer!;
  grant.fields = { ...grant.fields, industry: 'hidden' };
  const saved = await server.request('PUT', '/api/v1/meta/drafts/studio', { definitions: draft });
  expect(saved.body.issues).toEqual([]);
}

async function openPreview(page: Page, kind: '角色' | '用户', choice: string): Promise<FrameLocator> {
  await page.goto('/studio/entities');
  await page.getByRole('button', { name: '预览为…' }).click();
  const dialog = page.getByRole('dialog', { name: '预览为' });
  await dialog.getByRole('radio', { name: kind }).check();
  // Every word of the dialog in Chinese but the names to choose from (data).
  const words = await dialog.evaluate((node) => {
    const copy = node.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('select').forEach((select) => select.remove());
    return copy.textContent ?? '';
  });
  expect(words.match(/[A-Za-z]{2,}/g)).toBeNull();
  await dialog.getByRole('combobox', { name: kind }).selectOption({ label: choice });
  await dialog.getByRole('button', { name: '打开预览' }).click();
  return page.frameLocator('iframe.view-as-frame');
}

async function headers(frame: FrameLocator): Promise<string[]> {
  return frame.locator('table thead th').allTextContents();
}

describe('view as a salesperson in the studio', () => {
  it('shows the draft with her permissions in the real app, and writes nothing (in Chinese, also at 390 px)', async () => {
    await setUp();
    const before = await server.testDb.db.knex('customer').select('id', 'name', 'city', 'version').orderBy('id');
    const page = await sessions.open(server.adminToken, 'zh');

    const frame = await openPreview(page, '用户', '李销售');
    const bar = page.getByRole('dialog', { name: '预览：以 李销售 身份查看草稿（不会保存任何更改）' });
    await bar.waitFor();
    await frame.getByRole('region', { name: '预览' }).waitFor();
    expect(await frame.getByRole('region', { name: '预览' }).textContent()).toContain(
      '预览：以 李销售 身份查看草稿（不会保存任何更改）',
    );
    // The preview is the administrator's session seen as her: nothing there signs anyone out.
    expect(await frame.getByRole('button', { name: '退出', exact: true }).count()).toBe(0);
    await frame.locator('a.sidenav-link[data-entity="customer"]').click();
    await frame.getByText(MINE).first().waitFor();
    expect(await frame.getByText(THEIRS).count()).toBe(0);
    const columns = await headers(frame);
    expect(columns.join('|')).toContain('微信号');
    expect(columns.join('|')).not.toContain('所属行业');
    await screenshot(page, 'studio-view-as');

    // Saving in the preview is refused by the engine, in words.
    await frame.getByText(MINE).first().click();
    await frame.getByRole('button', { name: '编辑', exact: true }).click();
    await frame.getByLabel('客户名称', { exact: true }).fill(`${MINE}（改）`);
    await frame.getByRole('button', { name: '保存', exact: true }).click();
    await frame.getByText('当前是预览：这里不能保存、修改或删除任何内容').first().waitFor();

    await bar.getByRole('button', { name: '关闭预览' }).click();
    expect(await page.locator('iframe.view-as-frame').count()).toBe(0);

    // As a role, at 390 px: the banner names the role; a new salesperson owns nothing yet.
    await page.setViewportSize({ width: 390, height: 844 });
    const asRole = await openPreview(page, '角色', '销售代表');
    await page.getByRole('dialog', { name: '预览：以 销售代表 身份查看草稿（不会保存任何更改）' }).waitFor();
    await asRole.getByRole('region', { name: '预览' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const frameWidth = await page
      .frames()
      .find((f) => f !== page.mainFrame())!
      .evaluate(() => document.documentElement.scrollWidth);
    expect(frameWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'studio-view-as-phone');

    // Nothing was published, nothing changed.
    expect((await server.request('GET', '/api/v1/meta/versions')).body.data).toHaveLength(1);
    expect(await server.testDb.db.knex('customer').select('id', 'name', 'city', 'version').orderBy('id')).toEqual(
      before,
    );
  });
});
