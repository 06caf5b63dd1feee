import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../src/definitions/workflow.js';
import { toStartWrite, toTransitionWrite } from '../src/runtime/workflow-write.js';
import { compileMachine } from '../src/workflow/compile-machine.js';
import { decide, decideStart } from '../src/workflow/decide.js';
import { FIXTURES } from './support/paths.js';

/* A start and a transition have one write shape, computed purely from the decision (no database). */
const sales = compileMachine(
  JSON.parse(readFileSync(join(FIXTURES, 'workflows/valid', 'opportunity-sales.json'), 'utf8')) as WorkflowDefinition,
);
const now = new Date('2026-11-23T10:00:00.000Z');
const record = {
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  record_type: null,
  state: 'verbalCommitment',
  name: 'Deal',
  customer: 'c1',
  contacts: ['p1'],
  amount: 1000,
  expectedCloseDate: '2026-12-31',
  lostReason: '',
};
const actor = { id: '6f1c2d3e-0000-4000-8000-0000000000aa', roles: ['sales'] };

describe('the workflow write shape', () => {
  it('turns a decided transition into the record columns, history row, timers and outbox it writes', () => {
    const decision = decide(sales, {
      state: 'verbalCommitment',
      event: { type: 'NEGOTIATE' },
      record,
      actor,
      now: now.toISOString(),
    });
    if (!decision.ok) throw new Error(decision.reason.en);
    const write = toTransitionWrite({
      compiled: sales,
      entity: 'opportunity',
      record,
      version: 3,
      state: 'verbalCommitment',
      decision,
      effects: { columns: {}, outbox: [] },
      actorId: actor.id,
      actorIsUser: true,
      event: { type: 'NEGOTIATE' },
      historyEvent: 'NEGOTIATE',
      modelVersion: 7,
      now,
    });
    expect(write).toMatchObject({
      id: record.id,
      version: 3,
      columns: {
        state: 'contractNegotiation',
        state_entered_at: now,
        sla_breached_at: null,
        sla_due_at: new Date('2026-12-07T10:00:00.000Z'),
        updated_by: actor.id,
      },
      history: {
        entity: 'opportunity',
        workflow: 'opportunity-sales',
        from: 'verbalCommitment',
        to: 'contractNegotiation',
        event: 'NEGOTIATE',
        actorId: actor.id,
        modelVersion: 7,
        at: now,
      },
      cancelTimers: true,
      outbox: [],
    });
    expect(write.timers).toEqual([
      expect.objectContaining({
        recordId: record.id,
        state: 'contractNegotiation',
        kind: 'sla',
        dueAt: new Date('2026-12-07T10:00:00.000Z'),
      }),
      // The owner's warning after 80 % of the 14 days.
      expect.objectContaining({
        state: 'contractNegotiation',
        kind: 'slaWarn',
        event: null,
        dueAt: new Date('2026-12-04T14:48:00.000Z'),
      }),
    ]);
  });

  it('writes a start as the same shape, from no state, cancelling nothing', () => {
    const start = decideStart(sales, { record: {}, actor, now: now.toISOString() });
    const write = toStartWrite({
      compiled: sales,
      entity: 'opportunity',
      recordId: '',
      recordType: null,
      start,
      outbox: [],
      actorId: actor.id,
      modelVersion: 7,
      now,
    });
    expect(write).toMatchObject({
      history: { from: null, to: sales.definition.initial, event: 'START', actorId: actor.id },
      cancelTimers: false,
      outbox: [],
    });
  });
});
