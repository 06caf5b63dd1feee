import { describe, expect, it } from 'vitest';
import { SCOPES } from '../definitions/roles.js';
import { broader, grantFor } from './entity-grant.js';
import { scopeCondition } from './scope-condition.js';

const actor = { id: '11111111-1111-4111-8111-111111111111', roles: ['seller'], orgUnitId: null };
const unit = '22222222-2222-4222-8222-222222222222';

describe('scopes that reach the unowned records', () => {
  it('add owner_id is null to the owned condition', () => {
    expect(scopeCondition('ownOrUnowned', actor)).toEqual({
      sql: '(t.owner_id = ? or t.owner_id is null)',
      bindings: [actor.id],
    });
    const team = scopeCondition('teamOrUnowned', { ...actor, orgUnitId: unit }, 'c')!;
    expect(team.sql).toMatch(/^\(c\.owner_id = any\(array\(.+\)\) or c\.owner_id is null\)$/);
    expect(team.bindings).toEqual([unit]);
    // The engine itself (no user id) reaches only the unowned records under such a scope.
    expect(scopeCondition('ownOrUnowned', { id: 'system', roles: [] })).toEqual({
      sql: 't.owner_id is null',
      bindings: [],
    });
  });

  it('merge over several roles as the union of what each reaches', () => {
    expect(broader('team', 'ownOrUnowned')).toBe('teamOrUnowned');
    expect(broader('own', 'ownOrUnowned')).toBe('ownOrUnowned');
    expect(broader('teamOrUnowned', 'all')).toBe('all');
    expect(broader('none', 'own')).toBe('own');
    for (const a of SCOPES) for (const b of SCOPES) expect(broader(a, b)).toBe(broader(b, a));
    const roles = {
      roles: {
        seller: { title: 'S', entities: { customer: { read: 'ownOrUnowned' } } },
        lead: { title: 'L', entities: { customer: { read: 'team' } } },
      },
    } as const;
    expect(grantFor(roles as never, ['seller', 'lead'], 'customer').read).toBe('teamOrUnowned');
  });
});
