import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '../../definitions/entity.js';
import type { WorkflowDefinition } from '../../definitions/workflow.js';
import { validateWorkflow } from '../../definitions/validate-workflow.js';
import { checkRecordExpression } from '../../formula/record-expression.js';
import { stepNames } from '../../migrate/step-names.js';
import { compileMachine } from '../compile-machine.js';
import { decide } from '../decide.js';
import { dataGuardsFor } from '../guard-facts.js';
import { expressionText, relatedText } from '../guard-facts-text.js';
import { evaluateGuard, GUARDS, type GuardFact, type GuardInput } from './index.js';

const customer = {
  $id: 'customer',
  title: 'Customer',
  'x-i18n': { title: { zh: '客户' } },
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: {
    name: { type: 'string', maxLength: 200 },
    level: {
      type: 'string',
      enum: ['key', 'normal'],
      title: 'Level',
      'x-i18n': { title: { zh: '等级' }, enum: { key: { en: 'Key account', zh: '重点客户' } } },
    },
    maxDiscount: { type: 'number', title: 'Max discount', 'x-i18n': { title: { zh: '最大折扣' } } },
  },
} as unknown as EntityDefinition;
const product = {
  $id: 'product',
  title: 'Product',
  'x-i18n': { title: { zh: '产品' } },
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: {
    name: { type: 'string', maxLength: 200 },
    category: { type: 'string', title: 'Category', 'x-i18n': { title: { zh: '类别' } } },
  },
} as unknown as EntityDefinition;
const quote = {
  $id: 'quote',
  title: 'Quote',
  'x-i18n': { title: { zh: '报价' } },
  type: 'object',
  'x-entity': { titleField: 'title' },
  properties: {
    title: { type: 'string', maxLength: 200 },
    amount: { type: 'number', title: 'Amount', 'x-i18n': { title: { zh: '金额' } } },
    discount: { type: 'number', title: 'Discount', 'x-i18n': { title: { zh: '折扣' } } },
    cost: { type: 'number' },
    customer: {
      type: 'string',
      format: 'uuid',
      title: 'Customer',
      'x-i18n': { title: { zh: '客户' } },
      'x-relation': { entity: 'customer' },
    },
  },
} as unknown as EntityDefinition;
const quoteLine = {
  $id: 'quoteLine',
  title: 'Quote line',
  'x-i18n': { title: { zh: '报价明细' } },
  type: 'object',
  'x-entity': { titleField: 'label' },
  properties: {
    label: { type: 'string', maxLength: 200 },
    quote: { type: 'string', format: 'uuid', 'x-relation': { entity: 'quote' } },
    product: {
      type: 'string',
      format: 'uuid',
      title: 'Product',
      'x-i18n': { title: { zh: '产品' } },
      'x-relation': { entity: 'product' },
    },
  },
} as unknown as EntityDefinition;
const set = [customer, product, quote, quoteLine];
const entities = new Map(set.map((e) => [e.$id, e]));
const names = stepNames({ entities: set, workflows: [] });
const titles = { entity: names.entity, field: names.field, choice: names.choice };

const CAP = { type: 'condition', params: { check: 'discount <= customer.maxDiscount' } };
const SERVICE = {
  type: 'related',
  params: { entity: 'quoteLine', via: 'quote', where: 'product.category = "service"' },
};
const fact = (value: unknown, label = { en: 'x', zh: 'x' }): GuardFact => ({ value, label });
const input = (facts: [string, GuardFact][]): GuardInput => ({
  record: {},
  actor: { id: 'u1', roles: [] },
  facts: new Map(facts),
});
const keyOf = (ref: { type: string; params: Record<string, unknown> }) => GUARDS.get(ref.type)!.fact!(ref.params);

function workflow(states: WorkflowDefinition['states']): WorkflowDefinition {
  return { id: 'quote-flow', meta: { entity: 'quote' }, initial: 'draft', states } as WorkflowDefinition;
}

describe('data guards with given facts', () => {
  it('condition passes only on TRUE; false and blank fail with the titled expression, or the message', () => {
    const label = { en: "Discount ≤ Customer's Max discount", zh: '折扣 ≤ 客户的最大折扣' };
    expect(evaluateGuard(CAP, input([[keyOf(CAP), fact(true, label)]]))).toBe(true);
    expect(evaluateGuard(CAP, input([[keyOf(CAP), fact(false, label)]]))).toEqual({
      reason: { en: "Condition not met: Discount ≤ Customer's Max discount", zh: '条件不满足：折扣 ≤ 客户的最大折扣' },
    });
    expect(evaluateGuard(CAP, input([[keyOf(CAP), fact(null, label)]]))).not.toBe(true);
    const message = { en: 'Ask your manager', zh: '请找经理审批' };
    const worded = { ...CAP, params: { ...CAP.params, message } };
    expect(evaluateGuard(worded, input([[keyOf(worded), fact(false)]]))).toEqual({ reason: message });
  });

  it('never passes without its fact', () => {
    expect(evaluateGuard(CAP, input([]))).toMatchObject({ reason: { zh: expect.stringContaining('无法判断') } });
    expect(evaluateGuard(SERVICE, input([]))).not.toBe(true);
  });

  it('related counts against min and max (exists by default) and names the entity and count', () => {
    const label = { en: 'Quote line', zh: '报价明细' };
    const at = (params: Record<string, unknown>, count: number) => {
      const ref = { type: 'related', params: { entity: 'quoteLine', via: 'quote', ...params } };
      return evaluateGuard(ref, input([[keyOf(ref), fact(count, label)]]));
    };
    expect(at({}, 1)).toBe(true);
    expect(at({}, 0)).toEqual({
      reason: { en: 'At least 1 Quote line required; there are 0', zh: '至少需要 1 条报价明细，现有 0 条' },
    });
    expect(at({ max: 2 }, 0)).toBe(true);
    expect(at({ max: 2 }, 3)).toMatchObject({ reason: { zh: '报价明细最多 2 条，现有 3 条' } });
    expect(at({ min: 1, max: 2 }, 3)).toMatchObject({
      reason: { en: 'Between 1 and 2 Quote line required; there are 3' },
    });
    expect(at({ min: 2 }, 2)).toBe(true);
  });

  it('one fact per distinct guard, whatever the message; nested guards share it', () => {
    const worded = { ...CAP, params: { ...CAP.params, message: { en: 'a', zh: 'b' } } };
    expect(keyOf(worded)).toBe(keyOf(CAP));
    const ref = { type: 'any', params: { guards: [{ type: 'not', params: { guard: CAP } }, SERVICE] } };
    expect(
      evaluateGuard(
        ref,
        input([
          [keyOf(CAP), fact(false)],
          [keyOf(SERVICE), fact(0)],
        ]),
      ),
    ).toBe(true);
  });
});

describe('reason texts', () => {
  it('name fields by their titles, parents as "Customer\'s Max discount", with readable operators', () => {
    const text = (source: string, on = quote) =>
      expressionText(entities, checkRecordExpression(entities, on, source, '').expression!, titles);
    expect(text('discount <= customer.maxDiscount')).toEqual({
      en: "Discount ≤ Customer's Max discount",
      zh: '折扣 ≤ 客户的最大折扣',
    });
    expect(text('amount >= 10000 AND customer.level <> "key"')).toEqual({
      en: 'Amount ≥ 10000 and Customer\'s Level ≠ "Key account"',
      zh: '金额 ≥ 10000 且 客户的等级 ≠ “重点客户”',
    });
    // A value without a label, or text compared with a field that is no choice, stays as written.
    expect(text('"normal" = customer.level OR customer.name = "key"').zh).toBe(
      '"normal" = 客户的等级 或 客户的name = "key"',
    );
    expect(text('NOT amount > 1 or (discount < 0.2)').zh).toBe('非 金额 > 1 或 (折扣 < 0.2)');
    expect(text('ROUND(amount, 0) > cost').en).toBe('ROUND(Amount, 0) > cost');
    const where = text('product.category = "service"', quoteLine);
    expect(relatedText(names.entity('quoteLine'), where)).toEqual({
      en: 'Quote line where Product\'s Category = "service"',
      zh: '报价明细（产品的类别 = "service"）',
    });
  });
});

describe('which facts a decision needs', () => {
  const compiled = compileMachine(
    workflow({
      draft: {
        on: {
          SUBMIT: [{ target: 'review', guard: CAP }, { target: 'draft' }],
          NOTE: { target: 'draft', guard: 'approvalGiven' },
        },
      },
      review: { always: { target: 'done', guard: SERVICE }, on: { BACK: 'draft' } },
      done: { type: 'final' },
    }),
  );

  it("the event's guards and the eventless guards of the states it leads to; none for plain events", () => {
    expect(dataGuardsFor(compiled, 'draft', 'SUBMIT').map((g) => g.type)).toEqual(['condition', 'related']);
    expect(dataGuardsFor(compiled, 'draft', 'NOTE')).toEqual([]);
    expect(dataGuardsFor(compiled, 'draft').map((g) => g.type)).toEqual(['condition', 'related']);
    expect(dataGuardsFor(compiled, 'review', 'BACK').map((g) => g.type)).toEqual(['related']);
    expect(dataGuardsFor(compiled, 'draft', 'SUBMIT')).toBe(dataGuardsFor(compiled, 'draft', 'SUBMIT'));
  });

  it('decide passes the facts to the machine and explains a refusal by the data guard', () => {
    const base = { state: 'draft', event: { type: 'SUBMIT' }, record: {}, actor: { id: 'u', roles: [] } };
    const label = { en: "Discount ≤ Customer's Max discount", zh: '折扣 ≤ 客户的最大折扣' };
    const facts = (ok: boolean) =>
      new Map([
        [keyOf(CAP), fact(ok, label)],
        [keyOf(SERVICE), fact(0)],
      ]);
    expect(decide(compiled, { ...base, facts: facts(true) })).toMatchObject({ ok: true, to: 'review' });
    expect(decide(compiled, { ...base, facts: facts(false) })).toMatchObject({ ok: true, to: 'draft' });
    const strict = compileMachine(workflow({ draft: { on: { SUBMIT: { target: 'done', guard: CAP } } }, done: {} }));
    expect(decide(strict, { ...base, facts: facts(false) })).toEqual({
      ok: false,
      reason: { en: `Condition not met: ${label.en}`, zh: `条件不满足：${label.zh}` },
      guard: 'condition',
    });
  });
});

describe('data guard definitions', () => {
  const issues = (states: WorkflowDefinition['states']) =>
    validateWorkflow(workflow(states), set).map((i) => [i.pointer, i.keyword, i.i18n?.zh ?? i.message]);
  const on = (guard: unknown) => ({ draft: { on: { GO: { target: 'done', guard } } }, done: {} }) as never;
  const at = '/states/draft/on/GO/guard/params';

  it("accepts conditions over parents and related counts over the child's parents", () => {
    expect(issues(on(CAP))).toEqual([]);
    expect(issues(on({ ...SERVICE, params: { ...SERVICE.params, min: 1, max: 3 } }))).toEqual([]);
  });

  it('points at unknown fields, relations, non-yes/no expressions and impossible counts', () => {
    expect(issues(on({ type: 'condition', params: { check: 'discount <= customer.cap' } }))).toEqual([
      [`${at}/check`, 'formula', expect.stringContaining('customer.cap')],
    ]);
    expect(issues(on({ type: 'condition', params: { check: 'rebate > 0' } }))).toEqual([
      [`${at}/check`, 'unknownField', expect.stringContaining('rebate')],
    ]);
    expect(issues(on({ type: 'condition', params: { check: 'amount * 2' } }))).toEqual([
      [`${at}/check`, 'formula', expect.stringContaining('是/否')],
    ]);
    expect(issues(on({ type: 'related', params: { entity: 'invoice', via: 'quote' } }))).toEqual([
      [`${at}/entity`, 'unknownEntity', expect.any(String)],
    ]);
    expect(issues(on({ type: 'related', params: { entity: 'quoteLine', via: 'order' } }))).toEqual([
      [`${at}/via`, 'unknownField', expect.any(String)],
    ]);
    expect(issues(on({ type: 'related', params: { entity: 'quoteLine', via: 'product' } }))).toEqual([
      [`${at}/via`, 'relatedVia', expect.stringContaining('多对一')],
    ]);
    expect(issues(on({ ...SERVICE, params: { ...SERVICE.params, where: 'product.colour = 1' } }))).toEqual([
      [`${at}/where`, 'formula', expect.stringContaining('product.colour')],
    ]);
    expect(issues(on({ ...SERVICE, params: { ...SERVICE.params, min: 3, max: 1 } }))).toEqual([
      [`${at}/max`, 'relatedRange', expect.stringContaining('最多')],
    ]);
    expect(issues(on({ type: 'related', params: { entity: 'quoteLine', via: 'quote', min: -1 } }))).toEqual([
      [`${at}/min`, 'minimum', expect.any(String)],
    ]);
  });

  it('refuses a data guard on a transition taken while a record starts', () => {
    expect(issues({ draft: { always: { target: 'done', guard: CAP } }, done: {} } as never)).toEqual([
      ['/states/draft/always/guard', 'startDataGuard', expect.stringContaining('尚未保存')],
    ]);
  });
});
