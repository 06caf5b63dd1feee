import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from './entity.js';
import { validateEntity, type EntityContext } from './validate-entity.js';

const context: EntityContext = { entityIds: new Set(['quote']), workflowIds: new Set() };

function quote(number: FieldDefinition, extra: Record<string, unknown> = {}): unknown {
  return {
    $id: 'quote',
    title: 'Quote',
    type: 'object',
    'x-entity': { titleField: 'title', recordTypes: { standard: { title: 'Standard' } } },
    properties: { title: { type: 'string' }, number },
    ...extra,
  };
}

const issuesOf = (entity: unknown) =>
  validateEntity(entity, context).map(({ pointer, keyword, i18n }) => ({ pointer, keyword, zh: i18n?.zh }));

describe('x-sequence: numbered fields', () => {
  it('accepts a pattern with dates, a prefix token and one counter', () => {
    const number: FieldDefinition = {
      type: 'string',
      'x-sequence': { pattern: '{PREFIX}QT-{YYYY}{MM}-{0000}', reset: 'monthly', prefixes: { standard: 'S' } },
    };
    expect(validateEntity(quote(number), context)).toEqual([]);
  });

  it.each([
    ['QT-{YYYY}', 'sequenceCounter', '需要一个计数器'],
    ['QT-{0000}-{00}', 'sequenceCounter', '只能有一个计数器'],
    ['QT-{YEAR}-{0000}', 'sequencePattern', '不是可用的占位符'],
    ['QT-{0000', 'sequencePattern', '没有配对'],
    ['QT}-{0000}', 'sequencePattern', '没有配对'],
  ])('refuses the pattern %s (%s) on its pointer, in both languages', (pattern, keyword, zh) => {
    const issues = issuesOf(quote({ type: 'string', 'x-sequence': { pattern } }));
    expect(issues).toEqual([
      { pointer: '/properties/number/x-sequence/pattern', keyword, zh: expect.stringContaining(zh) },
    ]);
  });

  it('refuses a reset the pattern does not show, since the numbers would repeat', () => {
    expect(issuesOf(quote({ type: 'string', 'x-sequence': { pattern: 'QT-{0000}', reset: 'yearly' } }))).toEqual([
      { pointer: '/properties/number/x-sequence/reset', keyword: 'sequenceReset', zh: expect.stringContaining('按年') },
    ]);
    expect(
      issuesOf(quote({ type: 'string', 'x-sequence': { pattern: 'QT-{YYYY}-{0000}', reset: 'monthly' } })),
    ).toEqual([
      { pointer: '/properties/number/x-sequence/reset', keyword: 'sequenceReset', zh: expect.stringContaining('{MM}') },
    ]);
  });

  it('refuses prefixes of unknown record types and prefixes without a {PREFIX} token', () => {
    const issues = issuesOf(
      quote({ type: 'string', 'x-sequence': { pattern: 'QT-{0000}', prefixes: { standard: 'S', vip: 'V' } } }),
    );
    expect(issues).toEqual([
      { pointer: '/properties/number/x-sequence/prefixes', keyword: 'sequencePrefix', zh: expect.any(String) },
      { pointer: '/properties/number/x-sequence/prefixes/vip', keyword: 'unknownRecordType', zh: expect.any(String) },
    ]);
  });

  it('refuses a field that is not plain text, has a default or is required', () => {
    const sequence = { pattern: 'QT-{0000}' };
    expect(issuesOf(quote({ type: 'integer', 'x-sequence': sequence }))).toContainEqual(
      expect.objectContaining({ pointer: '/properties/number', keyword: 'sequenceType' }),
    );
    expect(issuesOf(quote({ type: 'string', format: 'date', 'x-sequence': sequence }))).toContainEqual(
      expect.objectContaining({ pointer: '/properties/number', keyword: 'sequenceType' }),
    );
    expect(issuesOf(quote({ type: 'string', default: 'x', 'x-sequence': sequence }))).toContainEqual(
      expect.objectContaining({ pointer: '/properties/number/default', keyword: 'sequenceDefault' }),
    );
    expect(issuesOf(quote({ type: 'string', 'x-sequence': sequence }, { required: ['number'] }))).toEqual([
      { pointer: '/required/0', keyword: 'sequenceRequired', zh: expect.stringContaining('不能设为必填') },
    ]);
  });

  it('refuses an ill-formed keyword through the meta-schema', () => {
    const issues = issuesOf(
      quote({ type: 'string', 'x-sequence': { pattern: 'QT-{0000}', reset: 'weekly' as never } }),
    );
    expect(issues.map((i) => i.pointer)).toContain('/properties/number/x-sequence/reset');
  });
});
