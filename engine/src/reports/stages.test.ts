import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../definitions/workflow.js';
import { funnelStages, toStages } from './stages.js';

const workflow = (states: WorkflowDefinition['states']): WorkflowDefinition => ({
  id: 'w',
  initial: Object.keys(states)[0]!,
  meta: { entity: 'e' },
  states,
});

describe('toStages', () => {
  it('orders open states (definition order), then won, then lost; only funnel states get positions', () => {
    const stages = toStages(
      workflow({
        lost: { type: 'final', meta: { outcome: 'lost', probability: 0 } },
        won: { type: 'final', meta: { outcome: 'won', probability: 1, title: { en: 'Won', zh: '赢单' } } },
        lead: { meta: { probability: 0.1 } },
        proposal: { meta: { outcome: 'open', probability: 0.5 } },
        dropped: { type: 'final', meta: { outcome: 'lost' } },
      }),
    );
    expect(stages.map((s) => [s.state, s.outcome, s.funnelPosition, s.probability, s.final])).toEqual([
      ['lead', 'open', 1, 0.1, false],
      ['proposal', 'open', 2, 0.5, false],
      ['won', 'won', 3, 1, true],
      ['lost', 'lost', null, 0, true],
      ['dropped', 'lost', null, null, true],
    ]);
    expect(stages[2]!.title).toEqual({ en: 'Won', zh: '赢单' });
    expect(stages[0]!.title).toBeNull();
    expect(funnelStages(stages).map((s) => s.state)).toEqual(['lead', 'proposal', 'won']);
  });

  it('treats an absent or unknown outcome as open', () => {
    const stages = toStages(workflow({ a: {}, b: { meta: { outcome: 'weird' as never } } }));
    expect(stages.map((s) => [s.state, s.outcome, s.funnelPosition])).toEqual([
      ['a', 'open', 1],
      ['b', 'open', 2],
    ]);
  });

  it('names a renamed state by its former name too, unless another state now has that name', () => {
    const stages = toStages(
      workflow({
        vetted: { meta: { renamedFrom: 'qualified' } },
        proposal: { meta: { renamedFrom: 'vetted' } },
        won: { type: 'final', meta: { outcome: 'won' } },
      }),
    );
    expect(stages.map((s) => [s.state, s.names])).toEqual([
      ['vetted', ['vetted', 'qualified']],
      ['proposal', ['proposal']],
      ['won', ['won']],
    ]);
  });
});
