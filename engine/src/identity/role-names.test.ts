import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '../definitions/definition-set.js';
import { checkRoleNames } from './role-names.js';

const withRoles: DefinitionSet = {
  entities: [],
  workflows: [],
  roles: {
    roles: {
      salesperson: { title: 'Salesperson', entities: {} },
      salesManager: { title: 'Sales manager', entities: {} },
    },
  },
};

describe('checkRoleNames', () => {
  it('accepts roles the model defines, and admin always', () => {
    expect(checkRoleNames(withRoles, ['salesperson', 'admin', 'salesManager'])).toEqual([]);
  });

  it('names each unknown role by its index', () => {
    const issues = checkRoleNames(withRoles, ['salesperson', 'ceo', 'intern']);
    expect(issues.map((i) => [i.pointer, i.keyword])).toEqual([
      ['/roles/1', 'enum'],
      ['/roles/2', 'enum'],
    ]);
    expect(issues[0]!.message).toContain('admin, salesManager, salesperson');
  });

  it('refuses what is not a list of role ids at /roles', () => {
    for (const roles of ['admin', [1], ['Bad_Role'], null])
      expect(checkRoleNames(withRoles, roles)).toEqual([
        expect.objectContaining({ pointer: '/roles', keyword: 'pattern' }),
      ]);
  });

  it('has nothing to check against when the model defines no roles', () => {
    expect(checkRoleNames({ entities: [], workflows: [] }, ['anything', 'admin'])).toEqual([]);
  });
});
