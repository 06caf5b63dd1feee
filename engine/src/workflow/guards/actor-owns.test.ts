import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '../../definitions/entity.js';
import { actorOwns, checkActorOwns } from './actor-owns.js';
import type { GuardContext } from './types.js';

const customer = {
  $id: 'customer',
  type: 'object',
  properties: { name: { type: 'string' } },
} as unknown as EntityDefinition;
const lookup = { bound: customer, find: (id: string) => (id === 'customer' ? customer : undefined) };
const label = { en: 'Customer', zh: '客户' };
const ctx = (count: number | undefined) =>
  ({
    record: {},
    actor: { id: 'u1', roles: [] },
    evaluate: () => true,
    facts: count === undefined ? undefined : new Map([['actorOwns:["customer",null]', { value: count, label }]]),
  }) as unknown as GuardContext;

describe('actorOwns', () => {
  it('passes within the bounds and says why not outside, in both languages', () => {
    expect(actorOwns.evaluate(ctx(2), { entity: 'customer', max: 2 })).toBe(true);
    expect(actorOwns.evaluate(ctx(3), { entity: 'customer', max: 2 })).toEqual({
      reason: { en: 'You may have at most 2 Customer; you have 3', zh: '每人最多 2 条客户，您已有 3 条' },
    });
    expect(actorOwns.evaluate(ctx(0), { entity: 'customer', min: 1 })).toEqual({
      reason: { en: 'You need at least 1 Customer; you have 0', zh: '至少需要 1 条客户，您现有 0 条' },
    });
    const message = { en: 'Pool limit reached', zh: '已达领取上限' };
    expect(actorOwns.evaluate(ctx(5), { entity: 'customer', max: 2, message })).toEqual({ reason: message });
  });

  it('never passes blind when the shell did not count', () => {
    expect(actorOwns.evaluate(ctx(undefined), { entity: 'customer', max: 2 })).toHaveProperty('reason');
  });

  it('reports an unknown entity, a bad condition and an empty range at their pointers', () => {
    expect(checkActorOwns({ entity: 'nothing' }, lookup).map((i) => i.pointer)).toEqual(['/entity']);
    expect(checkActorOwns({ entity: 'customer', where: 'nope = 1' }, lookup).map((i) => i.pointer)).toEqual(['/where']);
    expect(checkActorOwns({ entity: 'customer', min: 3, max: 1 }, lookup).map((i) => i.pointer)).toEqual(['/max']);
  });
});
