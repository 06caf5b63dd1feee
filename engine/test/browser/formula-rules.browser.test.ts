import { describe, expect, it } from 'vitest';
import { draftSaved, useBrowserSuite } from '../support/browser.js';
import { DISCOUNT_MESSAGE, RULES, ruleDefinitions } from '../support/rule-definitions.js';

/*
 * Cross-field rules written as formulas: the record form shows a broken rule beside its field before any
 * request (at 390 px), and the studio edits the rules in the rule builder, as rows or as a formula checked as it
 * is typed.
 */
const { server, sessions } = useBrowserSuite({
  ui: ['runtime-ui', 'studio'],
  server: { definitions: ruleDefinitions(RULES) },
});

describe('formula rules', () => {
  it('the form shows the broken rule beside its field without asking the server, then saves', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto('/records/deal/new?type=standard');
    const discount = p.locator('[data-field="discount"]');
    await discount.locator('input').waitFor();
    await p.locator('[data-field="name"] input').fill('华东项目');
    await discount.locator('input').fill('0.35');
    await p.locator('[data-field="note"] input').fill('大单');
    const posts: string[] = [];
    p.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/v1/records/deal')) posts.push(request.url());
    });
    await p
      .getByRole('button', { name: /创建|保存/ })
      .first()
      .click();
    await expect.poll(() => discount.textContent()).toContain(DISCOUNT_MESSAGE.zh);
    expect(posts).toEqual([]);
    // The message wraps within the phone's width beside its field.
    const box = await discount.getByText(DISCOUNT_MESSAGE.zh).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);

    await discount.locator('input').fill('0.2');
    const [saved] = await Promise.all([
      p.waitForResponse((r) => r.url().endsWith('/api/v1/records/deal') && r.request().method() === 'POST'),
      p
        .getByRole('button', { name: /创建|保存/ })
        .first()
        .click(),
    ]);
    expect(saved.status()).toBe(201);
  });

  it('the studio edits a rule, checking its formula as it is typed', async () => {
    const p = await sessions.open(server.adminToken, 'zh');
    await p.goto('/studio/entities/deal');
    const panel = p.getByTestId('rules-panel');
    await panel.waitFor();
    // The rules written as formulas open as rows where they can: rule 1 is two rows of an any-group, rule 3's
    // NOT ISBLANK(note) and COALESCE(...) stay formula rows, as written.
    const first = panel.locator('.rule-item').nth(0);
    await expect
      .poll(() => first.getByTestId('rule-words').textContent())
      .toBe('条件含义：discount ≤ 0.3 或 记录类型 是 Strategic');
    const third = panel.locator('.rule-item').nth(2);
    expect(await third.getByLabel('条件 1 的公式', { exact: true }).inputValue()).toBe('NOT ISBLANK(note)');
    expect(await third.getByLabel('条件 2 的公式', { exact: true }).inputValue()).toBe('COALESCE(discount, 0) = 0');

    await panel.getByRole('button', { name: '添加规则' }).click();
    const n = RULES.length + 1;
    const rule = panel.locator('.rule-item').nth(n - 1);
    await rule.getByRole('button', { name: '公式', exact: true }).click();
    const box = rule.getByLabel('完整公式', { exact: true });
    const verdict = rule.getByTestId('rule-verdict');
    await box.fill('plannedEnd - plannedStart <= "90"');
    await expect.poll(() => verdict.textContent()).toMatch(/第 1 个字符：“<=”只能比较同类型的值/);
    await box.fill('plannedEnd - plannedStart <= 90');
    await expect.poll(() => verdict.textContent()).toContain('条件正确');
    await panel.getByLabel(`规则 ${n} 提示在字段`).selectOption('plannedEnd');
    await panel.getByLabel(`规则 ${n} 的中文提示`).fill('项目周期不能超过 90 天');
    await panel.getByLabel(`规则 ${n} 的英文提示`).fill('A project lasts 90 days at most');
    await draftSaved(p);
    const draft = (await server.request('GET', '/api/v1/meta/drafts/studio')).body.definitions;
    const rules = draft.entities.find((e: { $id: string }) => e.$id === 'deal')['x-rules'];
    expect(rules[n - 1]).toEqual({
      check: 'plannedEnd - plannedStart <= 90',
      field: 'plannedEnd',
      message: { zh: '项目周期不能超过 90 天', en: 'A project lasts 90 days at most' },
    });
  });
});
