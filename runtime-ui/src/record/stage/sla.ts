import { toMilliseconds, type WorkflowDefinition } from '@lodestar/core';

export type SlaStatus =
  | { kind: 'running'; dueAt: number; leftMs: number }
  | { kind: 'warning'; dueAt: number; leftMs: number }
  | { kind: 'breached'; dueAt: number; overMs: number };

/** Under this share of the SLA left, the countdown turns amber: the breach is near. */
export const SLA_WARNING_SHARE = 0.2;

/**
 * Where a record stands against its stage's SLA (`meta.sla`), from what the record read already carries: the
 * engine schedules the SLA timer at `state_entered_at + meta.sla` (compile-machine's delays), so the same
 * sum here is the pending timer's due time, with no extra request per record or card. `sla_breached_at`
 * (set when the timer fired) wins, so a breach shows even if the definition changed since.
 */
export function slaStatus(
  workflow: WorkflowDefinition | undefined,
  record: { state?: unknown; state_entered_at?: unknown; sla_breached_at?: unknown },
  now: number,
): SlaStatus | undefined {
  const state = typeof record.state === 'string' ? workflow?.states[record.state] : undefined;
  const sla = state?.meta?.sla;
  const entered = typeof record.state_entered_at === 'string' ? Date.parse(record.state_entered_at) : NaN;
  const breached = typeof record.sla_breached_at === 'string' ? Date.parse(record.sla_breached_at) : NaN;
  const ms = typeof sla === 'string' ? toMilliseconds(sla) : undefined;
  const dueAt = ms !== undefined && !Number.isNaN(entered) ? entered + ms : breached;
  if (Number.isNaN(dueAt)) return undefined;
  if (!Number.isNaN(breached) || now >= dueAt) return { kind: 'breached', dueAt, overMs: Math.max(0, now - dueAt) };
  const leftMs = dueAt - now;
  return { kind: ms !== undefined && leftMs < ms * SLA_WARNING_SHARE ? 'warning' : 'running', dueAt, leftMs };
}
