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

describe('a role id derived from the title', () => {
  it('reads Chinese as pinyin and English as camelCase', async () => {
    const { roleIdFrom } = await import('./role-id');
    expect(roleIdFrom('区域经理', [])).toBe('quYuJingLi');
    expect(roleIdFrom('Regional manager', [])).toBe('regionalManager');
  });

  it('is never admin nor a role that exists, and fits the engine’s 48 characters', async () => {
    const { roleIdFrom } = await import('./role-id');
    expect(roleIdFrom('Admin', [])).toBe('admin2');
    expect(roleIdFrom('区域经理', ['quYuJingLi', 'quYuJingLi2'])).toBe('quYuJingLi3');
    const long = roleIdFrom('word '.repeat(30), ['word'.repeat(12)]);
    expect(long.length).toBeLessThanOrEqual(48);
    expect(isRoleId(long)).toBe(true);
    expect(isRoleId(roleIdFrom('2024', []))).toBe(true);
  });
});
