import type { CompiledWorkflow } from './compile-machine.js';

/** One durable timer to start: the event to send back through `decide` when it fires, and when. */
export interface TimerStart {
  event: string;
  /** The key written in the state's `after` (`sla` or an ISO-8601 duration). */
  afterKey: string;
  delayMs: number;
  dueAt?: string;
}

/** Timer work for the shell: cancel the record's pending timers (it left its state), then start these. */
export interface TimerPlan {
  cancel: boolean;
  schedule: TimerStart[];
}

interface ActionLike {
  type: string;
  params?: unknown;
}

/**
 * The timers a transition leaves: XState returns each `after` of an entered state as a delayed
 * `xstate.raise` and each exited one as `xstate.cancel`; a raise cancelled in the same step (an
 * `always` transition passing through) is dropped.
 */
export function planTimers(
  compiled: CompiledWorkflow,
  actions: readonly ActionLike[],
  options: { left: boolean; now: string },
): TimerPlan {
  const raised = new Map<string, TimerStart>();
  for (const action of actions) {
    const params = (action.params ?? {}) as { id?: string; delay?: number; sendId?: string };
    if (action.type === 'xstate.cancel' && params.sendId) raised.delete(params.sendId);
    if (action.type !== 'xstate.raise' || typeof params.delay !== 'number' || !params.id) continue;
    const dueAt = Number.isNaN(Date.parse(options.now))
      ? undefined
      : new Date(Date.parse(options.now) + params.delay).toISOString();
    const start: TimerStart = { event: params.id, afterKey: afterKeyOf(compiled, params.id), delayMs: params.delay };
    raised.set(params.id, dueAt ? { ...start, dueAt } : start);
  }
  return { cancel: options.left, schedule: [...raised.values()] };
}

// Timer event ids read `xstate.after.<delay>.<workflow id>.<state>`; workflow ids and state names have no dots.
function afterKeyOf(compiled: CompiledWorkflow, id: string): string {
  const delay = id.split('.').slice(2, -2).join('.');
  return compiled.afterKeys.get(delay) ?? delay;
}
