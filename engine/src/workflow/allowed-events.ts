import type { Text } from '@lodestar/core';
import type { Actor } from '../actor.js';
import type { Approval } from './reference.js';
import type { CompiledWorkflow } from './compile-machine.js';
import { decide } from './decide.js';
import { toTransitionList } from './transitions.js';

/** One event of the current state, whether this actor may send it now, and why not (in both languages). */
export interface AllowedEvent {
  event: string;
  /** The state it leads to: the one it would take now, else the first one it names. */
  target: string;
  allowed: boolean;
  reason?: Text;
}

/** Every event the current state defines, each decided for this record and actor (the `GET …/transitions` answer). */
export function allowedEvents(
  compiled: CompiledWorkflow,
  state: string,
  input: { record: Record<string, unknown>; actor: Actor; approvals?: Approval[] },
): AllowedEvent[] {
  const on = compiled.definition.states[state]?.on ?? {};
  return Object.entries(on).map(([event, config]) => {
    const decision = decide(compiled, { ...input, state, event: { type: event }, now: '1970-01-01T00:00:00.000Z' });
    if (decision.ok) return { event, target: decision.to, allowed: true };
    const target = toTransitionList(config).find((t) => t.target !== undefined)?.target ?? state;
    return { event, target, allowed: false, reason: decision.reason };
  });
}
