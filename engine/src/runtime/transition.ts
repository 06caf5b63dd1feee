import type { Knex } from 'knex';
import { ConflictError, TransitionRefused } from '../errors.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { isRecordId, recordNotFound } from '../records/read-records.js';
import { selectRecord, type Row } from '../records/records-repo.js';
import { recordNames, toRecordJson } from '../records/serialize.js';
import type { RecordJson } from '../records/types.js';
import type { CompiledWorkflow, WorkflowEvent } from '../workflow/compile-machine.js';
import { decide } from '../workflow/decide.js';
import type { Actor } from '../workflow/reference.js';
import { applyEffects } from './apply-effects.js';
import { boundWorkflow } from './compiled-workflows.js';
import { approvalsSince, type HistoryEntry } from './history-repo.js';
import { insertOutbox } from './outbox-repo.js';
import { startFor } from './start-record.js';
import { scheduleTimers } from './timers-repo.js';
import { writeTransition } from './write-transition.js';
import { timersOf, usesApprovals } from './timer-rows.js';

/** One event sent to one record. */
export interface EventInput {
  model: Model;
  entity: CompiledEntity;
  id: string;
  event: WorkflowEvent;
  actor: Actor;
  /** The version the sender saw (If-Match); undefined sends to whatever version is current. */
  expectedVersion?: number;
  /** Set by the timer runner: the event is the timer's, which only it may send. */
  fromTimer?: boolean;
  /** The name history records instead of the machine's event (timers: `after.sla`, `after.P3D`). */
  historyEvent?: string;
}

/** What a transition did: the record after it, and the history row it wrote. */
export interface EventResult {
  record: RecordJson;
  transition: { from: string; to: string; event: string; historyId: number; at: string };
}

/** Sends an event in its own transaction. */
export function sendEvent(knex: Knex, input: EventInput, now: Date): Promise<EventResult> {
  return knex.transaction((trx) => applyEvent(trx, input, now));
}

/**
 * One transition, all or nothing on the caller's transaction: lock the record, decide against the
 * locked row and the actor, write the state and the in-database effects in one update, append
 * history, move timers, queue outbox effects. A refused event throws and writes nothing.
 */
export async function applyEvent(trx: Knex, input: EventInput, now: Date): Promise<EventResult> {
  const { model, entity, id, event, actor } = input;
  if (!isRecordId(id)) throw recordNotFound(entity, id);
  const row = await selectRecord(trx, entity, { id, forUpdate: true });
  if (!row) throw recordNotFound(entity, id);
  const version = row.version as number;
  if (input.expectedVersion !== undefined && input.expectedVersion !== version) {
    throw new ConflictError(`the record is at version ${version}, not ${input.expectedVersion}; reload and retry`, { extra: { currentVersion: version } });
  }
  const record = toRecordJson(row, recordNames(entity));
  const compiled = requireWorkflow(model, entity, record);
  const definition = compiled.definition;
  // Records that predate the binding have no state yet: they stand at the start.
  const state = (record.state as string | null) ?? definition.initial;
  const approvals = usesApprovals(compiled) ? await approvalsSince(trx, entity.id, id, record.state_entered_at ? new Date(record.state_entered_at as string) : null) : undefined;
  const decision = decide(compiled, { state, event, record, actor, ...(approvals && { approvals }), now: now.toISOString(), fromTimer: Boolean(input.fromTimer) });
  if (!decision.ok) {
    const { reason, reasonZh, guard } = decision;
    throw new TransitionRefused(reason, { extra: { event: event.type, state, reason, ...(reasonZh && { reasonZh }), ...(guard && { guard }) } });
  }
  const facts = { workflow: definition.id, from: state, to: decision.to, event: input.historyEvent ?? event.type, at: now };
  const outcome = await applyEffects(trx, decision.effects, { model, entity, record, actor, transition: facts, startFor: startFor(model, actor, now) });
  const moved = decision.to !== state || record.state === null;
  const columns: Row = { ...outcome.columns, state: decision.to, ...(moved && { state_entered_at: now, sla_breached_at: null }) };
  const approvalRole = definition.states[state]?.meta?.approval?.role;
  const decisionOf: 'approved' | 'rejected' | undefined = event.type === 'APPROVE' ? 'approved' : event.type === 'REJECT' ? 'rejected' : undefined;
  const history: Omit<HistoryEntry, 'ownerId'> = {
    entity: entity.id,
    recordId: id,
    recordType: (record.record_type as string | null) ?? null,
    workflow: definition.id,
    from: state,
    to: decision.to,
    event: input.historyEvent ?? event.type,
    actorId: actor.id,
    comment: event.comment,
    approval: approvalRole && decisionOf ? { role: approvalRole, decision: decisionOf } : undefined,
    modelVersion: model.version,
    at: now,
  };
  const { row: updated, historyId } = await writeTransition(trx, entity, { id, version, columns, history, cancelTimers: decision.timers.cancel || moved });
  await scheduleTimers(trx, timersOf(compiled, { entity: entity.id, recordId: id, state: decision.to, entered: moved, now }, decision.timers.schedule));
  await insertOutbox(trx, outcome.outbox, { entity: entity.id, recordId: id, historyId });
  return {
    record: toRecordJson(updated, recordNames(entity)),
    transition: { from: state, to: decision.to, event: input.historyEvent ?? event.type, historyId, at: now.toISOString() },
  };
}

function requireWorkflow(model: Model, entity: CompiledEntity, record: RecordJson): CompiledWorkflow {
  const compiled = boundWorkflow(model, entity, record.record_type as string | null);
  if (compiled) return compiled;
  const type = record.record_type ? ` of type ${String(record.record_type)}` : '';
  throw new TransitionRefused(`no workflow is bound to ${entity.id} records${type}`, { extra: { reason: 'no workflow' } });
}
