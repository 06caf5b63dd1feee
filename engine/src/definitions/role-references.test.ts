import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../workflow/actions/index.js';
import { GUARDS } from '../workflow/guards/index.js';
import { listRoleReferences } from './role-references.js';
import type { WorkflowDefinition } from './workflow.js';

const workflow: WorkflowDefinition = {
  id: 'deal-flow',
  initial: 'open',
  meta: { entity: 'deal' },
  states: {
    open: {
      entry: [{ type: 'assignOwner', params: { roundRobinRole: 'intake' } }],
      on: {
        SUBMIT: {
          target: 'review',
          guard: {
            type: 'any',
            params: { guards: ['requireFields', { type: 'actorHasRole', params: { roles: ['sales', 'lead'] } }] },
          },
        },
      },
    },
    review: {
      meta: { approval: { role: 'director' } },
      on: {
        APPROVE: [
          {
            target: 'won',
            guard: { type: 'not', params: { guard: { type: 'approvalGiven', params: { role: 'legal' } } } },
          },
          { target: 'won' },
        ],
        REJECT: 'open',
      },
      exit: [{ type: 'notify', params: { to: 'owner' } }],
    },
    won: { type: 'final' },
  },
};

describe('listRoleReferences', () => {
  it('finds approval roles, role guards nested in combinators, approvalGiven and round-robin assignment, with their pointers', () => {
    expect(listRoleReferences(workflow)).toEqual([
      { role: 'intake', pointer: '/states/open/entry/0/params/roundRobinRole' },
      { role: 'sales', pointer: '/states/open/on/SUBMIT/guard/params/guards/1/params/roles/0' },
      { role: 'lead', pointer: '/states/open/on/SUBMIT/guard/params/guards/1/params/roles/1' },
      { role: 'director', pointer: '/states/review/meta/approval/role' },
      { role: 'legal', pointer: '/states/review/on/APPROVE/0/guard/params/guard/params/role' },
    ]);
  });

  it('knows the library entries it reads roles from by their current names', () => {
    for (const name of ['actorHasRole', 'approvalGiven']) expect(GUARDS.has(name), name).toBe(true);
    expect(ACTIONS.has('assignOwner')).toBe(true);
  });
});
