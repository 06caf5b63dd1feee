import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import { opsFor, rowOn, sourcesFor, withOp } from './rule-ops';
import { ruleFields } from './rule-fields';
import { fromExpression } from './rule-tree';
import { opWords, ruleWords } from './rule-words';

const customer = {
  $id: 'customer',
  type: 'object',
  properties: {
    level: {
      type: 'string',
      enum: ['key', 'normal'],
      'x-i18n': { title: { zh: '客户等级', en: 'Level' }, enum: { key: { zh: '重点', en: 'Key' } } },
    },
  },
} as unknown as EntityDefinition;
const deal = {
  $id: 'deal',
  type: 'object',
  'x-entity': { recordTypes: { strategic: { title: { zh: '战略', en: 'Strategic' } } } },
  properties: {
    amount: { type: 'number', 'x-currency': 'CNY', 'x-i18n': { title: { zh: '金额', en: 'Amount' } } },
    closeDate: { type: 'string', format: 'date', 'x-i18n': { title: { zh: '成交日期', en: 'Close date' } } },
    vip: { type: 'boolean', 'x-i18n': { title: { zh: '贵宾', en: 'VIP' } } },
    customer: {
      type: 'string',
      'x-relation': { entity: 'customer' },
      'x-i18n': { title: { zh: '客户', en: 'Customer' } },
    },
    tags: { type: 'array', items: { type: 'string' } },
    assignee: { type: 'string', format: 'uuid', 'x-user': true, 'x-i18n': { title: { zh: '跟进人', en: 'Assignee' } } },
  },
} as unknown as EntityDefinition;

describe('fields and operators by kind', () => {
  const fields = ruleFields(deal, [deal, customer], 'zh', { relations: true });

  it('offers fields by title, a parent’s through its link, record types as a choice; lists are left out', () => {
    expect(fields.map((f) => [f.path, f.label, f.kind])).toEqual([
      ['amount', '金额', 'money'],
      ['closeDate', '成交日期', 'date'],
      ['vip', '贵宾', 'boolean'],
      ['customer', '客户', 'manyToOne'],
      ['assignee', '跟进人', 'user'],
      ['recordType', '记录类型', 'choice'],
      ['customer.level', '客户 › 客户等级', 'choice'],
    ]);
    expect(fields.find((f) => f.path === 'customer.level')!.choices).toEqual([
      { value: 'key', label: '重点' },
      { value: 'normal', label: 'normal' },
    ]);
    expect(ruleFields(deal, [deal, customer], 'en', { relations: false }).map((f) => f.path)).not.toContain(
      'customer.level',
    );
  });

  it('names operators as people say them for each kind', () => {
    const names = (path: string) =>
      opsFor(fields.find((f) => f.path === path)).map((op) =>
        opWords(
          { op, operands: [] },
          fields.find((f) => f.path === path),
          'zh',
        ),
      );
    expect(names('amount')).toEqual(['=', '≠', '>', '≥', '<', '≤', '介于', '为空', '不为空']);
    expect(names('closeDate')).toEqual(['早于', '晚于', '等于', '在未来…天之内', '在过去…天之内', '为空', '不为空']);
    expect(names('customer.level')).toEqual(['是', '不是', '属于', '为空', '不为空']);
  });

  it('starts a row on a field with its first operator and a blank value of its type, and keeps what still fits', () => {
    const level = fields.find((f) => f.path === 'customer.level');
    expect(rowOn(level, 'customer.level')).toEqual({
      kind: 'compare',
      field: 'customer.level',
      op: 'eq',
      operands: [{ kind: 'text', value: 'key' }],
    });
    const amount = fields.find((f) => f.path === 'amount');
    const row = { ...rowOn(amount, 'amount'), operands: [{ kind: 'number' as const, value: '5' }] };
    expect(withOp(row, 'between', amount).operands).toEqual([
      { kind: 'number', value: '5' },
      { kind: 'number', value: '' },
    ]);
    expect(withOp(row, 'empty', amount).operands).toEqual([]);
  });
});

describe('a condition in words', () => {
  const source =
    'amount > 100000 AND (customer.level = "key" OR vip = TRUE) AND AND(closeDate >= TODAY(), closeDate <= TODAY() + 30)';

  it('reads in Chinese and in English with titles and choice labels', () => {
    const { tree } = fromExpression(source);
    expect(ruleWords(tree, ruleFields(deal, [deal, customer], 'zh', { relations: true }), 'zh')).toBe(
      '金额 > 100000 且 (客户 › 客户等级 是 重点 或 贵宾 为“是”) 且 成交日期 在未来 30 天之内',
    );
    expect(ruleWords(tree, ruleFields(deal, [deal, customer], 'en', { relations: true }), 'en')).toBe(
      'Amount > 100000 and (Customer › Level is Key or VIP is yes) and Close date is within the next 30 days',
    );
  });
});

describe('"是我" in a guard', () => {
  it('offers the owner as 负责人 and "me" first for user fields only where a user acts, and says it in both languages', () => {
    const guard = ruleFields(deal, [deal, customer], 'zh', { relations: false, actor: true });
    const owner = guard.find((f) => f.path === 'owner_id')!;
    expect(owner).toMatchObject({ label: '负责人', kind: 'user', me: true });
    expect(guard.find((f) => f.path === 'assignee')!.me).toBe(true);
    expect(sourcesFor(owner, 'eq')).toEqual(['me', 'field']);
    expect(rowOn(owner, 'owner_id').operands).toEqual([{ kind: 'me' }]);
    // A schedule (no one acts): the owner is readable, compared with another field only.
    const schedule = ruleFields(deal, [deal, customer], 'zh', { relations: false, owner: true });
    const plain = schedule.find((f) => f.path === 'owner_id')!;
    expect(plain.me).toBeUndefined();
    expect(sourcesFor(plain, 'eq')).toEqual(['field']);
    expect(ruleFields(deal, [deal, customer], 'zh', { relations: false }).map((f) => f.path)).not.toContain('owner_id');

    const { tree, exact } = fromExpression('owner_id = ME() AND assignee <> ME()');
    expect(exact).toBe(true);
    expect(ruleWords(tree, guard, 'zh')).toBe('负责人 是 我 且 跟进人 不是 我');
    expect(ruleWords(tree, ruleFields(deal, [deal, customer], 'en', { relations: false, actor: true }), 'en')).toBe(
      'Owner is me and Assignee is not me',
    );
  });
});
