import { expect, it } from 'vitest';
import type { DefinitionSet } from '../../src/definitions/definition-set.js';
import { draftSaved, screenshot, useBrowserSuite } from '../support/browser.js';

/*
 * The rule builder (issue 19 item 2): an admin builds "金额 > 100000 且 (客户等级 是 重点 或 折扣 ≥ 0.2)" as the
 * condition of a transition from rows of field, operator and value, without typing an expression; publishes;
 * and the runtime refuses the transition with the guard's message when the condition fails and allows it when it
 * holds. Then, on a phone, the published condition opens as the same rows, and an expression the rows cannot say
 * stays formula text, unchanged.
 */
const definitions = {
  entities: [
    {
      $id: 'deal',
      title: 'Deal',
      type: 'object',
      'x-i18n': { title: { zh: '商机', en: 'Deal' } },
      'x-entity': { titleField: 'name' },
      properties: {
        name: { type: 'string', maxLength: 100, 'x-i18n': { title: { zh: '商机名称', en: 'Name' } } },
        amount: { type: 'number', 'x-currency': 'CNY', 'x-i18n': { title: { zh: '金额', en: 'Amount' } } },
        level: {
          type: 'string',
          enum: ['key', 'normal'],
          'x-i18n': {
            title: { zh: '客户等级', en: 'Customer level' },
            enum: { key: { zh: '重点', en: 'Key' }, normal: { zh: '普通', en: 'Normal' } },
          },
        },
        discount: { type: 'number', 'x-i18n': { title: { zh: '折扣', en: 'Discount' } } },
      },
      required: ['name'],
    },
  ],
  workflows: [
    {
      id: 'deal-approval',
      initial: 'draft',
      meta: { entity: 'deal', title: { zh: '商机审批', en: 'Deal approval' } },
      states: {
        draft: {
          meta: { title: { zh: '草稿', en: 'Draft' } },
          on: { SUBMIT: { target: 'approved', meta: { title: { zh: '提交审批', en: 'Submit' } } } },
        },
        approved: { type: 'final', meta: { title: { zh: '已批准', en: 'Approved' } } },
      },
    },
  ],
} as unknown as DefinitionSet;

const { server, sessions } = useBrowserSuite({ ui: ['studio', 'runtime-ui'], server: { definitions } });

const CHECK = 'amount > 100000 AND (level = "key" OR discount >= 0.2)';
const MESSAGE = {
  zh: '金额超过 10 万，且为重点客户或折扣不低于 20%，才能提交审批',
  en: 'Only deals above 100,000 for key customers or with a discount of at least 20% may be submitted',
};

const workflowIn = async (path: string) =>
  (await server.request('GET', path)).body.definitions.workflows.find((w: { id: string }) => w.id === 'deal-approval');

it('builds a two-level condition from rows, publishes it, and the runtime judges transitions by it', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.setViewportSize({ width: 1366, height: 900 });
  await p.goto('/studio/workflows/deal-approval');
  await p.locator('[data-state="draft"]').click();
  await p.getByRole('complementary', { name: '阶段' }).locator('[data-out-event="SUBMIT"]').click();
  const transition = p.getByRole('complementary', { name: '流转' });
  await transition.getByLabel('条件', { exact: true }).selectOption({ label: '数据条件' });
  const builder = transition.getByTestId('rule-builder');
  await builder.getByLabel('条件 1 的字段', { exact: true }).selectOption({ label: '金额' });
  // A money field offers number operators; a choice field 是 / 不是 / 属于; a date 早于 / 晚于.
  expect(await builder.getByLabel('条件 1 的运算', { exact: true }).locator('option').allTextContents()).toEqual([
    '=',
    '≠',
    '>',
    '≥',
    '<',
    '≤',
    '介于',
    '为空',
    '不为空',
  ]);
  await builder.getByLabel('条件 1 的运算', { exact: true }).selectOption({ label: '>' });
  await builder.getByLabel('条件 1 的值', { exact: true }).fill('100000');

  await builder.getByRole('button', { name: '+ 添加条件组' }).click();
  const group = builder.locator('[data-rule-group="2"]');
  expect(await group.getByLabel('条件组 2 的匹配方式', { exact: true }).inputValue()).toBe('any');
  await group.getByLabel('条件 2.1 的字段', { exact: true }).selectOption({ label: '客户等级' });
  expect(await group.getByLabel('条件 2.1 的运算', { exact: true }).locator('option').allTextContents()).toEqual([
    '是',
    '不是',
    '属于',
    '为空',
    '不为空',
  ]);
  await group.getByLabel('条件 2.1 的值', { exact: true }).selectOption({ label: '重点' });
  await group.locator(':scope > .rule-add').getByRole('button', { name: '+ 添加条件', exact: true }).click();
  await group.getByLabel('条件 2.2 的字段', { exact: true }).selectOption({ label: '折扣' });
  await group.getByLabel('条件 2.2 的运算', { exact: true }).selectOption({ label: '≥' });
  await group.getByLabel('条件 2.2 的值', { exact: true }).fill('0.2');
  await expect
    .poll(() => builder.getByTestId('rule-words').textContent())
    .toBe('条件含义：金额 > 100000 且 (客户等级 是 重点 或 折扣 ≥ 0.2)');
  await expect.poll(() => builder.getByTestId('rule-verdict').textContent()).toBe('条件正确');
  await transition.getByLabel('不满足时的提示 · 中文', { exact: true }).fill(MESSAGE.zh);
  await transition.getByLabel('不满足时的提示 · English', { exact: true }).fill(MESSAGE.en);
  await draftSaved(p);
  await p.getByTestId('workflow-issues').getByText('引擎没有发现问题。').waitFor();
  expect((await workflowIn('/api/v1/meta/drafts/studio')).states.draft.on.SUBMIT.guard).toEqual({
    type: 'condition',
    params: { check: CHECK, message: MESSAGE },
  });
  // The picture shows the builder from its title: the panel scrolled to it, the page at its top.
  await builder.evaluate((element) => {
    element.scrollIntoView({ block: 'start' });
    window.scrollTo(0, 0);
    let box = element.parentElement;
    while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY)))
      box = box.parentElement;
    if (box) box.scrollTop -= 70;
  });
  await screenshot(p, 'studio-rule-builder');

  await p.goto('/studio/publish');
  await p.getByRole('button', { name: '发布', exact: true }).click();
  await p.getByTestId('published').waitFor();
  expect((await workflowIn('/api/v1/meta/model')).states.draft.on.SUBMIT.guard.params.check).toBe(CHECK);

  const create = async (record: Record<string, unknown>) => {
    const created = await server.request('POST', '/api/v1/records/deal', record);
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  // Key customer but small; large, normal customer, 25% off: the first fails the condition, the second holds.
  const small = await create({ name: '小额重点单', amount: 50000, level: 'key', discount: 0 });
  const large = await create({ name: '大额折扣单', amount: 200000, level: 'normal', discount: 0.25 });
  const refused = await server.request('POST', `/api/v1/records/deal/${small}/events`, { type: 'SUBMIT' });
  expect(refused.status).toBeGreaterThanOrEqual(400);
  expect(JSON.stringify(refused.body)).toContain(MESSAGE.zh);

  await p.goto(`/records/deal/${small}`);
  const reason = p.getByTestId('blocked-reason-SUBMIT');
  await reason.waitFor();
  expect(await reason.textContent()).toContain(MESSAGE.zh);
  expect(await p.locator('[data-event="SUBMIT"]').isDisabled()).toBe(true);

  await p.goto(`/records/deal/${large}`);
  await expect.poll(() => p.locator('[data-event="SUBMIT"]').isEnabled()).toBe(true);
  await p.locator('[data-event="SUBMIT"]').click();
  await p.getByTestId('stage-path').locator('[data-state="approved"][aria-current="step"]').waitFor();
  expect((await server.request('GET', `/api/v1/records/deal/${large}`)).body.state).toBe('approved');
});

it('opens the published condition as the same rows on a phone, and keeps a formula the rows cannot say', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.setViewportSize({ width: 390, height: 844 });
  await p.goto('/studio/workflows/deal-approval');
  await p.locator('[data-state="draft"]').click();
  await p.getByRole('complementary', { name: '阶段' }).locator('[data-out-event="SUBMIT"]').click();
  const transition = p.getByRole('complementary', { name: '流转' });
  const builder = transition.getByTestId('rule-builder');
  expect(await builder.getByLabel('条件 1 的值', { exact: true }).inputValue()).toBe('100000');
  expect(await builder.getByLabel('条件 2.1 的值', { exact: true }).inputValue()).toBe('key');
  expect(await builder.getByLabel('条件 2.2 的运算', { exact: true }).inputValue()).toBe('gte');
  await builder.getByLabel('条件 2.2 的字段', { exact: true }).scrollIntoViewIfNeeded();
  await screenshot(p, 'studio-rule-builder-phone');
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const last = await builder.getByLabel('条件 2.2 的值', { exact: true }).boundingBox();
  expect(last!.x + last!.width).toBeLessThanOrEqual(390);

  // Formula mode shows the expression; typing a title offers the field, whose name replaces it.
  await builder.getByRole('button', { name: '公式', exact: true }).click();
  const box = builder.getByLabel('完整公式', { exact: true });
  expect(await box.inputValue()).toBe(CHECK);
  const formulaBox = await box.boundingBox();
  expect(formulaBox!.x + formulaBox!.width).toBeLessThanOrEqual(390);
  const unsayable = 'IF(level = "key", amount > 0, FALSE)';
  await box.fill('IF(客户');
  await builder.getByRole('button', { name: '客户等级 · level' }).click();
  expect(await box.inputValue()).toBe('IF(level');
  await box.fill(unsayable);
  await expect.poll(() => builder.getByTestId('rule-verdict').textContent()).toBe('条件正确');
  await draftSaved(p);
  expect(await builder.getByRole('button', { name: '可视化', exact: true }).isDisabled()).toBe(true);
  await builder.getByText('这个公式无法用条件行表示').waitFor();
  expect((await workflowIn('/api/v1/meta/drafts/studio')).states.draft.on.SUBMIT.guard.params.check).toBe(unsayable);

  // A wrong type is named in words before anything is published.
  await box.fill('amount + 1');
  await expect
    .poll(() => builder.getByTestId('rule-verdict').textContent())
    .toContain('条件的结果应为“是/否”，而这里是数字');
});

it('composes guards with 任一满足 as forms, each condition in its own builder, never JSON', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.setViewportSize({ width: 1366, height: 900 });
  await p.goto('/studio/workflows/deal-approval');
  await p.locator('[data-state="draft"]').click();
  await p.getByRole('complementary', { name: '阶段' }).locator('[data-out-event="SUBMIT"]').click();
  const transition = p.getByRole('complementary', { name: '流转' });
  await transition.getByLabel('条件', { exact: true }).selectOption({ label: '任一满足' });
  await transition.getByRole('button', { name: '+ 添加一项条件' }).click();
  await transition.getByRole('button', { name: '+ 添加一项条件' }).click();
  const first = transition.locator('[data-guard-part="1"]');
  expect(await first.getByLabel('第 1 项', { exact: true }).inputValue()).toBe('condition');
  await first.getByLabel('条件 1 的字段', { exact: true }).selectOption({ label: '金额' });
  await first.getByLabel('条件 1 的运算', { exact: true }).selectOption({ label: '≥' });
  await first.getByLabel('条件 1 的值', { exact: true }).fill('500000');
  const second = transition.locator('[data-guard-part="2"]');
  await second.getByLabel('条件 1 的字段', { exact: true }).selectOption({ label: '客户等级' });
  await second.getByLabel('条件 1 的运算', { exact: true }).selectOption({ label: '属于' });
  await second.getByLabel('重点', { exact: true }).check();
  await second.getByLabel('普通', { exact: true }).check();
  expect(await transition.getByText('JSON').count()).toBe(0);
  await draftSaved(p);
  await p.getByTestId('workflow-issues').getByText('引擎没有发现问题。').waitFor();
  expect((await workflowIn('/api/v1/meta/drafts/studio')).states.draft.on.SUBMIT.guard).toEqual({
    type: 'any',
    params: {
      guards: [
        { type: 'condition', params: { check: 'amount >= 500000' } },
        { type: 'condition', params: { check: 'OR(level = "key", level = "normal")' } },
      ],
    },
  });
});

it('reads the same builder in English: operators, groups and the condition in words', async () => {
  await server.request('PUT', '/api/v1/meta/drafts/studio', {
    definitions: {
      ...definitions,
      workflows: [
        {
          ...definitions.workflows[0],
          states: {
            ...definitions.workflows[0]!.states,
            draft: {
              meta: { title: { zh: '草稿', en: 'Draft' } },
              on: { SUBMIT: { target: 'approved', guard: { type: 'condition', params: { check: CHECK } } } },
            },
          },
        },
      ],
    },
  });
  const p = await sessions.open(server.adminToken, 'en');
  await p.goto('/studio/workflows/deal-approval');
  await p.locator('[data-state="draft"]').click();
  await p.getByRole('complementary', { name: 'Stage' }).locator('[data-out-event="SUBMIT"]').click();
  const builder = p.getByTestId('rule-builder');
  await expect
    .poll(() => builder.getByTestId('rule-words').textContent())
    .toBe('Reads as: Amount > 100000 and (Customer level is Key or Discount ≥ 0.2)');
  expect(
    await builder.getByLabel('How conditions match', { exact: true }).locator('option:checked').textContent(),
  ).toBe('All of these hold');
  expect(
    await builder.getByLabel('Operator of condition 2.1', { exact: true }).locator('option').allTextContents(),
  ).toEqual(['is', 'is not', 'is one of', 'is empty', 'is not empty']);
  expect(await builder.getByTestId('rule-verdict').textContent()).toBe('The condition checks');
});
