import { describe, expect, it } from 'vitest';
import { evaluateGuard } from './index.js';

const actor = { id: '11111111-1111-4111-8111-111111111111', roles: ['salesperson'] };
const other = '22222222-2222-4222-8222-222222222222';
const owned = (owner_id: string | null) => ({ record: { id: 'c1', owner_id }, actor });

describe('recordOwner', () => {
  it('passes for nobody only on an unowned record, for actor only on the sender’s, for someone on any owned', () => {
    const guard = (is: string) => ({ type: 'recordOwner', params: { is } });
    expect(evaluateGuard(guard('nobody'), owned(null))).toBe(true);
    expect(evaluateGuard(guard('nobody'), owned(other))).toEqual({
      reason: { en: 'this record has an owner already', zh: '该记录已有负责人' },
    });
    expect(evaluateGuard(guard('actor'), owned(actor.id))).toBe(true);
    expect(evaluateGuard(guard('actor'), owned(other))).toMatchObject({ reason: { zh: '仅限该记录的负责人操作' } });
    expect(evaluateGuard(guard('actor'), owned(null))).not.toBe(true);
    expect(evaluateGuard(guard('someone'), owned(other))).toBe(true);
    expect(evaluateGuard(guard('someone'), owned(null))).toMatchObject({ reason: { en: 'this record has no owner' } });
  });

  it('says the definition’s own words when it gives them', () => {
    const message = { en: 'Someone claimed this customer first', zh: '该客户已被他人领取' };
    expect(evaluateGuard({ type: 'recordOwner', params: { is: 'nobody', message } }, owned(other))).toEqual({
      reason: message,
    });
  });
});
