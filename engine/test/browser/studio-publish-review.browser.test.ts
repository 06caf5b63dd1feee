import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import { screenshot, useBrowserSuite } from '../support/browser.js';

/* Four eyes: admin A submits a permission change in the studio, admin B approves it, the versions page names both. */
const { server, sessions } = useBrowserSuite({ ui: ['studio'] });

/** English words on the page's main area, outside `<code>` (ids shown on purpose) and the brand. */
async function englishWords(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    main.querySelectorAll('code').forEach((code) => code.remove());
    return main.textContent ?? '';
  });
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => word !== 'Lodestar');
}

describe('a second administrator reviews a risky publish in the studio', () => {
  it('A submits a role gaining a scope, B approves it, the history shows both (in Chinese)', async () => {
    const { token: reviewerToken } = await server.userToken({
      email: 'reviewer@lodestar.test',
      displayName: '王审核',
      roles: ['admin'],
    });
    await server.request('PATCH', `/api/v1/admin/users/${server.admin.id}`, { displayName: '张提交' });

    // A turns the setting on, on the publish page.
    const a = await sessions.open(server.adminToken, 'zh');
    await a.goto('/studio/publish');
    const setting = a.getByLabel('发布需第二位管理员审核');
    // The switch shows what the engine stored: it turns on once the setting is saved.
    await setting.click();
    await expect.poll(() => setting.isChecked()).toBe(true);
    await expect
      .poll(async () => (await server.request('GET', '/api/v1/meta/review-settings')).body.requireReview)
      .toBe(true);

    // The draft: the sales manager may now read every customer (was: the team's).
    const definitions = (await server.request('GET', '/api/v1/meta/model')).body.definitions as DefinitionSet;
    const roles = structuredClone(definitions.roles!);
    const grant = roles.roles.salesManager!.entities.customer!;
    expect(grant.read).toBe('team');
    grant.read = 'all';
    expect(
      (await server.request('PUT', '/api/v1/meta/drafts/studio', { definitions: { ...definitions, roles } })).status,
    ).toBe(200);

    await a.goto('/studio/publish');
    const required = a.getByTestId('review-required');
    await required.waitFor();
    expect(await required.textContent()).toContain('修改角色“销售经理”的权限');
    expect(await a.getByRole('button', { name: '发布', exact: true }).count()).toBe(0);
    expect(await englishWords(a)).toEqual([]);
    await a.getByLabel('发布说明（可选）').fill('销售经理需要看到全部客户');
    await a.getByRole('button', { name: '提交审核' }).click();
    await a.getByTestId('review-pending').waitFor();
    expect(await a.getByTestId('review-pending').textContent()).toContain('张提交 已于');

    // A cannot approve their own submission.
    await a.getByRole('link', { name: '待审核' }).click();
    await a.getByText('这是您提交的变更，需由另一位管理员批准。').waitFor();
    expect(await a.getByRole('button', { name: '批准并发布' }).isDisabled()).toBe(true);

    // B reads the diff and plan, then approves in an in-app dialog.
    const b = await sessions.open(reviewerToken, 'zh');
    let nativeDialog = false;
    b.on('dialog', (d) => {
      nativeDialog = true;
      void d.dismiss();
    });
    await b.goto('/studio/reviews');
    const card = b.locator('article.review-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('销售经理需要看到全部客户');
    await card.getByRole('button', { name: '查看差异与计划' }).click();
    const detail = card.getByTestId('review-detail');
    await detail.getByRole('region', { name: '角色' }).waitFor();
    expect(await detail.textContent()).toContain('销售经理');
    expect(await englishWords(b)).toEqual([]);
    await screenshot(b, 'studio-review-pending');
    await card.getByRole('button', { name: '批准并发布' }).click();
    const dialog = b.getByRole('dialog', { name: '批准并发布这项变更？' });
    await dialog.getByLabel('审核意见（可选）').fill('已与销售总监确认');
    await dialog.getByRole('button', { name: '批准并发布' }).click();
    await expect.poll(() => b.getByTestId('review-done').textContent()).toBe('已批准并发布为版本 v2。');
    expect(nativeDialog).toBe(false);

    // The versions page names the submitter and the reviewer of v2.
    await b.getByRole('link', { name: '发布历史' }).click();
    const row = b.locator('tr[data-version="2"]');
    await row.waitFor();
    await expect.poll(() => row.getByTestId('reviewed-by').textContent()).toContain('提交：张提交');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('审核：王审核');
    expect(text).toContain('审核后发布');
    expect(text).toContain('销售经理需要看到全部客户');
    expect(await englishWords(b)).toEqual([]);
    const published = (await server.request('GET', '/api/v1/meta/model')).body.definitions as DefinitionSet;
    expect(published.roles!.roles.salesManager!.entities.customer!.read).toBe('all');
  });

  it('fits the reviews page on a phone', async () => {
    await server.request('PUT', '/api/v1/meta/review-settings', { requireReview: true });
    const definitions = (await server.request('GET', '/api/v1/meta/model')).body.definitions as DefinitionSet;
    const roles = structuredClone(definitions.roles!);
    roles.roles.salesManager!.entities.contact!.read = 'all';
    await server.request('PUT', '/api/v1/meta/drafts/studio', { definitions: { ...definitions, roles } });
    expect((await server.request('POST', '/api/v1/meta/drafts/studio/review', { note: '联系人也放开' })).status).toBe(
      201,
    );
    const p = await sessions.open(server.adminToken, 'zh');
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto('/studio/reviews');
    const card = p.locator('article.review-card');
    await card.getByRole('button', { name: '查看差异与计划' }).click();
    await card.getByTestId('review-detail').getByRole('region', { name: '角色' }).waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await card.getByRole('button', { name: '退回' }).click();
    const dialog = p.getByRole('dialog', { name: '退回这项变更' });
    expect(await dialog.getByRole('button', { name: '退回' }).isDisabled()).toBe(true);
    await dialog.getByLabel('退回原因（必填）').fill('先不改');
    const dialogBox = (await dialog.boundingBox())!;
    expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(390);
    await dialog.getByRole('button', { name: '退回' }).click();
    await expect.poll(() => p.getByTestId('review-done').textContent()).toBe('已退回，提交人会看到您的意见。');
    await p.goto('/studio/publish');
    await expect.poll(() => p.getByTestId('review-returned').textContent()).toContain('先不改');
    expect(await englishWords(p)).toEqual([]);
    await screenshot(p, 'studio-review-returned-phone');
  });
});
