import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@lodestar/core';
import { validateFlat } from './flat-validator';
import { buildFormModel } from './formSchema';
import { wordIssue } from './issues';

const message = { en: 'Discounts above 30% are for strategic deals', zh: '折扣超过 30% 仅限战略客户' };
const entity = {
  $id: 'deal',
  title: 'Deal',
  type: 'object',
  'x-entity': { titleField: 'name', recordTypes: { standard: { title: 'S' }, strategic: { title: 'T' } } },
  properties: {
    name: { type: 'string' },
    discount: { type: 'number' },
    plannedStart: { type: 'string', format: 'date' },
    plannedEnd: { type: 'string', format: 'date' },
    note: { type: 'string' },
  },
  'x-rules': [
    { check: 'discount <= 0.3 OR recordType = "strategic"', field: 'discount', message },
    { check: 'plannedEnd >= plannedStart', field: 'plannedEnd' },
    { check: 'NOT ISBLANK(note) OR COALESCE(discount, 0) = 0', field: 'note' },
    { field: 'discount', rule: 'gte', value: 0 },
  ],
} as unknown as EntityDefinition;

const kinds = { name: 'text', discount: 'number', plannedStart: 'date', plannedEnd: 'date', note: 'text' } as const;
const schemaFor = (recordType: string) =>
  buildFormModel({ entity, kinds, recordType, lang: 'zh', readOnly: new Set(), isNew: true }).schema;
const problems = (recordType: string, data: Record<string, unknown>) =>
  validateFlat(schemaFor(recordType) as never, data).map((e) => ({
    field: e.property,
    zh: wordIssue(e.name ?? '', e.params as Record<string, unknown>, 'zh', ''),
  }));

describe('formula rules on the form', () => {
  it('shows a broken rule beside its field, in the user language', () => {
    expect(problems('standard', { name: 'A', discount: 0.35, note: 'x' })).toEqual([
      { field: '.discount', zh: message.zh },
    ]);
    const en = validateFlat(schemaFor('standard') as never, { name: 'A', discount: 0.35, note: 'x' })[0]!;
    expect(wordIssue(en.name ?? '', en.params as Record<string, unknown>, 'en', '')).toBe(message.en);
  });

  it('reads the record type the form is for', () => {
    expect(problems('strategic', { name: 'A', discount: 0.35, note: 'x' })).toEqual([]);
  });

  it('words a rule without a message from its check; blanks and cleared boxes never fire a comparison', () => {
    expect(problems('standard', { name: 'A', plannedStart: '2026-03-01', plannedEnd: '2026-02-28' })).toEqual([
      { field: '.plannedEnd', zh: '不符合规则：plannedEnd >= plannedStart' },
    ]);
    expect(problems('standard', { name: 'A', plannedStart: '2026-03-01', plannedEnd: undefined })).toEqual([]);
    expect(problems('standard', { name: 'A', discount: 0.1, note: '' })).toEqual([
      { field: '.note', zh: '不符合规则：NOT ISBLANK(note) OR COALESCE(discount, 0) = 0' },
    ]);
  });

  it('leaves a field with its own error alone', () => {
    expect(problems('standard', { name: 'A', discount: 'lots', note: 'x' })).toEqual([
      { field: '.discount', zh: '必须是数字' },
    ]);
  });
});
