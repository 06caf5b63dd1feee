import { describe, expect, it } from 'vitest';
import type { CompiledWorkflow } from './compile-machine.js';
import { planTimers } from './plan-timers.js';

const compiled = { afterKeys: new Map([['sla-review', 'sla']]) } as unknown as CompiledWorkflow;
const raise = (id: string, delay: number) => ({ type: 'xstate.raise', params: { id, delay, event: { type: id } } });
const cancel = (sendId: string) => ({ type: 'xstate.cancel', params: { sendId } });
const now = '2026-01-01T00:00:00.000Z';

describe('planTimers', () => {
  it.each([
    ['nothing', [], false, { cancel: false, schedule: [] }],
    [
      'an entered state with an sla',
      [cancel('xstate.after.P1D.wf.open'), raise('xstate.after.sla-review.wf.review', 3_600_000)],
      true,
      {
        cancel: true,
        schedule: [
          {
            event: 'xstate.after.sla-review.wf.review',
            afterKey: 'sla',
            delayMs: 3_600_000,
            dueAt: '2026-01-01T01:00:00.000Z',
          },
        ],
      },
    ],
    [
      'a state passed through by always',
      [raise('xstate.after.PT1H.wf.b', 3_600_000), cancel('xstate.after.PT1H.wf.b')],
      true,
      { cancel: true, schedule: [] },
    ],
    [
      'named actions are not timers',
      [{ type: 'notify', params: { to: 'owner' } }],
      false,
      { cancel: false, schedule: [] },
    ],
  ])('%s', (_name, actions, left, expected) => {
    expect(planTimers(compiled, actions, { left, now })).toEqual(expected);
  });

  it('leaves out the due time without a valid clock reading', () => {
    expect(planTimers(compiled, [raise('xstate.after.PT1H.wf.b', 1)], { left: true, now: 'later' }).schedule).toEqual([
      { event: 'xstate.after.PT1H.wf.b', afterKey: 'PT1H', delayMs: 1 },
    ]);
  });
});
