import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '@lodestar/core';
import { addRole, rolesOf } from './roles-model';
import { moveTargets } from './OrgTree';
import { matchesPerson } from './ManagerPicker';

describe('copy from role', () => {
  it('starts the new role with a deep copy of the source role’s permissions', () => {
    const set = {
      roles: {
        roles: {
          sales: {
            title: { zh: '销售', en: 'Sales' },
            entities: {
              customer: { read: 'team', update: 'own', events: { QUALIFY: 'own' }, fields: { cost: 'hidden' } },
            },
          },
        },
      },
    } as unknown as DefinitionSet;
    addRole(set, 'seniorSales', { zh: '高级销售', en: 'Senior sales' }, 'sales');
    const roles = rolesOf(set)!.roles;
    expect(roles.seniorSales).toEqual({
      title: { zh: '高级销售', en: 'Senior sales' },
      entities: roles.sales!.entities,
    });
    roles.seniorSales!.entities.customer!.read = 'all';
    expect(roles.sales!.entities.customer!.read).toBe('team');
    addRole(set, 'blank', { zh: '空白', en: 'Blank' });
    expect(roles.blank!.entities).toEqual({});
  });
});

describe('people admin helpers', () => {
  it('offers a unit every unit but itself and those below it to move under', () => {
    const units = [
      { id: 'a', path: '/a/' },
      { id: 'b', path: '/a/b/' },
      { id: 'c', path: '/a/b/c/' },
      { id: 'd', path: '/d/' },
    ];
    expect(moveTargets(units, units[1]!).map((u) => u.id)).toEqual(['a', 'd']);
  });
  it('finds a person by any part of their name or email', () => {
    const user = { displayName: '李组长', email: 'Lead@Example.com' };
    expect(matchesPerson(user, '组长')).toBe(true);
    expect(matchesPerson(user, 'lead@')).toBe(true);
    expect(matchesPerson(user, '王')).toBe(false);
  });
});
