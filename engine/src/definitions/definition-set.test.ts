import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_SET, hashDefinitionSet, toCanonicalSet, type DefinitionSet } from './definition-set.js';
import type { RolesDefinition } from './roles.js';

const roles: RolesDefinition = {
  roles: { sales: { title: 'Sales', entities: { deal: { read: 'own', update: 'own' } } } },
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('hashDefinitionSet', () => {
  it('hashes a set without roles exactly as before roles existed, whether roles is missing or undefined', () => {
    const before = sha256('{"entities":[],"workflows":[]}');
    expect(hashDefinitionSet(EMPTY_SET)).toBe(before);
    expect(hashDefinitionSet({ entities: [], workflows: [], roles: undefined })).toBe(before);
    expect(toCanonicalSet({ entities: [], workflows: [], roles: undefined })).not.toHaveProperty('roles');
  });

  it('includes roles: a roles-only change is a different set, key order is not', () => {
    const withRoles: DefinitionSet = { ...EMPTY_SET, roles };
    expect(hashDefinitionSet(withRoles)).not.toBe(hashDefinitionSet(EMPTY_SET));
    const reordered = JSON.parse(
      '{"roles":{"sales":{"entities":{"deal":{"update":"own","read":"own"}},"title":"Sales"}}}',
    ) as RolesDefinition;
    expect(hashDefinitionSet({ ...EMPTY_SET, roles: reordered })).toBe(hashDefinitionSet(withRoles));
    const wider = structuredClone(roles);
    wider.roles.sales!.entities.deal!.read = 'team';
    expect(hashDefinitionSet({ ...EMPTY_SET, roles: wider })).not.toBe(hashDefinitionSet(withRoles));
  });

  it('carries roles through the canonical set that publish stores', () => {
    expect(toCanonicalSet({ ...EMPTY_SET, roles }).roles).toEqual(roles);
  });
});
