import { describe, expect, it } from 'vitest';
import { createAjv } from '../../definitions/create-ajv.js';
import type { NamedReference } from '../../definitions/workflow.js';
import type { Approval } from '../reference.js';
import { evaluateGuard, GUARDS, type GuardInput } from './index.js';

const record = { name: 'Big deal', amount: 5000, contacts: [], source: '', closeDate: '2026-12-01', stage: 'open' };
const sales: GuardInput = { record, actor: { id: 'u1', roles: ['sales'] } };
const approval = (decision: Approval['decision'], at: string, role = 'manager'): Approval => ({
  role,
  decision,
  by: 'u9',
  at,
});

const g = (type: string, params: Record<string, unknown> = {}): NamedReference => ({ type, params });

describe('guards', () => {
  it.each<[string, NamedReference, GuardInput, true | RegExp]>([
    ['requireFields passes', g('requireFields', { fields: ['name', 'amount'] }), sales, true],
    [
      'requireFields names missing',
      g('requireFields', { fields: ['name', 'contacts', 'source', 'x'] }),
      sales,
      /missing: contacts, source, x$/,
    ],
    ['eq', g('fieldCompare', { field: 'stage', op: 'eq', value: 'open' }), sales, true],
    [
      'ne fails',
      g('fieldCompare', { field: 'stage', op: 'ne', value: 'open' }),
      sales,
      /stage must differ from "open"/,
    ],
    ['lt numbers', g('fieldCompare', { field: 'amount', op: 'lt', value: 10000 }), sales, true],
    [
      'gte numbers fails',
      g('fieldCompare', { field: 'amount', op: 'gte', value: 10000 }),
      sales,
      /amount must be at least 10000/,
    ],
    ['dates as text', g('fieldCompare', { field: 'closeDate', op: 'gt', value: '2026-11-30' }), sales, true],
    [
      'mixed types never order',
      g('fieldCompare', { field: 'amount', op: 'gt', value: '1' }),
      sales,
      /amount must be greater than/,
    ],
    ['in', g('fieldCompare', { field: 'stage', op: 'in', value: ['open', 'won'] }), sales, true],
    ['empty', g('fieldCompare', { field: 'contacts', op: 'empty' }), sales, true],
    ['notEmpty fails', g('fieldCompare', { field: 'source', op: 'notEmpty' }), sales, /source must be filled in$/],
    ['actorHasRole', g('actorHasRole', { roles: ['admin', 'sales'] }), sales, true],
    ['actorHasRole fails', g('actorHasRole', { roles: ['manager'] }), sales, /only manager may do this/],
    ['approvalGiven none', g('approvalGiven', { role: 'manager' }), sales, /approval by manager is required/],
    [
      'approvalGiven',
      g('approvalGiven', { role: 'manager' }),
      { ...sales, approvals: [approval('approved', '2026-01-01T00:00:00Z')] },
      true,
    ],
    [
      'approvalGiven other role',
      g('approvalGiven', { role: 'finance' }),
      { ...sales, approvals: [approval('approved', '2026-01-01T00:00:00Z')] },
      /required/,
    ],
    [
      'approvalGiven latest wins',
      g('approvalGiven', {}),
      {
        ...sales,
        approvals: [approval('approved', '2026-01-01T00:00:00Z'), approval('rejected', '2026-01-02T00:00:00Z')],
      },
      /was rejected/,
    ],
    [
      'all',
      g('all', { guards: [g('requireFields', { fields: ['name'] }), 'approvalGiven'] }),
      sales,
      /approval is required/,
    ],
    [
      'any',
      g('any', { guards: [g('actorHasRole', { roles: ['x'] }), g('requireFields', { fields: ['name'] })] }),
      sales,
      true,
    ],
    [
      'any fails with every reason',
      g('any', { guards: [g('actorHasRole', { roles: ['x'] }), 'approvalGiven'] }),
      sales,
      /only x may do this; or approval/,
    ],
    ['not', g('not', { guard: g('actorHasRole', { roles: ['x'] }) }), sales, true],
    ['not fails', g('not', { guard: g('actorHasRole', { roles: ['sales'] }) }), sales, /"actorHasRole" must not hold/],
    ['unknown guard', g('nope'), sales, /unknown guard "nope"/],
  ])('%s', (_name, ref, input, expected) => {
    const result = evaluateGuard(ref, input);
    if (expected === true) expect(result).toBe(true);
    else {
      expect(result).not.toBe(true);
      expect(result === true ? '' : result.reason.en).toMatch(expected);
      expect(result === true ? '' : result.reason.zh).toBeTruthy();
    }
  });

  it.each([...GUARDS.values()])('$name has a params schema that strict ajv compiles', (spec) => {
    expect(() => createAjv().compile(spec.params)).not.toThrow();
  });
});
