import { describe, expect, it } from 'vitest';
import type { EntityDefinition, WorkflowDefinition } from '../definitions/types.js';
import { formatValue, sheetStyle, type ValueSubject } from './format-value.js';

const deal = {
  $id: 'deal',
  type: 'object',
  'x-entity': { titleField: 'name', recordTypes: { big: { title: { zh: '大单', en: 'Big deal' } } } },
  properties: {
    name: { type: 'string' },
    stage: { type: 'string', enum: ['open'], 'x-i18n': { enum: { open: { zh: '进行中', en: 'Open' } } } },
    tags: { type: 'array', items: { type: 'string', enum: ['a'], 'x-i18n': { enum: { a: { zh: '甲', en: 'A' } } } } },
    amount: { type: 'number', 'x-currency': 'CNY' },
    fine: { type: 'number', 'x-currency': 'CNY', 'x-scale': 4 },
  },
} as unknown as EntityDefinition;
const workflow = {
  id: 'sales',
  initial: 'lead',
  meta: { entity: 'deal' },
  states: { lead: { meta: { title: { zh: '线索', en: 'Lead' } } } },
} as unknown as WorkflowDefinition;
const subject = (kind: ValueSubject['kind'], field = 'name', more: Partial<ValueSubject> = {}): ValueSubject => ({
  kind,
  entity: deal,
  field,
  ...more,
});
const sheet = sheetStyle('Asia/Shanghai');

describe('formatValue', () => {
  it('words yes/no, choices, record types and stages in the language asked', () => {
    expect(formatValue(false, subject('boolean'), 'zh')).toBe('否');
    expect(formatValue(true, subject('boolean'), 'en')).toBe('Yes');
    expect(formatValue('open', subject('choice', 'stage'), 'zh')).toBe('进行中');
    expect(formatValue(['a', 'b'], subject('multiChoice', 'tags'), 'en')).toBe('A, b');
    expect(formatValue(['a', 'b'], subject('multiChoice', 'tags'), 'en', sheet)).toBe('A; b');
    expect(formatValue('big', subject('recordType'), 'zh')).toBe('大单');
    expect(formatValue('lead', subject('state', 'state', { workflow }), 'en')).toBe('Lead');
    expect(formatValue('gone', subject('state', 'state', { workflow }), 'zh')).toBe('已删除的阶段');
  });

  it('names linked records by title, says which are restricted, and falls back to ids', () => {
    const target = subject('manyToOne', 'customer', { target: deal });
    expect(formatValue({ id: 'x', name: 'ACME' }, target, 'zh')).toBe('ACME');
    expect(formatValue({ id: 'x', restricted: true }, target, 'zh')).toBe('无权查看');
    expect(formatValue({ id: 'x', restricted: true }, target, 'zh', sheet)).toBe('（无权查看）');
    expect(formatValue({ id: 'x', restricted: true }, target, 'en', sheet)).toBe('(restricted)');
    expect(formatValue('0123456789abcdef', target, 'en')).toBe('01234567');
    expect(formatValue('0123456789abcdef', target, 'en', sheet)).toBe('0123456789abcdef');
    const user = subject('user', 'owner_id', { userName: (id) => (id === 'u1' ? '王芳' : undefined) });
    expect(formatValue('u1', user, 'zh')).toBe('王芳');
  });

  it('shows money in its currency and scale on screen, and keeps numbers numbers in a sheet', () => {
    expect(formatValue(1234.5, subject('money', 'amount'), 'en')).toBe('CN¥1,234.50');
    expect(formatValue(1.2345, subject('money', 'fine'), 'en')).toBe('CN¥1.2345');
    expect(formatValue(1234.5, subject('money', 'amount'), 'en', sheet)).toBe(1234.5);
    expect(formatValue('2026-11-23T02:05:00Z', subject('dateTime'), 'en', sheet)).toBe('2026-11-23 10:05');
    expect(formatValue('2026-11-23', subject('date'), 'zh', sheet)).toBe('2026-11-23');
    expect(formatValue('', subject('text'), 'zh')).toBe('');
    expect(formatValue([], subject('textList'), 'zh')).toBe('');
  });
});

describe('links with attributes', () => {
  it('names an unexpanded link { id, role } by its id, and an expanded one by its title', () => {
    const id = '0b6f3c9e-2f1a-4c47-9d7e-5a1f0e8b2c11';
    const links = subject('manyToMany', 'contacts', { target: deal });
    expect(formatValue([{ id, role: 'coach' }], links, 'zh')).toBe(formatValue([id], links, 'zh'));
    expect(formatValue([{ id, name: '张总', link_attributes: { role: 'coach' } }], links, 'zh')).toBe('张总');
  });
});
