import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '@lodestar/core';
import { slaStatus } from './sla';

const workflow = {
  id: 'service',
  initial: 'open',
  states: { open: { meta: { sla: 'PT4H' } }, closed: { type: 'final' } },
} as unknown as WorkflowDefinition;
const entered = '2026-03-01T08:00:00Z';
const at = (iso: string) => Date.parse(iso);

describe('slaStatus', () => {
  it('counts down from the stage entry plus its SLA', () => {
    expect(slaStatus(workflow, { state: 'open', state_entered_at: entered }, at('2026-03-01T09:00:00Z'))).toEqual({
      kind: 'running',
      dueAt: at('2026-03-01T12:00:00Z'),
      leftMs: 3 * 3600_000,
    });
  });

  it('warns once less than a fifth of the SLA is left', () => {
    expect(slaStatus(workflow, { state: 'open', state_entered_at: entered }, at('2026-03-01T11:12:00Z'))).toEqual({
      kind: 'running',
      dueAt: at('2026-03-01T12:00:00Z'),
      leftMs: 48 * 60_000,
    });
    expect(slaStatus(workflow, { state: 'open', state_entered_at: entered }, at('2026-03-01T11:13:00Z'))).toEqual({
      kind: 'warning',
      dueAt: at('2026-03-01T12:00:00Z'),
      leftMs: 47 * 60_000,
    });
  });

  it('is breached past the due time, or when the engine marked it', () => {
    expect(slaStatus(workflow, { state: 'open', state_entered_at: entered }, at('2026-03-01T13:00:00Z'))).toMatchObject(
      {
        kind: 'breached',
        overMs: 3600_000,
      },
    );
    expect(
      slaStatus(
        workflow,
        { state: 'open', state_entered_at: entered, sla_breached_at: '2026-03-01T12:00:01Z' },
        at('2026-03-01T09:00:00Z'),
      ),
    ).toMatchObject({ kind: 'breached' });
  });

  it('is nothing in a stage without an SLA', () => {
    expect(slaStatus(workflow, { state: 'closed', state_entered_at: entered }, at(entered))).toBeUndefined();
  });
});
