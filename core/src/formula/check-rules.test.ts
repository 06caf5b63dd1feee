import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../definitions/types.js';
import { checkRuleFields, checkRuleIssues, compileCheckRules } from './check-rules.js';

const properties = {
  discount: { type: 'number' },
  startsOn: { type: 'string', format: 'date' },
  endsOn: { type: 'string', format: 'date' },
  customer: { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer' } },
  net: { type: 'number', 'x-formula': 'discount * 2' },
  code: { type: 'string', 'x-sequence': { pattern: 'Q-{0000}' } },
} as unknown as Record<string, FieldDefinition>;

const issues = (check: string) =>
  checkRuleIssues({ check, field: 'discount' }, properties).map((issue) => ({
    at: [issue.offset, issue.length],
    en: issue.message.en,
  }));

describe('formula rules', () => {
  it('read own fields and recordType, and must give TRUE or FALSE', () => {
    expect(issues('discount <= 0.3 OR recordType = "strategic"')).toEqual([]);
    expect(issues('discount + 1')[0]?.en).toContain('must be TRUE or FALSE');
    expect(issues('customer.level = "key"')).toEqual([{ at: [0, 14], en: expect.stringContaining('related record') }]);
    expect(issues('state = "won"')[0]?.en).toContain('workflow state');
    expect(issues('net > 0')[0]).toEqual({ at: [0, 3], en: expect.stringContaining('computed by the engine') });
    expect(issues('ISBLANK(code)')[0]?.en).toContain('computed by the engine');
  });

  it('name the fields a patch must be judged with, and fire only on FALSE', () => {
    const rule = { check: 'endsOn >= startsOn OR recordType = "x"', field: 'endsOn' };
    expect(checkRuleFields(rule).sort()).toEqual(['endsOn', 'startsOn']);
    const judge = compileCheckRules([rule], properties, 'standard');
    const ctx = { now: new Date(), timeZone: 'Asia/Shanghai' };
    expect(judge({ startsOn: '2026-03-02', endsOn: '2026-03-01' }, ctx)).toEqual([
      { field: 'endsOn', check: rule.check, message: expect.objectContaining({ zh: `不符合规则：${rule.check}` }) },
    ]);
    expect(judge({ startsOn: '2026-03-02' }, ctx)).toEqual([]);
    expect(compileCheckRules([rule], properties, 'x')({ startsOn: '2026-03-02', endsOn: '2026-03-01' }, ctx)).toEqual(
      [],
    );
  });
});
