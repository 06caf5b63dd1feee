import { describe, expect, it } from 'vitest';
import { draftSaved, useBrowserSuite } from '../support/browser.js';

/*
 * The studio's role matrix offers the pool scopes (本人及公海 / Own and unowned, 团队及公海 / Team and unowned):
 * an administrator gives salespeople "own and unowned" on customers, publishes, and a salesperson then reads a
 * customer nobody owns, and still not a colleague's.
 */
const { server, sessions } = useBrowserSuite({ ui: ['runtime-ui', 'studio'] });

describe('pool scopes in the role matrix', () => {
  it('lets salespeople read the customers nobody owns once 本人及公海 is published', async () => {
    const make = async (name: string) =>
      (await server.request('POST', '/api/v1/records/customer', { record_type: 'company', industry: 'retail', name }))
        .body.id as string;
    const unowned = await make('无人负责的客户');
    await server.testDb.db.knex('customer').where({ id: unowned }).update({ owner_id: null });
    const others = await make('管理员的客户');
    const { token } = await server.userToken({
      email: 'sun@example.com',
      displayName: '孙销售',
      roles: ['salesperson'],
    });
    const read = async (id: string) =>
      (await server.request('GET', `/api/v1/records/customer/${id}`, undefined, { authorization: `Bearer ${token}` }))
        .status;
    expect(await read(unowned)).toBe(404);

    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/roles');
    await p.locator('[data-role-item="salesperson"]').click();
    const row = p.locator('[data-role="salesperson"]').locator('tr[data-entity="customer"]');
    const picker = row.getByRole('combobox', { name: /查看$/ });
    expect(await picker.locator('option').allTextContents()).toEqual([
      '未设置',
      '无',
      '本人',
      '本人及公海',
      '团队',
      '团队及公海',
      '全部',
    ]);
    await picker.selectOption({ label: '本人及公海' });
    await draftSaved(p);
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions.roles.roles;
    expect(draft.salesperson.entities.customer.read).toBe('ownOrUnowned');
    await p.getByRole('link', { name: '预览并发布' }).click();
    await p.getByRole('button', { name: '发布', exact: true }).click();
    await p.getByTestId('published').waitFor();
    expect(await read(unowned)).toBe(200);
    expect(await read(others)).toBe(404);

    const en = await sessions.open(server.adminToken, 'en');
    await en.goto('/studio/roles');
    await en.locator('[data-role-item="salesperson"]').click();
    const picked = en.locator('[data-role="salesperson"] tr[data-entity="customer"]').getByRole('combobox', {
      name: /Read$/,
    });
    expect(await picked.locator('option:checked').textContent()).toBe('Own and unowned');
  });
});
