import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

/*
 * Lists that answer: Chinese names in pinyin order, column headers on one line (never broken inside a word),
 * and a view a manager shared with the team, which a salesperson sees read-only and copies as their own.
 */
const { server, sessions } = useBrowserSuite();
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const tags: Record<string, string[]> = { 上海浦东软件园: ['listed'], 广州天河城: ['stateOwned', 'newCustomer'] };
  for (const name of ['上海浦东软件园', '北京中关村科技', '广州天河城', '阿里巴巴（中国）', '杭州西湖智能制造']) {
    const created = await server.request('POST', '/api/v1/records/customer', {
      record_type: 'company',
      name,
      industry: 'manufacturing',
      tags: tags[name] ?? [],
    });
    expect(created.status).toBe(201);
  }
  const team = (await server.request('POST', '/api/v1/admin/org-units', { name: '华东销售组' })).body.id as string;
  for (const [key, roles, displayName] of [
    ['mia', ['salesManager'], '米娅'],
    ['alice', ['salesperson'], '爱丽丝'],
  ] as const) {
    tokens[key] = (
      await server.userToken({ email: `${key}@example.com`, roles: [...roles], orgUnitId: team, displayName })
    ).token;
  }
});

describe('lists that answer', () => {
  it('sorts Chinese names in pinyin order and keeps every header on one line', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto('/records/customer?sort=name');
    const names = page.locator('.record-table tbody tr td:first-child');
    await expect
      .poll(() => names.allTextContents())
      .toEqual(['阿里巴巴（中国）', '北京中关村科技', '广州天河城', '杭州西湖智能制造', '上海浦东软件园']);
    // A header's text is one line: its height is one line's, at a desktop width and squeezed to 720 px.
    for (const width of [1366, 720]) {
      await page.setViewportSize({ width, height: 768 });
      const lines = await page.locator('.record-table th').evaluateAll((cells) =>
        cells.map((th) => {
          // The visible text's line boxes (the screen reader's 升序/降序 is clipped away).
          const tops = new Set<number>();
          const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement?.closest('.visually-hidden')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
          }
          return { text: th.textContent, lines: tops.size, keepAll: getComputedStyle(th).wordBreak === 'keep-all' };
        }),
      );
      expect(lines.length).toBeGreaterThan(3);
      for (const header of lines) expect(header, JSON.stringify(header)).toMatchObject({ lines: 1, keepAll: true });
    }
  });

  it('starts the filter panel with the common fields, finds others by typing, and filters tags by any', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto('/records/customer?sort=name');
    await page.getByTestId('filter-button').click();
    const panel = page.getByTestId('filter-panel');
    await expect
      .poll(() => panel.locator('.filter-title').allTextContents())
      .toEqual(['客户等级', '所属行业', '所属区域', '标签']);
    await panel.getByRole('searchbox', { name: '添加筛选字段' }).fill('来源');
    await panel.getByRole('button', { name: '客户来源' }).click();
    await expect.poll(() => panel.locator('.filter-title').allTextContents()).toContain('客户来源');
    const tags = panel.getByRole('group', { name: '标签' });
    await tags.getByLabel('上市公司').check();
    await tags.getByLabel('国有企业').check();
    const names = page.locator('.record-table tbody tr td:first-child');
    await expect.poll(() => names.allTextContents()).toEqual(['广州天河城', '上海浦东软件园']);
    expect(page.url()).toContain('filter%5Btags%5D%5Bany%5D=');
  });

  it('edits a cell in place, shows a conflict with the current value and a refusal with its reason', async () => {
    const page = await sessions.open(server.adminToken, 'zh');
    await page.goto('/records/customer?sort=name');
    const found = await server.request('GET', '/api/v1/records/customer?filter[name]=杭州西湖智能制造');
    const row = page.locator(`tr[data-record-id="${found.body.data[0].id as string}"]`);
    await row.getByRole('button', { name: '编辑客户名称' }).click();
    const input = row.getByRole('textbox', { name: '客户名称' });
    await input.fill('杭州西湖智造');
    await input.press('Enter');
    await expect.poll(() => row.locator('td').first().textContent()).toBe('杭州西湖智造');
    expect(page.url()).toContain('/records/customer');

    // someone else renames it meanwhile: the conflict shows their value and keeps ours
    const listed = await server.request('GET', '/api/v1/records/customer?filter[name]=杭州西湖智造');
    const record = listed.body.data[0];
    const other = await server.request('PATCH', `/api/v1/records/customer/${record.id}`, {
      name: '杭州西湖智能制造集团',
      version: record.version,
    });
    expect(other.status).toBe(200);
    await row.getByRole('button', { name: '编辑客户名称' }).click();
    await input.fill('西湖智造');
    await input.press('Enter');
    await expect
      .poll(() => row.getByRole('alert').textContent())
      .toBe('此记录刚被他人修改，当前值为 杭州西湖智能制造集团');
    expect(await input.inputValue()).toBe('西湖智造');
    await input.press('Enter'); // saved over the version it was shown
    await expect.poll(() => row.locator('td').first().textContent()).toBe('西湖智造');

    // a refusal names the reason in the reader's language
    await row.getByRole('button', { name: '编辑客户名称' }).click();
    await input.fill('');
    await input.press('Enter');
    await expect.poll(() => row.getByRole('alert').textContent()).toMatch(/客户名称|必填|不能为空/);
  });

  it('shows a view the manager shared with the team to a teammate, who copies it as their own', async () => {
    const api = (who: string, method: string, path: string, body?: unknown) =>
      server.request(method, `/api/v1${path}`, body, { authorization: `Bearer ${tokens[who]}` });
    const saved = await api('mia', 'POST', '/views/customer', { name: '重点制造客户', query: { sort: 'name' } });
    expect(saved.status).toBe(201);
    const me = await api('mia', 'GET', '/auth/me');
    const shared = await api('mia', 'PUT', `/views/customer/${saved.body.id}/sharing`, {
      unitId: me.body.orgUnitId,
    });
    expect(shared.status).toBe(200);

    const page = await sessions.open(tokens.alice!, 'zh');
    await page.goto('/records/customer');
    await page.getByRole('button', { name: '视图' }).click();
    const menu = page.getByRole('group', { name: '已保存的视图' });
    await expect.poll(() => menu.getByRole('listitem').first().textContent()).toContain('重点制造客户米娅 共享');
    // read-only: no delete and no sharing for someone else's view
    await expect.poll(() => menu.getByRole('button', { name: /删除视图/ }).count()).toBe(0);
    await menu.getByRole('button', { name: '复制为我的视图' }).click();
    await expect.poll(() => menu.getByRole('button', { name: /删除视图.*重点制造客户/ }).count()).toBe(1);
    await expect.poll(() => menu.getByRole('combobox', { name: /共享给.*重点制造客户/ }).count()).toBe(1);
    const mine = await api('alice', 'GET', '/views/customer');
    expect(mine.body.data.map((v: { name: string; mine: boolean }) => [v.name, v.mine])).toEqual([
      ['重点制造客户', true],
      ['重点制造客户', false],
    ]);
  });
});
