import { describe, expect, it } from 'vitest';
import { draftSaved, useBrowserSuite } from '../support/browser.js';

/* The studio's panel for unique keys and the duplicate check writes x-entity.unique and .duplicates into the draft. */
const { server, sessions } = useBrowserSuite({ ui: ['studio'] });

describe('the unique keys panel', () => {
  it('shows the shipped key, adds a composite key, and changes what the duplicate check reveals', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/entities/customer');
    const panel = p.getByRole('region', { name: '唯一键与查重' });
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId('unique-key-0').textContent()).toContain('字段：统一社会信用代码');
    expect(await panel.getByLabel('全角半角视为相同').isChecked()).toBe(true);
    await panel.getByLabel('字段', { exact: true }).selectOption({ label: '客户名称' });
    await panel.getByLabel('与字段组合（可选）').selectOption({ label: '所属区域' });
    await panel.getByRole('button', { name: '添加唯一键' }).click();
    await panel.getByTestId('unique-key-1').getByLabel('不区分大小写').uncheck();
    await panel.getByLabel('对无权查看的记录显示').selectOption('exists');
    await draftSaved(p);
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions;
    const options = draft.entities.find((e: { $id: string }) => e.$id === 'customer')['x-entity'];
    expect(options.unique[1]).toEqual({ fields: ['name', 'region'], normalize: ['trim', 'width', 'spaces'] });
    expect(options.duplicates).toEqual({ match: ['name', 'unifiedSocialCreditCode', 'phone'], reveal: 'exists' });
  });
});
