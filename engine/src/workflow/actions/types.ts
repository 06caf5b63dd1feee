import type { EntityDefinition } from '../../definitions/entity.js';
import type { Issue } from '../../errors.js';
import type { Actor } from '../../actor.js';
import type { FieldUse, ParamsSchema } from '../reference.js';
import type { ConvertEffect, CreateRecordEffect, CreateRecordsEffect } from './carry-forward-effects.js';
import type { RunAs } from './related.js';
import type { NotifyTo } from './notify-address.js';
import type { NotifyText } from './notify-template.js';

/** Where the shell runs an effect: on the transition's database transaction, or later through the outbox. */
export type Phase = 'inTransaction' | 'outbox';

/** What a transition leaves for the shell to do: plain data, executed by the shell, never here. */
export type Effect =
  | { kind: 'setField'; phase: 'inTransaction'; field: string; value: unknown }
  | CreateRecordEffect
  | CreateRecordsEffect
  | ConvertEffect
  | { kind: 'assignOwner'; phase: 'inTransaction'; userId: string }
  | { kind: 'assignOwner'; phase: 'inTransaction'; roundRobinRole: string }
  | { kind: 'assignOwner'; phase: 'inTransaction'; nobody: true }
  | { kind: 'notify'; phase: 'outbox'; to: NotifyTo; subject: NotifyText; body: NotifyText; mail?: false }
  | { kind: 'callWebhook'; phase: 'outbox'; url: string; event: string }
  | { kind: 'updateRecord'; phase: 'inTransaction'; path: string[]; set: Record<string, string>; runAs: RunAs }
  | {
      kind: 'sendEvent';
      phase: 'inTransaction';
      to: { path: string[] } | { entity: string; via: string; where?: string };
      event: string;
      runAs: RunAs;
      required: boolean;
    };

/** What planning an action sees: the stored record, the actor, the event being sent, and the clock's reading. */
export interface ActionContext {
  record: Record<string, unknown>;
  actor: Actor;
  event: string;
  /** ISO-8601 timestamp of the decision; passed in so planning stays pure. */
  now: string;
}

/** One named action of the library: its params schema, its phase and its pure plan. */
export interface ActionSpec<P = Record<string, unknown>> {
  name: string;
  params: ParamsSchema;
  phase: Phase;
  plan(ctx: ActionContext, params: P): Effect;
  /** Fields the params name, so validation can check they exist. */
  fields?(params: P): FieldUse[];
  /**
   * What else would make the action fail on every run (pointers relative to the params), judged
   * against the bound entity and the other definitions: a definition that can never run is an issue.
   */
  check?(
    params: P,
    entities: {
      bound: EntityDefinition | undefined;
      find(id: string): EntityDefinition | undefined;
      /** Every entity of the set (line items are found by the child's relation). */
      all?: readonly EntityDefinition[];
    },
  ): Issue[];
}
