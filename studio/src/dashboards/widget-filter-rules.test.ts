import { describe, expect, it } from 'vitest';
import type { AggregateWidgetDefinition } from '@lodestar/core';
import type { RuleField } from '../rules/rule-fields';
import { expressionToFilter, filterToExpression } from './widget-filter-rules';

const fields: RuleField[] = [
  { path: 'state', label: '阶段', kind: 'choice', type: 'text', choices: [] },
  { path: 'recordType', label: '记录类型', kind: 'choice', type: 'text', choices: [] },
  { path: 'amount', label: '金额', kind: 'money', type: 'number' } as RuleField,
  { path: 'dueDate', label: '到期日', kind: 'date', type: 'date' } as RuleField,
  { path: 'escalatedAt', label: '升级时间', kind: 'dateTime', type: 'dateTime' } as RuleField,
  { path: 'owner_id', label: '负责人', kind: 'user', type: 'text', me: true },
];

describe('a widget filter in the rule builder', () => {
  it('shows the shipped filters as rows and writes them back unchanged', () => {
    const shipped: NonNullable<AggregateWidgetDefinition['filter']>[] = [
      { record_type: { eq: 'complaint' }, state: { in: 'received,handling,escalated' } },
      { escalatedAt: { null: 'false' } },
      { amount: { gte: 100, lte: 5000 } },
      { dueDate: { lt: '2026-01-31' }, 'customer.region': { eq: 'eastChina' } },
    ];
    for (const filter of shipped) {
      const text = filterToExpression(filter, fields);
      expect(expressionToFilter(text), text).toEqual(filter);
    }
    expect(filterToExpression(shipped[0], fields)).toBe(
      'recordType = "complaint" AND OR(state = "received", state = "handling", state = "escalated")',
    );
  });

  it('says the reader as 我 (ME()) and saves it as the list word me, as lists and the filter bar do', () => {
    expect(filterToExpression({ owner_id: { eq: 'me' } }, fields)).toBe('owner_id = ME()');
    expect(expressionToFilter('owner_id = ME() AND amount > 10')).toEqual({
      owner_id: { eq: 'me' },
      amount: { gt: 10 },
    });
  });

  it('a between row is two bounds; no filter is no condition', () => {
    expect(expressionToFilter('AND(amount >= 10, amount <= 20)')).toEqual({ amount: { gte: 10, lte: 20 } });
    expect(expressionToFilter('')).toEqual({});
    expect(filterToExpression(undefined, fields)).toBe('');
  });

  it('refuses what lists cannot say: any-of, another field, today', () => {
    expect(expressionToFilter('amount > 10 OR state = "won"')).toBeNull();
    expect(expressionToFilter('dueDate < TODAY()')).toBeNull();
    expect(expressionToFilter('amount > budget')).toBeNull();
    expect(expressionToFilter('LEN(name) > 3')).toBeNull();
  });
});
