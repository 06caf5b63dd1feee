import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from '../support/browser.js';
import { APPROVAL_DEFINITIONS } from '../support/approval-definitions.js';

/*
 * The approval inbox in My day, in Chromium against PostgreSQL: a manager approves a quote in place with a
 * comment (the director's step then waits in the director's inbox), a rejection asks for its reason first,
 * and on a 390 px phone, in English, a delegate approves on behalf of the manager.
 */
const { server, sessions } = useBrowserSuite({ server: { definitions: APPROVAL_DEFINITIONS } });
const ids = { big: '', small: '', other: '' };
let tokens: { boss: string; director: string; deputy: string };
let bossId = '';

beforeAll(async () => {
  const api = async (method: string, path: string, body?: unknown, token?: string) => {
    const answer = await server.request(
      method,
      `/api/v1${path}`,
      body,
      token ? { authorization: `Bearer ${token}` } : {},
    );
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    return answer.body;
  };
  const boss = await server.userToken({ email: 'boss@example.com', roles: ['salesManager'], displayName: '赵经理' });
  bossId = boss.user.id;
  const rep = await server.userToken({
    email: 'rep@example.com',
    roles: ['sales'],
    displayName: '李销售',
    managerId: boss.user.id,
  });
  const director = await server.userToken({
    email: 'director@example.com',
    roles: ['salesDirector'],
    displayName: '钱总监',
  });
  const deputy = await server.userToken({ email: 'deputy@example.com', roles: ['sales'], displayName: 'Wu Deputy' });
  tokens = { boss: boss.token, director: director.token, deputy: deputy.token };
  const quote = async (name: string, discount: number, total: number) => {
    const id = (await api('POST', '/records/quote', { name, discount, total }, rep.token)).id as string;
    await api('POST', `/records/quote/${id}/events`, { type: 'SUBMIT' }, rep.token);
    return id;
  };
  ids.big = await quote('华东精密年度框架报价', 0.35, 128000);
  ids.small = await quote('华南零售试点报价', 0.2, 36000);
  ids.other = await quote('西北物流报价', 0.25, 52000);
});

const history = async (id: string) => (await server.request('GET', `/api/v1/records/quote/${id}/history`)).body.data;

describe('approving from My day', () => {
  it('the manager approves in place with a comment; the director then finds the next step in their inbox', async () => {
    const page = await sessions.open(tokens.boss, 'zh');
    await page.goto('/my-day');
    const inbox = page.getByTestId('myday-approvals');
    await expect.poll(() => inbox.getAttribute('data-count')).toBe('3');
    await expect.poll(() => inbox.getByRole('heading', { name: '待我审批' }).count()).toBe(1);
    const row = inbox.locator(`[data-record-id="${ids.big}"]`);
    expect(await row.textContent()).toContain('审批环节：直属上级审批');
    expect(await row.textContent()).toContain('负责人：李销售');
    await row.getByRole('button', { name: '同意' }).click();
    await row.getByRole('textbox', { name: '审批意见（选填）' }).fill('框架价格可以接受');
    await screenshot(page, 'approval-inbox');
    await row.getByRole('button', { name: '确认同意' }).click();
    await expect.poll(() => row.getByRole('status').textContent()).toBe('已同意');
    expect((await history(ids.big)).at(-1)).toMatchObject({
      event: 'APPROVE',
      comment: '框架价格可以接受',
      approval: { step: 'manager', decision: 'approved' },
    });

    const other = inbox.locator(`[data-record-id="${ids.small}"]`);
    await other.getByRole('button', { name: '驳回' }).click();
    const confirm = other.getByRole('button', { name: '确认驳回' });
    expect(await confirm.isDisabled()).toBe(true);
    expect(await other.textContent()).toContain('请填写驳回原因');
    await other.getByRole('textbox', { name: '驳回原因（必填）' }).fill('折扣超出本季度政策');
    await confirm.click();
    await expect.poll(() => other.getByRole('status').textContent()).toBe('已驳回');
    expect((await history(ids.small)).at(-1)).toMatchObject({ event: 'REJECT', comment: '折扣超出本季度政策' });

    const director = await sessions.open(tokens.director, 'zh');
    await director.goto('/my-day');
    const next = director.getByTestId('myday-approvals').locator(`[data-record-id="${ids.big}"]`);
    await expect.poll(() => next.getAttribute('data-step')).toBe('director');
  });

  it('the manager delegates in My day; on a phone, in English, the delegate approves on their behalf', async () => {
    const boss = await sessions.open(tokens.boss, 'zh');
    await boss.goto('/my-day');
    const panel = boss.getByTestId('approval-delegation');
    await panel.getByText('审批委托').click();
    await panel.getByLabel('委托给').selectOption({ label: 'Wu Deputy' });
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await panel.getByLabel('委托至（含当天）').fill(tomorrow);
    await panel.getByRole('button', { name: '设置委托' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('您的审批已委托给 Wu Deputy');

    const page = await sessions.open(tokens.deputy, 'en');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/my-day');
    const row = page.getByTestId('myday-approvals').locator(`[data-record-id="${ids.other}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('On behalf of 赵经理');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await row.getByRole('button', { name: 'Approve', exact: true }).click();
    await row.getByRole('button', { name: 'Confirm approval' }).click();
    await expect.poll(() => row.getByRole('status').textContent()).toBe('Approved');
    expect((await history(ids.other)).at(-1)).toMatchObject({
      approval: { step: 'manager', onBehalfOf: bossId },
    });

    // The record's stage history says who decided which step, and for whom.
    const admin = await sessions.open(server.adminToken, 'zh');
    await admin.goto(`/records/quote/${ids.other}`);
    const timeline = admin.getByTestId('history');
    await expect.poll(() => timeline.textContent()).toContain('代赵经理审批 · 直属上级审批：同意');
  });
});
