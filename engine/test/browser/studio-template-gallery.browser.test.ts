import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from '../support/browser.js';
import { FIXTURES, REPO_ROOT } from '../support/paths.js';

/*
 * The studio's 模板库: the templates shipped in templates/ beside the engine's definitions (here the standard
 * CRM with the two fixture add-ons), each installed through its dry run and plan; in Chinese, then in English
 * on a 390 px phone.
 */
const definitions = mkdtempSync(join(tmpdir(), 'lodestar-gallery-'));
for (const part of ['schemas', 'workflows', 'roles.json', 'template.json'])
  cpSync(join(REPO_ROOT, part), join(definitions, part), { recursive: true });
for (const addon of ['competitors', 'campaigns'])
  cpSync(join(FIXTURES, 'addons', addon), join(definitions, 'templates', addon), { recursive: true });
afterAll(() => rmSync(definitions, { recursive: true, force: true }));

const { server, sessions } = useBrowserSuite({ ui: ['studio'], server: { definitionsDir: definitions } });
const installedNames = async () =>
  (await server.request('GET', '/api/v1/meta/templates')).body.data.map((t: { name: string }) => t.name);

it('lists the shipped add-ons, dry-runs one into its worded plan and installs it, in Chinese', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.goto('/studio/');
  await p.getByRole('navigation').getByRole('link', { name: '模板库' }).click();
  await expect.poll(() => p.getByTestId('installed-templates').textContent()).toContain('标准 CRM 1.0.0');
  const card = p.getByTestId('template-competitors');
  await expect.poll(() => card.textContent()).toContain('竞争对手');
  const text = (await card.textContent())!;
  expect(text).toContain('附加模板');
  expect(text).toContain('依赖');
  expect(text).toContain('lodestar-standard');
  expect(text).toContain('未安装');
  expect(text).toContain('在商机上标出与我们竞争的对手');

  await card.getByRole('button', { name: '安装', exact: true }).click();
  const plan = card.getByTestId('gallery-plan');
  await plan.waitFor();
  expect(await plan.textContent()).toContain('competitors@1.0.0 的迁移计划');
  await expect.poll(async () => plan.locator('.plan-step').count()).toBeGreaterThan(1);
  expect(await plan.textContent()).toContain('竞争对手');
  expect(await installedNames()).toEqual(['lodestar-standard']);
  await screenshot(p, 'studio-template-gallery-plan');

  await plan.getByRole('button', { name: '确认安装' }).click();
  await expect.poll(() => card.getByTestId('gallery-installed').textContent()).toContain('已安装，模型现为版本 v2');
  await expect.poll(() => card.textContent()).toContain('已安装 1.0.0');
  await expect.poll(() => p.getByTestId('installed-templates').textContent()).toContain('竞争对手 1.0.0');
  expect(await installedNames()).toEqual(['lodestar-standard', 'competitors']);
});

it('installs the second add-on on a 390 px phone in English, the page no wider than the screen', async () => {
  const p = await sessions.open(server.adminToken, 'en');
  await p.setViewportSize({ width: 390, height: 800 });
  await p.goto('/studio/templates');
  const card = p.getByTestId('template-campaigns');
  await expect.poll(() => card.textContent()).toContain('Campaigns');
  expect(await card.textContent()).toContain('Not installed');
  await card.getByRole('button', { name: 'Install', exact: true }).click();
  const plan = card.getByTestId('gallery-plan');
  await plan.waitFor();
  expect(await plan.textContent()).toContain('Migration plan for campaigns@1.0.0');
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(p, 'studio-template-gallery-390-en');
  await plan.getByRole('button', { name: 'Confirm install' }).click();
  await expect.poll(() => card.getByTestId('gallery-installed').textContent()).toContain('version 3');
  await expect.poll(() => card.textContent()).toContain('Installed: 1.0.0');
  expect(await installedNames()).toEqual(['lodestar-standard', 'competitors', 'campaigns']);
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
