import type { CompiledWorkflow } from '../workflow/compile-machine.js';
import { toMilliseconds } from '@lodestar/core';
import type { TimerStart } from '../workflow/plan-timers.js';
import {
  dateKeyDueAt,
  dateKeysOf,
  dateTimerEvent,
  isComputedKey,
  slaWarnAt,
  timerDueAt,
  type TimerClock,
} from '../workflow/date-timers.js';
import type { TimerRow } from './timers-repo.js';

/**
 * The timer rows a transition starts: each `after` the machine raised (an `after.sla` is the SLA
 * timer), and, when the record entered a state with `meta.sla` but no `after.sla`, a timer that only
 * marks the breach. Pure: the shell writes them. Date-relative and business-day keys are due when
 * date-timers.ts computes from the record (as the transition leaves it) and `clock`; a blank date starts none.
 */
export function timersOf(
  compiled: CompiledWorkflow,
  at: {
    entity: string;
    recordId: string;
    state: string;
    entered: boolean;
    now: Date;
    record?: Record<string, unknown>;
    clock?: TimerClock;
  },
  raised: TimerStart[],
): TimerRow[] {
  const base = { entity: at.entity, recordId: at.recordId, workflow: compiled.definition.id, state: at.state };
  const state = compiled.definition.states[at.state];
  const clock = at.clock ?? { timeZone: 'Asia/Shanghai' };
  const dueOf = (key: string, delayMs: number) =>
    isComputedKey(key, state?.meta?.sla)
      ? timerDueAt(
          key,
          { now: at.now, delayMs, slaText: state?.meta?.sla, ...(at.record && { record: at.record }) },
          clock,
        )
      : new Date(at.now.getTime() + delayMs);
  const rows: TimerRow[] = raised.flatMap((timer) => {
    const dueAt = dueOf(timer.afterKey, timer.delayMs);
    if (!dueAt) return [];
    return [{ ...base, kind: timer.afterKey === 'sla' ? 'sla' : 'after', event: timer.event, dueAt }] as TimerRow[];
  });
  const slaMs = state?.meta?.sla ? (toMilliseconds(state.meta.sla) ?? 0) : undefined;
  if (at.entered && slaMs !== undefined && !state?.after?.sla)
    rows.push({ ...base, kind: 'sla', event: null, dueAt: dueOf('sla', slaMs)! });
  // The owner's warning before the breach: once, like the breach, and cancelled with it when the record moves.
  const sla = at.entered ? rows.find((row) => row.kind === 'sla') : undefined;
  const warnAt =
    sla &&
    slaWarnAt(
      { enteredAt: at.now, dueAt: sla.dueAt, slaText: state?.meta?.sla, warnText: state?.meta?.slaWarnAt },
      clock,
    );
  if (warnAt) rows.push({ ...base, kind: 'slaWarn', event: null, dueAt: warnAt });
  return rows;
}

/** When the SLA of the state a transition entered is due (the record's `sla_due_at`); null when it has none. */
export function slaDueOf(timers: readonly TimerRow[]): Date | null {
  return timers.find((timer) => timer.kind === 'sla')?.dueAt ?? null;
}

/**
 * A transition that stays in its state but sets a date one of the state's date-relative timers reads
 * (a `setField` of `dueDate`): those timers' events, to cancel, and their new rows (none for a blank date).
 */
export function movedDateTimers(
  compiled: CompiledWorkflow,
  at: { entity: string; recordId: string; state: string },
  change: { record: Record<string, unknown>; columns: Record<string, unknown>; clock: TimerClock },
): { events: string[]; rows: TimerRow[] } | undefined {
  const workflow = compiled.definition.id;
  const keys = dateKeysOf(compiled.definition.states[at.state]?.after).filter(
    ({ parsed }) => parsed.field in change.columns,
  );
  if (!keys.length) return undefined;
  const base = { entity: at.entity, recordId: at.recordId, workflow, state: at.state, kind: 'after' as const };
  return {
    events: keys.map(({ key }) => dateTimerEvent(workflow, at.state, key)),
    rows: keys.flatMap(({ key, parsed }): TimerRow[] => {
      const dueAt = dateKeyDueAt(parsed, change.record, change.clock);
      return dueAt ? [{ ...base, event: dateTimerEvent(workflow, at.state, key), dueAt }] : [];
    }),
  };
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
