import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '@lodestar/core';
import { enteredStates, isDone, nextStates, shownSteps, stageSteps, timeInStages } from './stages';

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

describe('the path a record page shows', () => {
  const flow = {
    id: 'w',
    initial: 'a',
    meta: { entity: 'x' },
    states: {
      a: { on: { GO: 'b', SKIP: { target: 'c' } } },
      b: { on: { GO: [{ target: 'c', guard: 'g' }, { target: 'd' }] } },
      c: { on: { WIN: 'won' } },
      d: {},
      won: { type: 'final', meta: { outcome: 'won' } },
    },
  } as unknown as WorkflowDefinition;

  it('is the entered stages and the next steps of the current one', () => {
    expect(nextStates(flow, 'b')).toEqual(['c', 'd']);
    const shown = shownSteps(stageSteps(flow), new Set(['a', 'b']), nextStates(flow, 'b'));
    expect(shown.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(shownSteps(stageSteps(flow), new Set(['a', 'c']), nextStates(flow, 'c')).map((s) => s.id)).toEqual([
      'a',
      'c',
      'won',
    ]);
  });

  it('sums the time of each stay from the history, the current one until now', () => {
    const spent = timeInStages(
      [
        { to: 'a', at: '2026-03-01T00:00:00Z' },
        { to: 'b', at: '2026-03-01T02:00:00Z' },
        { to: 'a', at: '2026-03-01T03:00:00Z' },
        { to: 'c', at: '2026-03-01T04:00:00Z' },
      ],
      Date.parse('2026-03-01T10:00:00Z'),
    );
    expect(Object.fromEntries(spent)).toEqual({ a: 3 * 3600_000, b: 3600_000, c: 6 * 3600_000 });
  });
});
