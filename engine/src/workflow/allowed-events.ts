import type { AllowedEvent } from '@lodestar/core';
import type { Actor } from '../actor.js';
import type { Approval } from './reference.js';
import type { ApproverFacts } from './approval-decide.js';
import type { CompiledWorkflow } from './compile-machine.js';
import { decide } from './decide.js';
import type { GuardFacts } from './guards/index.js';
import { toTransitionList } from './transitions.js';

// One event of the current state, whether this actor may send it now, and why not: core's type, as the UI reads it.
export type { AllowedEvent };

/** Every event the current state defines, each decided for this record and actor (the `GET …/transitions` answer). */
export function allowedEvents(
  compiled: CompiledWorkflow,
  state: string,
  input: {
    record: Record<string, unknown>;
    actor: Actor;
    approvals?: Approval[];
    facts?: GuardFacts;
    approvers?: ApproverFacts;
  },
): AllowedEvent[] {
  const on = compiled.definition.states[state]?.on ?? {};
  return Object.entries(on).map(([event, config]) => {
    const decision = decide(compiled, { ...input, state, event: { type: event }, now: '1970-01-01T00:00:00.000Z' });
    if (decision.ok) return { event, target: decision.to, allowed: true };
    const target = toTransitionList(config).find((t) => t.target !== undefined)?.target ?? state;
    return { event, target, allowed: false, reason: decision.reason };
  });
}
