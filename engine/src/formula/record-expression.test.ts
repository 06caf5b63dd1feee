import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '../definitions/entity.js';
import { checkRecordExpression, recordExpressionSql } from './record-expression.js';

const customer = {
  $id: 'customer',
  type: 'object',
  'x-entity': { titleField: 'name' },
  properties: {
    name: { type: 'string', maxLength: 200 },
    level: { type: 'string', enum: ['key', 'normal'] },
    maxDiscount: { type: 'number' },
  },
} as unknown as EntityDefinition;
const quote = {
  $id: 'quote',
  type: 'object',
  'x-entity': { titleField: 'title' },
  properties: {
    title: { type: 'string', maxLength: 200 },
    discount: { type: 'number' },
    customer: { type: 'string', format: 'uuid', 'x-relation': { entity: 'customer' } },
    net: { type: 'number', 'x-formula': '100 * (1 - discount)' },
  },
} as unknown as EntityDefinition;
const set = [customer, quote];
const entities = new Map(set.map((e) => [e.$id, e]));

describe('record expressions', () => {
  it('reads the owner, and ME() only where a user acts (a guard), its SQL from the caller', () => {
    const refused = checkRecordExpression(entities, quote, 'owner_id = ME()', '/where', 'boolean');
    expect(refused.issues[0]).toMatchObject({ pointer: '/where', keyword: 'formula', params: { offset: 11 } });
    expect(refused.issues[0]!.i18n!.zh).toContain('ME()');
    const guard = checkRecordExpression(entities, quote, 'owner_id = ME()', '/check', 'boolean', { actor: true });
    expect(guard.issues).toEqual([]);
    const sql = recordExpressionSql(set, guard.expression!, 't', 'lodestar_me.id');
    expect(sql).toContain('lodestar_me.id');
    expect(sql).toContain('"owner_id"');
    expect(recordExpressionSql(set, guard.expression!, 't')).toContain('NULL');
  });

  it('checks fields of the record and of its many-to-one parents, and the wanted type', () => {
    const ok = checkRecordExpression(entities, quote, 'discount <= customer.maxDiscount', '/guard', 'boolean');
    expect(ok.issues).toEqual([]);
    expect(ok.expression?.type).toBe('boolean');
    const unknown = checkRecordExpression(entities, quote, 'discount <= customer.cap', '/guard', 'boolean');
    expect(unknown.issues[0]).toMatchObject({ pointer: '/guard', keyword: 'formula' });
    expect(unknown.issues[0]!.i18n!.zh).toMatch(/customer\.cap/);
    const wrong = checkRecordExpression(entities, quote, 'discount * 2', '/guard', 'boolean');
    expect(wrong.issues[0]!.i18n).toMatchObject({ zh: expect.stringContaining('是/否') });
    expect(checkRecordExpression(entities, quote, 'discount <=', '/g').issues).toHaveLength(1);
  });

  it('compiles to SQL over an aliased row, a parent as a subquery and a formula field inlined', () => {
    const { expression } = checkRecordExpression(entities, quote, 'net > 0 AND customer.level = "key"', '/g');
    const sql = recordExpressionSql(set, expression!, 's');
    expect(sql).toContain('s."discount"');
    expect(sql).toMatch(/from "customer" as \w+ where \w+\.id = s\."customer"/);
    expect(sql).toMatch(/::boolean$/);
  });
});
