import type { WorkflowDefinition } from '@lodestar/core';
import { describe, expect, it } from 'vitest';
import { durationMs, movesFrom } from './board-model';

const workflow: WorkflowDefinition = {
  id: 'deal-flow',
  initial: 'open',
  meta: { entity: 'deal' },
  states: {
    open: {
      on: { WIN: 'won', LOSE: { target: 'lost' }, PARK: [{ target: 'parked', guard: 'isOwner' }, { target: 'lost' }] },
    },
    parked: {},
    won: { type: 'final' },
    lost: { type: 'final' },
  },
};

describe('the board reads workflows as the meta-schema writes them', () => {
  it('moves by every form of transition: a target name, one transition, guarded branches', () => {
    expect(movesFrom(workflow, 'open')).toEqual([
      { event: 'WIN', target: 'won' },
      { event: 'LOSE', target: 'lost' },
      { event: 'PARK', target: 'parked' },
      { event: 'PARK', target: 'lost' },
    ]);
  });

  it('reads durations as the engine does (fractional seconds; a bare P is no duration)', () => {
    expect(durationMs('PT1.5S')).toBe(1500);
    expect(durationMs('P')).toBeUndefined();
    expect(durationMs('P2W')).toBe(14 * 86_400_000);
  });
});
