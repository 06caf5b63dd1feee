import type { Row } from '../records/records-repo.js';
import type { RecordJson } from '../records/types.js';
import type { NewOutboxRow } from '../outbox/types.js';
import type { NewNotification } from '../notifications/notifications-repo.js';
import type { CompiledWorkflow } from '../workflow/compile-machine.js';
import type { Decision } from '../workflow/decide.js';
import type { HistoryEntry } from './history-repo.js';
import { movedDateTimers, slaDueOf, timersOf, usesTimers } from './timer-rows.js';
import type { TimerRow } from './timers-repo.js';
import type { TimerClock } from '../workflow/date-timers.js';

/**
 * The one write shape of a workflow step. A start and a transition both go: load → decide (pure) →
 * toStartWrite / toTransitionWrite (pure, here) → write (write-transition.ts), where the history row,
 * the timers it cancels and starts and its outbox rows are parts of ONE statement after the record's.
 */
export interface WorkflowWrite {
  /** The history row; its record id and owner come from the record as written. */
  history: Omit<HistoryEntry, 'ownerId' | 'recordId'>;
  /** Cancel the record's pending timers (it left its state). */
  cancelTimers: boolean;
  /** Cancel only these timers of the state (a transition that stays put moved the dates they count from). */
  movedTimers?: { state: string; events: string[] };
  timers: TimerRow[];
  outbox: NewOutboxRow[];
  /** In-app notifications (`notify`), caused by the history row like the outbox rows. */
  notifications?: NewNotification[] | undefined;
}

/** Everything one transition writes: the record update at the decided version, then its workflow write. */
export interface TransitionWrite extends WorkflowWrite {
  id: string;
  /** The version the decision was made on: the update matches only while the record is still at it. */
  version: number;
  columns: Row;
  /** The request that sent the event, for the audit trail. */
  requestId?: string | undefined;
}

/** The event a workflow start is recorded under (from_state is null). */
export const START_EVENT = 'START';

type Moved = Extract<Decision, { ok: true }>;

export interface TransitionFacts {
  compiled: CompiledWorkflow;
  entity: string;
  record: RecordJson;
  /** The version the decision read. */
  version: number;
  /** The state the decision was made in (the initial one for a record that predates the binding). */
  state: string;
  decision: Moved;
  /** What the effects set on the record and left for the outbox. */
  effects: { columns: Row; outbox: NewOutboxRow[]; notifications?: NewNotification[] | undefined };
  actorId: string;
  /** Whether the actor is a user (stamped as updated_by), not the engine. */
  actorIsUser: boolean;
  event: { type: string; comment?: string | undefined };
  /** The name history records (timers: `after.sla`); the event's type otherwise. */
  historyEvent: string;
  modelVersion: number;
  now: Date;
  requestId?: string | undefined;
  /** Zone and business calendar for date-relative and business-day timers (date-timer-clock.ts). */
  timerClock?: TimerClock | undefined;
}

/** What a decided transition writes. Pure. */
export function toTransitionWrite(facts: TransitionFacts): TransitionWrite {
  const { compiled, record, state, decision, now } = facts;
  const definition = compiled.definition;
  const id = record.id as string;
  const moved = decision.to !== state || record.state === null;
  const after = { ...record, ...facts.effects.columns };
  // Staying put with a date an action set: the state's timers on that date move with it.
  const dated =
    moved || !facts.timerClock
      ? undefined
      : movedDateTimers(
          compiled,
          { entity: facts.entity, recordId: id, state },
          { record: after, columns: facts.effects.columns, clock: facts.timerClock },
        );
  const timers = [
    ...timersOf(
      compiled,
      {
        entity: facts.entity,
        recordId: id,
        state: decision.to,
        entered: moved,
        now,
        record: after,
        ...(facts.timerClock && { clock: facts.timerClock }),
      },
      decision.timers.schedule,
    ),
    ...(dated?.rows ?? []),
  ];
  return {
    id,
    version: facts.version,
    columns: {
      ...facts.effects.columns,
      state: decision.to,
      // Entering a stage restarts its SLA: the server's due time (or none), and no breach yet.
      ...(moved && { state_entered_at: now, sla_breached_at: null, sla_due_at: slaDueOf(timers) }),
      ...(facts.actorIsUser && { updated_by: facts.actorId }),
    },
    history: {
      entity: facts.entity,
      recordType: (record.record_type as string | null) ?? null,
      workflow: definition.id,
      from: state,
      to: decision.to,
      event: facts.historyEvent,
      actorId: facts.actorId,
      comment: facts.event.comment,
      approval: decision.approval,
      modelVersion: facts.modelVersion,
      at: now,
    },
    cancelTimers: (decision.timers.cancel || moved) && usesTimers(compiled),
    ...(dated && { movedTimers: { state, events: dated.events } }),
    timers,
    outbox: facts.effects.outbox,
    notifications: facts.effects.notifications,
    requestId: facts.requestId,
  };
}

/** What a workflow start writes beside the new record (its id is '' until inserted: the write takes it from the record). Pure. */
export function toStartWrite(facts: {
  compiled: CompiledWorkflow;
  entity: string;
  recordId: string;
  recordType: string | null;
  start: Moved | { to: string; timers: Moved['timers'] };
  outbox: NewOutboxRow[];
  notifications?: NewNotification[] | undefined;
  actorId: string;
  modelVersion: number;
  now: Date;
  /** The new record as inserted, and the clock, for date-relative timers of the state it starts in. */
  record?: Record<string, unknown>;
  timerClock?: TimerClock | undefined;
}): WorkflowWrite {
  const { compiled, start, now } = facts;
  return {
    history: {
      entity: facts.entity,
      recordType: facts.recordType,
      workflow: compiled.definition.id,
      from: null,
      to: start.to,
      event: START_EVENT,
      actorId: facts.actorId,
      modelVersion: facts.modelVersion,
      at: now,
    },
    cancelTimers: false,
    timers: timersOf(
      compiled,
      {
        entity: facts.entity,
        recordId: facts.recordId,
        state: start.to,
        entered: true,
        now,
        ...(facts.record && { record: facts.record }),
        ...(facts.timerClock && { clock: facts.timerClock }),
      },
      start.timers.schedule,
    ),
    outbox: facts.outbox,
    notifications: facts.notifications,
  };
}
