import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

/*
 * On a 390 px phone the runtime UI gives pages the whole width: the navigation is a drawer behind a
 * menu button, opened and closed by the user; lists are cards; the kanban shows one stage at a time;
 * a new record's type cards and the record page's header fit the screen. No page scrolls sideways.
 */
const { server, sessions } = useBrowserSuite();
let token: string;
let opportunity: string;

beforeAll(async () => {
  token = (await server.userToken({ email: 'phone@example.com', roles: ['salesperson'], displayName: '赵手机' })).token;
  const as = { authorization: `Bearer ${token}` };
  const customer = await server.request(
    'POST',
    '/api/v1/records/customer',
    { record_type: 'company', name: '杭州西湖智能制造有限公司', industry: 'manufacturing' },
    as,
  );
  expect(customer.status).toBe(201);
  const created = await server.request(
    'POST',
    '/api/v1/records/opportunity',
    { name: 'MES 系统一期', customer: customer.body.id, amount: 880000 },
    as,
  );
  expect(created.status).toBe(201);
  opportunity = created.body.id;
});

async function phonePage(as = token) {
  const page = await sessions.open(as, 'zh');
  await page.setViewportSize({ width: 390, height: 844 });
  return page;
}

const pageWidth = (page: Awaited<ReturnType<typeof phonePage>>) =>
  page.evaluate(() => document.documentElement.scrollWidth);

describe('the runtime UI on a phone', () => {
  it('hides the navigation behind 菜单, opens it as a drawer, and closes it on the way to a page', async () => {
    const page = await phonePage();
    await page.goto('/');
    await page.getByRole('heading', { name: /赵手机/ }).waitFor();
    const nav = page.getByRole('navigation', { name: '业务数据' });
    await expect(nav.isVisible()).resolves.toBe(false);
    // The page starts at the left edge, not beside a sidebar.
    const main = (await page.locator('.app-main').boundingBox())!;
    expect(main.x).toBe(0);
    expect(main.width).toBe(390);

    const menu = page.getByRole('button', { name: '菜单' });
    await menu.click();
    await nav.waitFor({ state: 'visible' });
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await nav.waitFor({ state: 'hidden' });

    await menu.click();
    await nav.getByRole('link', { name: '客户', exact: true }).click();
    await page.waitForURL(/\/records\/customer$/);
    await nav.waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
  });

  it('fits a new customer’s type cards into 390 px', async () => {
    const page = await phonePage();
    await page.goto('/records/customer/new');
    const card = page.getByRole('radio', { name: /政府机构/ });
    await card.waitFor();
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  });

  it('shows a list as cards: the title as heading, each other column as label and value', async () => {
    const page = await phonePage();
    await page.goto('/records/opportunity');
    const card = page.locator('tr[data-record-id]').first();
    await card.waitFor();
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const customerCell = card.locator('td[data-label="客户"]');
    await expect(customerCell.textContent()).resolves.toContain('杭州西湖智能制造有限公司');
    const label = await customerCell.evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toBe('"客户"');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await card.click();
    await page.waitForURL(new RegExp(`/records/opportunity/${opportunity}$`));
  });

  it('fits the record page header: the delete button stays one line beside the title', async () => {
    // An administrator, who may delete.
    const page = await phonePage(server.adminToken);
    await page.goto(`/records/opportunity/${opportunity}`);
    const remove = page.getByRole('button', { name: '删除' });
    await remove.waitFor();
    const box = (await remove.boundingBox())!;
    expect(box.height).toBeLessThan(48);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  });

  it('shows the kanban one stage at a time, snapping to the next on a swipe', async () => {
    const page = await phonePage();
    await page.goto('/kanban/opportunity-sales');
    const first = page.locator('.kanban-column').first();
    await first.getByText('MES 系统一期').waitFor();
    const box = (await first.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    const snap = await page.locator('.kanban-board').evaluate((board) => getComputedStyle(board).scrollSnapType);
    expect(snap).toContain('mandatory');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  });

  it('can be installed on a phone’s home screen: a manifest with a standalone display and icons that load', async () => {
    const page = await phonePage();
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await page.evaluate(async (url) => (await fetch(url!)).json(), href);
    expect(manifest).toMatchObject({ short_name: 'Lodestar', display: 'standalone', start_url: '/' });
    const sizes = (manifest.icons as { src: string; sizes: string; type: string }[]).map((icon) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons as { src: string; type: string }[]) {
      const answer = await page.request.get(icon.src);
      expect(answer.status(), icon.src).toBe(200);
      expect(answer.headers()['content-type']).toContain(icon.type);
    }
  });

  it('keeps the sidebar beside the page on a laptop', async () => {
    const page = await sessions.open(token, 'en');
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Records' });
    await nav.waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
  });
});
