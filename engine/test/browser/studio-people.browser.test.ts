import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { draftSaved, screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * People admin on the studio's roles page, in Chinese, in a real Chromium against PostgreSQL: three people
 * invited from a GBK CSV after fixing a bad row in the preview, a manager chosen with the searchable picker
 * (a loop refused naming both people), a team dragged under another department, and a role copied from
 * another; then at 390 px a unit moves with its "移到…" select, a manager is picked, a file's preview scrolls
 * inside its panel and nothing widens the page.
 */
const { server, sessions } = useBrowserSuite({ ui: ['runtime-ui', 'studio'] });
const folder = mkdtempSync(join(tmpdir(), 'lodestar-studio-people-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

type Unit = { id: string; name: string; parentId: string | null };
type ListedUser = { id: string; email: string; displayName: string; managerId: string | null; roles: string[] };
const units = async () => (await server.request('GET', '/api/v1/admin/org-units')).body.data as Unit[];
const users = async () => (await server.request('GET', '/api/v1/admin/users')).body.data as ListedUser[];
const unitNamed = async (name: string) => (await units()).find((u) => u.name === name)!;
const userWith = async (email: string) => (await users()).find((u) => u.email === email);

describe('studio people admin', () => {
  it('invites from a CSV, sets a manager, drags a team under another department and copies a role', async () => {
    const sales = (await server.request('POST', '/api/v1/admin/org-units', { name: '销售部' })).body as Unit;
    const service = (await server.request('POST', '/api/v1/admin/org-units', { name: '客服部' })).body as Unit;
    await server.request('POST', '/api/v1/admin/org-units', { name: '华东组', parentId: sales.id });

    // A GBK file, as Chinese Excel saves it; row 3 names a role that does not exist.
    const file = join(folder, 'invite.csv');
    writeFileSync(
      file,
      iconv.encode(
        '姓名,邮箱,角色,上级,部门\r\n' +
          '孙经理,sun@people.example,销售经理,,销售部\r\n' +
          '钱销售,qian@people.example,总监,孙经理,华东组\r\n' +
          '周客服,zhou@people.example,客服专员,,客服部\r\n',
        'gbk',
      ),
    );
    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/roles');
    const invite = p.getByRole('region', { name: '批量邀请' });
    await invite.getByLabel('选择 CSV 文件').setInputFiles(file);
    await expect.poll(() => invite.getByTestId('invite-summary').textContent()).toContain('1 处问题');
    const bad = invite.locator('tr[data-invite-row="3"]');
    expect(await bad.getByRole('note').textContent()).toBe('没有角色「总监」');
    await invite.scrollIntoViewIfNeeded();
    await screenshot(p, 'studio-people-invite-preview');
    await bad.getByLabel('第 3 行 角色').fill('销售代表');
    await invite.getByRole('button', { name: '重新检查' }).click();
    await expect.poll(() => invite.getByTestId('invite-summary').textContent()).toBe('3 人都可以邀请。');
    await invite.getByRole('button', { name: '邀请 3 人' }).click();
    const invited = p.getByRole('region', { name: '已邀请 3 人' });
    await invited.waitFor();
    expect(await invited.locator('tr[data-invited]').count()).toBe(3);
    const password = await invited.locator('tr[data-invited="qian@people.example"] .one-time-password').textContent();
    expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
    const sun = (await userWith('sun@people.example'))!;
    const qian = (await userWith('qian@people.example'))!;
    expect(qian).toMatchObject({ roles: ['salesperson'], managerId: sun.id });
    const signIn = await server.request('POST', '/api/v1/auth/login', { email: 'qian@people.example', password });
    expect(signIn.status).toBe(200);
    await invited.getByRole('button', { name: '完成' }).click();

    // 周客服's manager, chosen by typing part of a name.
    const row = p.locator('tr[data-user="zhou@people.example"]');
    await row.getByRole('button', { name: '修改 周客服' }).click();
    const picker = row.getByRole('combobox', { name: '周客服 的上级' });
    await picker.click();
    await picker.fill('孙');
    await row.getByRole('option', { name: /孙经理/ }).click();
    await row.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => row.locator('[data-manager-of]').textContent()).toBe('孙经理');
    expect((await userWith('zhou@people.example'))!.managerId).toBe(sun.id);

    // 孙经理 under 钱销售 would close a loop: refused, naming both.
    const sunRow = p.locator('tr[data-user="sun@people.example"]');
    await sunRow.getByRole('button', { name: '修改 孙经理' }).click();
    const sunPicker = sunRow.getByRole('combobox', { name: '孙经理 的上级' });
    await sunPicker.click();
    await sunPicker.fill('qian@');
    await sunPicker.press('Enter');
    await sunRow.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => sunRow.getByRole('alert').textContent()).toContain('钱销售 不能做 孙经理 的上级');
    expect((await userWith('sun@people.example'))!.managerId).toBe(null);
    await sunRow.getByRole('button', { name: '取消' }).click();

    // Drag 华东组 onto 客服部.
    const tree = p.getByRole('region', { name: '组织架构' });
    await tree
      .locator('li[data-unit="华东组"] .tree-unit-name')
      .dragTo(tree.locator('li[data-unit="客服部"] .tree-unit-name'));
    await expect.poll(async () => (await unitNamed('华东组')).parentId).toBe(service.id);
    await expect.poll(() => tree.getByRole('status').textContent()).toBe('已把「华东组」移到「客服部」。');
    // A department dragged into its own team is refused by the engine, naming both.
    await tree
      .locator('li[data-unit="客服部"] .tree-unit-name')
      .dragTo(tree.locator('li[data-unit="华东组"] .tree-unit-name'));
    await expect.poll(() => tree.getByRole('alert').textContent()).toContain('「客服部」不能放到「华东组」下面');
    // A person dragged onto a unit moves into it.
    await tree
      .locator('li[data-person="qian@people.example"]')
      .dragTo(tree.locator('li[data-unit="销售部"] .tree-unit-name'));
    await expect
      .poll(
        async () => (await users()).find((u) => u.email === 'qian@people.example') as unknown as { orgUnitId: string },
      )
      .toMatchObject({ orgUnitId: sales.id });
    await tree.scrollIntoViewIfNeeded();
    await screenshot(p, 'studio-people-org-tree');

    // A new role copied from 销售代表.
    const form = p.getByRole('form', { name: '添加角色' });
    // The role's id is derived from its title; typed here under 高级 to keep the test's name.
    await form.locator('summary', { hasText: '高级' }).click();
    await form.getByLabel('角色标识').fill('seniorSales');
    await form.getByLabel('中文名称').fill('高级销售');
    await form.getByLabel('英文名称').fill('Senior sales');
    await form.getByLabel('从角色复制').selectOption({ label: '销售代表' });
    await form.getByRole('button', { name: '添加' }).click();
    await draftSaved(p);
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions.roles.roles;
    expect(draft.seniorSales.title).toEqual({ zh: '高级销售', en: 'Senior sales' });
    expect(draft.seniorSales.entities).toEqual(draft.salesperson.entities);
    expect(Object.keys(draft.seniorSales.entities).length).toBeGreaterThan(0);
  });

  it('at 390 px moves a unit with its "移到…" select, sets a manager, previews a file, and nothing widens the page', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto('/studio/roles');
    const tree = p.getByRole('region', { name: '组织架构' });
    await tree.getByLabel('把「华东组」移到').selectOption({ label: '销售部' });
    await expect.poll(async () => (await unitNamed('华东组')).parentId).toBe((await unitNamed('销售部')).id);
    const row = p.locator('tr[data-user="qian@people.example"]');
    await row.getByRole('button', { name: '修改 钱销售' }).click();
    const picker = row.getByRole('combobox', { name: '钱销售 的上级' });
    await picker.click();
    await picker.fill('周');
    await row.getByRole('option', { name: /周客服/ }).click();
    await row.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(async () => (await userWith('qian@people.example'))!.managerId)
      .toBe((await userWith('zhou@people.example'))!.id);
    // A file's preview scrolls inside its panel, and the copy choice fits the phone.
    const file = join(folder, 'phone.csv');
    writeFileSync(file, '\uFEFF姓名,邮箱,角色,上级,部门\n吴手机,wu@phone.example,不存在的角色,钱销售,华东组\n');
    const invite = p.getByRole('region', { name: '批量邀请' });
    await invite.getByLabel('选择 CSV 文件').setInputFiles(file);
    await expect.poll(() => invite.getByTestId('invite-summary').textContent()).toContain('1 处问题');
    expect(await invite.locator('tr[data-invite-row="2"]').getByRole('note').textContent()).toBe(
      '没有角色「不存在的角色」',
    );
    const copy = p.getByRole('form', { name: '添加角色' }).getByLabel('从角色复制');
    const box = (await copy.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await p.getByRole('region', { name: '组织架构' }).scrollIntoViewIfNeeded();
    await screenshot(p, 'studio-people-phone');
  });
});
