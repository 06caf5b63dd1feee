import { describe, expect, it } from 'vitest';
import { hasRule, lockMode, setLock, toggleRule } from './stage-rules-edit';

describe('stage field rules in the designer', () => {
  it('adds and removes a field from one list, leaving no empty list or fields object behind', () => {
    const on = toggleRule({}, 'discount', 'readOnly', true);
    expect(on).toEqual({ fields: { readOnly: ['discount'] } });
    expect(hasRule(on, 'discount', 'readOnly')).toBe(true);
    expect(toggleRule(on, 'discount', 'readOnly', false)).toEqual({ fields: undefined });
  });

  it('keeps lock exceptions when switching between locking all and all but some', () => {
    const except = { lock: { except: ['notes'] } };
    expect(lockMode(except)).toBe('except');
    expect(toggleRule(except, 'amount', 'except', true)).toEqual({ lock: { except: ['notes', 'amount'] } });
    expect(setLock(except, 'all')).toEqual({ lock: true });
    expect(setLock({ lock: true }, 'except')).toEqual({ lock: { except: [] } });
    expect(setLock(except, 'none')).toEqual({ lock: undefined });
  });
});
