import { describe, expect, it } from 'vitest';
import type { Workflow } from './types';
import { insertStage } from './workflow-edits';

describe('inserting a stage between two', () => {
  it('turns A→B into A→N→B, keeping the old event, guard and actions on A→N', () => {
    const workflow = {
      id: 'sales',
      initial: 'needs',
      meta: { entity: 'deal' },
      states: {
        needs: {
          meta: { probability: 0.4, color: '#6366f1' },
          on: { PROPOSE: { target: 'proposed', guard: { type: 'requireFields', params: { fields: ['amount'] } } } },
        },
        proposed: { meta: { probability: 0.5 } },
      },
    } as unknown as Workflow;
    insertStage(
      workflow,
      { source: 'needs', event: 'PROPOSE' },
      {
        id: 'pilot',
        title: { zh: '试点', en: 'Pilot' },
        event: 'COMPLETE_PILOT',
        eventTitle: { zh: '试点完成', en: 'Pilot done' },
      },
    );
    expect(Object.keys(workflow.states)).toEqual(['needs', 'pilot', 'proposed']);
    expect(workflow.states.needs!.on!.PROPOSE).toMatchObject({ target: 'pilot', guard: { type: 'requireFields' } });
    expect(workflow.states.pilot).toMatchObject({
      meta: { probability: 0.45, outcome: 'open' },
      on: { COMPLETE_PILOT: { target: 'proposed' } },
    });
  });
});
