import type { CompiledWorkflow } from '../../src/workflow/compile-machine.js';
import { decide, type Decision } from '../../src/workflow/decide.js';
import type { Actor } from '../../src/actor.js';
import type { Approval } from '../../src/workflow/reference.js';

/** The fixed clock walks decide at, so timer due times and `now` values are predictable. */
export const WALK_NOW = '2026-03-02T01:30:00.000Z';

/** A record in a state, moved by events exactly as the engine would decide them (the pure core only). */
export class Walk {
  constructor(
    readonly wf: CompiledWorkflow,
    public state: string,
    public record: Record<string, unknown>,
  ) {}

  try(type: string, actor: Actor, approvals?: Approval[]): Decision {
    return decide(this.wf, {
      state: this.state,
      record: { ...this.record, state: this.state },
      actor,
      event: { type },
      now: WALK_NOW,
      ...(approvals ? { approvals } : {}),
    });
  }

  /** Sends an event that must pass; moves the record, applies its setField effects, answers the decision. */
  send(type: string, actor: Actor, approvals?: Approval[]): Extract<Decision, { ok: true }> {
    const decision = this.try(type, actor, approvals);
    if (!decision.ok) throw new Error(`${type} in ${this.state} refused: ${decision.reason.en}`);
    this.state = decision.to;
    for (const effect of decision.effects)
      if (effect.kind === 'setField') this.record = { ...this.record, [effect.field]: effect.value };
    return decision;
  }

  /** Fires the timer of the current state whose `after` key is `afterKey`, as the timer runner would. */
  fire(afterKey: string): Decision {
    const delay = [...this.wf.afterKeys].find(
      ([name, key]) => key === afterKey && (key !== 'sla' || name === `sla-${this.state}`),
    )?.[0];
    const event = `xstate.after.${delay}.${this.wf.definition.id}.${this.state}`;
    const decision = decide(this.wf, {
      state: this.state,
      record: this.record,
      actor: { id: 'system', roles: [] },
      event: { type: event },
      now: WALK_NOW,
      fromTimer: true,
    });
    if (decision.ok) this.state = decision.to;
    return decision;
  }

  set(values: Record<string, unknown>): this {
    this.record = { ...this.record, ...values };
    return this;
  }
}
