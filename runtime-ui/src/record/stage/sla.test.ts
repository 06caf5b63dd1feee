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

  it('counts down to the due time the server stored, which knows business hours and holidays', () => {
    const business = {
      id: 'service',
      initial: 'open',
      states: { open: { meta: { sla: '4 business hours' } } },
    } as unknown as WorkflowDefinition;
    // Entered on Friday 17:00 in Shanghai (09:00 UTC): due on Monday 12:00 (04:00 UTC), not Friday 21:00.
    const record = { state: 'open', state_entered_at: '2027-03-05T09:00:00Z', sla_due_at: '2027-03-08T04:00:00Z' };
    expect(slaStatus(business, record, at('2027-03-05T13:00:00Z'))).toEqual({
      kind: 'running',
      dueAt: at('2027-03-08T04:00:00Z'),
      leftMs: 63 * 3600_000,
    });
    // Amber in the last fifth of the stay as the clock runs (67 hours from Friday 17:00 to Monday 12:00).
    expect(slaStatus(business, record, at('2027-03-07T23:00:00Z'))).toMatchObject({ kind: 'warning' });
    expect(slaStatus(business, record, at('2027-03-08T04:00:00Z'))).toMatchObject({ kind: 'breached', overMs: 0 });
    // Without the server's due time a business-hour SLA has no countdown (the browser cannot count it).
    expect(slaStatus(business, { state: 'open', state_entered_at: '2027-03-05T09:00:00Z' }, 0)).toBeUndefined();
  });

  it('prefers the server’s due time to its own sum for an ISO SLA too', () => {
    const record = { state: 'open', state_entered_at: entered, sla_due_at: '2026-03-01T12:30:00Z' };
    expect(slaStatus(workflow, record, at('2026-03-01T10:00:00Z'))).toMatchObject({
      kind: 'running',
      dueAt: at('2026-03-01T12:30:00Z'),
    });
  });

  it('is nothing in a stage without an SLA', () => {
    expect(slaStatus(workflow, { state: 'closed', state_entered_at: entered }, at(entered))).toBeUndefined();
  });
});
