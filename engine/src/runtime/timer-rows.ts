import type { CompiledWorkflow } from '../workflow/compile-machine.js';
import { toMilliseconds } from '@lodestar/core';
import type { TimerStart } from '../workflow/plan-timers.js';
import type { TimerRow } from './timers-repo.js';

/**
 * The timer rows a transition starts: each `after` the machine raised (an `after.sla` is the SLA
 * timer), and, when the record entered a state with `meta.sla` but no `after.sla`, a timer that only
 * marks the breach. Pure: the shell writes them.
 */
export function timersOf(
  compiled: CompiledWorkflow,
  at: { entity: string; recordId: string; state: string; entered: boolean; now: Date },
  raised: TimerStart[],
): TimerRow[] {
  const base = { entity: at.entity, recordId: at.recordId, workflow: compiled.definition.id, state: at.state };
  const rows: TimerRow[] = raised.map((timer) => ({
    ...base,
    kind: timer.afterKey === 'sla' ? 'sla' : 'after',
    event: timer.event,
    dueAt: new Date(at.now.getTime() + timer.delayMs),
  }));
  const state = compiled.definition.states[at.state];
  const slaMs = state?.meta?.sla ? toMilliseconds(state.meta.sla) : undefined;
  if (at.entered && slaMs !== undefined && !state?.after?.sla)
    rows.push({ ...base, kind: 'sla', event: null, dueAt: new Date(at.now.getTime() + slaMs) });
  return rows;
}

const approvalUse = new WeakMap<CompiledWorkflow, boolean>();

/** Whether any guard of the workflow asks for approvals (only then does a transition read them). */
export function usesApprovals(compiled: CompiledWorkflow): boolean {
  let uses = approvalUse.get(compiled);
  if (uses === undefined)
    approvalUse.set(compiled, (uses = JSON.stringify(compiled.definition.states).includes('"approvalGiven"')));
  return uses;
}

const timerUse = new WeakMap<CompiledWorkflow, boolean>();

/**
 * Whether any state of the workflow starts timers (`after` or an SLA). Records of a workflow without
 * any have no pending timers to cancel, so their transitions skip that write.
 */
export function usesTimers(compiled: CompiledWorkflow): boolean {
  let uses = timerUse.get(compiled);
  if (uses === undefined) {
    uses = Object.values(compiled.definition.states).some(
      (state) => state.after !== undefined || state.meta?.sla !== undefined,
    );
    timerUse.set(compiled, uses);
  }
  return uses;
}
