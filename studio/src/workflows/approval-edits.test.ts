import { describe, expect, it } from 'vitest';
import { approvalPatch, approverOf, freeStepId, movedStep, stepsOf, withStep } from './approval-edits';

describe('approval edits', () => {
  const approval = {
    mode: 'all' as const,
    order: 'sequence' as const,
    steps: [
      { id: 'manager', approver: { ownerManager: true as const }, when: 'discount > 0.15' },
      { id: 'director', approver: { role: 'salesDirector' }, when: 'discount > 0.3' },
    ],
  };

  it('reads `{ role }` as one step and no approval as none', () => {
    expect(stepsOf({ approval: { role: 'serviceManager' } })).toEqual({
      mode: 'all',
      order: 'parallel',
      steps: [{ id: 'serviceManager', approver: { role: 'serviceManager' } }],
    });
    expect(stepsOf({})).toBeUndefined();
  });

  it('edits one step, dropping an emptied threshold', () => {
    expect(withStep(approval, 1, { when: '' }).steps[1]).toEqual({
      id: 'director',
      approver: { role: 'salesDirector' },
    });
    expect(
      withStep(approval, 0, { approver: approverOf('userField', [], ['accountManager']) }).steps[0]!.approver,
    ).toEqual({
      userField: 'accountManager',
    });
  });

  it('moves steps within bounds and names new ones freely', () => {
    expect(movedStep(approval, 1, -1).steps.map((s) => s.id)).toEqual(['director', 'manager']);
    expect(movedStep(approval, 1, 1)).toBe(approval);
    expect(freeStepId([{ id: 'step2', approver: { ownerManager: true } }])).toBe('step3');
    expect(approvalPatch(undefined)).toEqual({ approval: undefined });
  });
});
