import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

/*
 * Two people edit one record at once. The second save meets a version conflict: when they changed different
 * fields, both edits are kept and the page says so; when they changed the same field, the form shows both
 * values and the user keeps theirs, the colleague's other changes staying.
 */
const { server, sessions } = useBrowserSuite({ ui: ['runtime-ui'] });
let customer = '';

beforeAll(async () => {
  customer = (
    await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name: '苏州工业园区恒远科技有限公司',
      industry: 'manufacturing',
      phone: '0512-6000 0001',
    })
  ).body.id;
});

/** A colleague's save over the API, at the record's current version. */
async function colleagueSaves(change: Record<string, unknown>): Promise<void> {
  const current = (await server.request('GET', `/api/v1/records/customer/${customer}`)).body;
  const saved = await server.request('PATCH', `/api/v1/records/customer/${customer}`, {
    version: current.version,
    ...change,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

describe('a save that meets someone else’s', () => {
  it('merges edits of different fields and says so', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto(`/records/customer/${customer}`);
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await page.getByLabel('联系电话', { exact: true }).fill('0512-6000 0002');
    await colleagueSaves({ website: 'https://hengyuan.example.cn' });
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('merged-note').textContent()).toContain('其他人同时修改了网址');
    const stored = (await server.request('GET', `/api/v1/records/customer/${customer}`)).body;
    expect(stored).toMatchObject({ phone: '0512-6000 0002', website: 'https://hengyuan.example.cn' });
  });

  it('shows both values of a field both changed, and keeps the user’s when asked', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto(`/records/customer/${customer}`);
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await page.getByLabel('联系电话', { exact: true }).fill('0512-6000 0003');
    await colleagueSaves({ phone: '0512-6000 0009', address: '星湖街 328 号' });
    await page.getByRole('button', { name: '保存' }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    const field = conflict.locator('[data-field="phone"]');
    expect(await field.textContent()).toContain('您的修改 0512-6000 0003');
    expect(await field.textContent()).toContain('对方保存的 0512-6000 0009');
    await conflict.getByRole('button', { name: '保留我的修改并保存' }).click();
    await expect
      .poll(async () => (await server.request('GET', `/api/v1/records/customer/${customer}`)).body.phone)
      .toBe('0512-6000 0003');
    const stored = (await server.request('GET', `/api/v1/records/customer/${customer}`)).body;
    expect(stored.address).toBe('星湖街 328 号');
  });
});
