import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '@lodestar/core';
import { enteredStates, isDone, stageSteps } from './stages';

const sales: WorkflowDefinition = {
  id: 'sales',
  initial: 'contact',
  meta: { entity: 'opportunity' },
  states: {
    contact: {},
    proposal: {},
    demo: {},
    revised: { meta: { renamedFrom: 'revision' } as never },
    commitment: {},
    won: { type: 'final', meta: { outcome: 'won' } },
    lost: { type: 'final', meta: { outcome: 'lost' } },
  },
};
const done = (targets: string[], current: string) => {
  const entered = enteredStates(sales, targets, current);
  return stageSteps(sales)
    .filter((step) => isDone(step, current, entered))
    .map((step) => step.id);
};

describe('the stage path from history', () => {
  it('marks done only the stages the record entered, not the ones it skipped', () => {
    expect(done(['contact', 'proposal', 'commitment'], 'commitment')).toEqual(['contact', 'proposal']);
  });

  it('marks no open stage done for a won record that never entered it', () => {
    expect(done(['contact', 'proposal', 'commitment', 'won'], 'won')).toEqual(['contact', 'proposal', 'commitment']);
  });

  it('counts history under a state’s former name for the renamed state', () => {
    expect(done(['contact', 'proposal', 'revision', 'commitment'], 'commitment')).toEqual([
      'contact',
      'proposal',
      'revised',
    ]);
  });

  it('shows the current state even without history (a record from before the workflow)', () => {
    expect([...enteredStates(sales, [], 'proposal')]).toEqual(['proposal']);
    expect(done([], 'proposal')).toEqual([]);
  });
});
