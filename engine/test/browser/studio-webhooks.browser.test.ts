import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from '../support/browser.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

/*
 * The studio's 集成 page: an administrator subscribes an ERP stand-in to customer changes, copies the secret
 * shown once, and watches a change arrive signed with it in the delivery log; then sends it again and pauses.
 * In Chinese, at 390 px.
 */
const { server, sessions } = useBrowserSuite({ ui: ['studio'] });
const erp = new WebhookReceiver();
/** Waits as a person would on a busy machine: the engine's worker and the page's polling both take a moment. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });
beforeAll(() => erp.start());
afterAll(() => erp.close());

it('creates a subscription, shows its secret once, and logs a signed delivery, in Chinese at 390 px', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await p.setViewportSize({ width: 390, height: 800 });
  await p.goto('/studio/');
  await p.getByRole('navigation').getByRole('link', { name: '集成' }).click();
  await poll(() => p.locator('.webhook-list + *, .panel-empty').first().textContent()).toContain('还没有订阅');

  const form = p.getByRole('region', { name: '新建订阅' });
  await form.getByLabel('名称').fill('ERP 同步');
  await form.getByLabel('接收地址（URL）').fill('erp.example/in');
  await form.getByLabel('客户', { exact: true }).check();
  await form.getByRole('button', { name: '创建订阅' }).click();
  // The engine's refusal, on the field it names.
  await poll(() => form.locator('.webhook-problem').textContent()).toContain('地址必须是完整的');
  await form.getByLabel('接收地址（URL）').fill(erp.url);
  await form.getByRole('button', { name: '创建订阅' }).click();

  const secretBox = p.getByTestId('webhook-secret');
  await poll(() => secretBox.textContent()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  const secret = (await secretBox.textContent())!;
  erp.secret = secret;
  await p.getByRole('button', { name: '复制', exact: true }).click();
  const copied = p.getByRole('region', { name: /签名密钥/ }).getByRole('status');
  await poll(() => copied.textContent()).toBe('已复制');
  expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(p, 'studio-webhooks-secret');
  await p.getByRole('button', { name: '我已保存密钥' }).click();
  expect(await secretBox.count()).toBe(0);

  const item = p.locator('[data-subscription="ERP 同步"]');
  await poll(() => item.textContent()).toContain(`whsec_…${secret.slice(-4)}`);
  expect(await item.locator('.badge').textContent()).toBe('推送中');

  // A customer changes: the ERP gets it signed with the secret shown, and the log shows it delivered.
  const created = await server.request('POST', '/api/v1/records/customer', {
    record_type: 'company',
    name: '华东精密机械',
    industry: 'manufacturing',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const delivered = p.locator('.webhook-delivery[data-status="sent"]');
  await poll(() => delivered.first().textContent()).toContain('客户 · 新建');
  expect(await delivered.first().textContent()).toContain('状态码 200');
  expect(erp.accepted()).toHaveLength(1);
  expect(erp.accepted()[0]!.signed).toBe(true);
  expect(erp.accepted()[0]!.body).toMatchObject({ type: 'customer.created', recordId: created.body.id });
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await p.locator('[data-subscription="ERP 同步"]').scrollIntoViewIfNeeded();
  await screenshot(p, 'studio-webhooks-log');

  // Sent again on request: the same change id, so the ERP can tell it is the same change.
  await delivered.first().getByRole('button', { name: '重新发送' }).click();
  await poll(() => p.locator('.webhook-log').getByRole('status').textContent()).toBe('已重新加入发送队列');
  await poll(() => erp.accepted().length).toBe(2);
  expect(erp.accepted()[1]!.headers['x-lodestar-event']).toBe(erp.accepted()[0]!.headers['x-lodestar-event']);

  await item.getByRole('button', { name: '暂停' }).click();
  await poll(() => item.locator('.badge').textContent()).toBe('已暂停');
  await p.reload();
  await poll(() => p.locator('[data-subscription="ERP 同步"]').textContent()).toContain('已暂停');
  expect(await p.content()).not.toContain(secret);
});
