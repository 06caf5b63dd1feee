import { describe, expect, it } from 'vitest';
import { isRoleId } from './roles-model';

describe('a new role id', () => {
  it('is judged as the engine judges it: an identifier of at most 48 characters', () => {
    expect(isRoleId('salesManager')).toBe(true);
    expect(isRoleId(`a${'b'.repeat(47)}`)).toBe(true);
    expect(isRoleId(`a${'b'.repeat(48)}`)).toBe(false);
    expect(isRoleId('Sales')).toBe(false);
  });
});
