import { toMilliseconds, type WorkflowDefinition } from '@lodestar/core';

export type SlaStatus =
  | { kind: 'running'; dueAt: number; leftMs: number }
  | { kind: 'warning'; dueAt: number; leftMs: number }
  | { kind: 'breached'; dueAt: number; overMs: number };

/** Under this share of the SLA left, the countdown turns amber: the breach is near. */
export const SLA_WARNING_SHARE = 0.2;

/**
 * Where a record stands against its stage's SLA (`meta.sla`), from what the record read already carries, with
 * no extra request per record or card. The engine stores the due time it scheduled the SLA timer at
 * (`sla_due_at`: business days and hours counted on the company calendar, which the browser does not know);
 * a record read from an engine that did not send it falls back to `state_entered_at + meta.sla`, right for
 * ISO durations only. `sla_breached_at` (set when the timer fired) wins, so a breach shows even if the
 * definition changed since.
 */
export function slaStatus(
  workflow: WorkflowDefinition | undefined,
  record: { state?: unknown; state_entered_at?: unknown; sla_breached_at?: unknown; sla_due_at?: unknown },
  now: number,
): SlaStatus | undefined {
  const state = typeof record.state === 'string' ? workflow?.states[record.state] : undefined;
  const sla = state?.meta?.sla;
  const entered = typeof record.state_entered_at === 'string' ? Date.parse(record.state_entered_at) : NaN;
  const breached = typeof record.sla_breached_at === 'string' ? Date.parse(record.sla_breached_at) : NaN;
  const serverDue = typeof record.sla_due_at === 'string' ? Date.parse(record.sla_due_at) : NaN;
  const ms = typeof sla === 'string' ? toMilliseconds(sla) : undefined;
  const dueAt = !Number.isNaN(serverDue)
    ? serverDue
    : ms !== undefined && !Number.isNaN(entered)
      ? entered + ms
      : breached;
  if (Number.isNaN(dueAt)) return undefined;
  if (!Number.isNaN(breached) || now >= dueAt) return { kind: 'breached', dueAt, overMs: Math.max(0, now - dueAt) };
  const leftMs = dueAt - now;
  // The whole stay the SLA allows, as the clock runs (a business-day SLA over a weekend is longer than its hours).
  const totalMs = !Number.isNaN(serverDue) && !Number.isNaN(entered) ? serverDue - entered : ms;
  return {
    kind: totalMs !== undefined && leftMs < totalMs * SLA_WARNING_SHARE ? 'warning' : 'running',
    dueAt,
    leftMs,
  };
}
