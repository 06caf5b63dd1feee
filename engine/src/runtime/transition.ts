import type { EventResult } from '@lodestar/core';
import type { Knex } from 'knex';
import { ConflictError, LodestarError, TransitionRefused } from '../errors.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { accessFor } from '../permissions/model-access.js';
import { isRecordId, recordNotFound } from '../records/read-records.js';
import { requireRecordInScope } from '../records/record-permissions.js';
import { selectRecord, type Row } from '../records/records-repo.js';
import { cachedRow, forgetRow, rememberRow } from '../records/row-cache.js';
import { recordNames, toRecordJson } from '../records/serialize.js';
import type { RecordJson } from '../records/types.js';
import type { CompiledWorkflow, WorkflowEvent } from '../workflow/compile-machine.js';
import type { Effect } from '../workflow/actions/index.js';
import { decide } from '../workflow/decide.js';
import type { Actor } from '../actor.js';
import { applyEffects } from './apply-effects.js';
import { useEventDelivery } from './effects/send-event.js';
import { boundWorkflow } from './compiled-workflows.js';
import { loadApprovalFacts } from './approval-facts.js';
import { isPersonalApproval } from '../workflow/approval-plan.js';
import { loadGuardFacts } from './guard-facts.js';
import { startFor } from './start-record.js';
import { writeTransition } from './write-transition.js';
import { toTransitionWrite } from './workflow-write.js';
import { timerClockFor } from './date-timer-clock.js';

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
  /** The request that sent the event, for the audit trail. */
  requestId?: string;
  /** The sender's roles do not reach the record: only a personal approver's decision may go on (else this is thrown). */
  outOfScope?: LodestarError;
  /** Set when a sendEvent action sent it: the records whose transitions sent it, outermost first. */
  chain?: readonly string[];
}

/** What a transition did: the record after it, and the history row it wrote (core's type, the events answer). */
export type { EventResult };

/**
 * Sends an event. Most transitions write only their own record, history, timers and outbox, which
 * one statement does atomically at the version the decision read (see writeTransition); if the
 * record moved on in between, or an action writes other records, the event is decided again in a
 * transaction holding the record's row lock. Either way the guard judges the stored record as the
 * write finds it, so concurrent events serialize per record and none is lost or doubled.
 */
export async function sendEvent(knex: Knex, sent: EventInput, now: Date): Promise<EventResult> {
  const input = await requireEventScope(knex, sent);
  const cached = cachedRow(input.entity, input.id);
  const locked = () =>
    knex.transaction(async (trx) => (await decideAndWrite(trx, input, now, 'locked')) as EventResult);
  if (cached && (input.expectedVersion === undefined || input.expectedVersion === cached.version)) {
    let result: Awaited<ReturnType<typeof decideAndWrite>>;
    try {
      result = await decideAndWrite(knex, input, now, 'optimistic', cached);
    } catch (error) {
      // A refusal or an invalid effect judged on a remembered row may be stale: judge the stored one.
      if (!(error instanceof LodestarError)) throw error;
    }
    // Actions that write other records: straight to the locked path, without a second optimistic decision.
    if (result === NEEDS_LOCK) return locked();
    if (result) return result;
  }
  const result = await decideAndWrite(knex, input, now, 'optimistic');
  return result && result !== NEEDS_LOCK ? result : locked();
}

/** What an optimistic decision answers when its actions write other records: only the locked path may go on. */
const NEEDS_LOCK = 'needsLock';

/**
 * The sender's roles must reach the record (404 when it is outside their read scope) and grant the event
 * on it (403), per roles.json `events`. Judged here rather than by the route, so no caller of sendEvent
 * skips it; the engine's own events (timers) go through applyEvent.
 */
async function requireEventScope(knex: Knex, input: EventInput): Promise<EventInput> {
  const { model, entity, id, event, actor } = input;
  const access = accessFor(model, actor);
  if (!access) return input;
  try {
    await requireRecordInScope(
      { knex, model, entity, userId: actor.id, access },
      id,
      access.eventCondition(entity.id, event.type),
      `send ${event.type} to`,
    );
  } catch (error) {
    // A personal approver (owner's manager, user field, delegate) may decide beyond their roles' scope: judged after decide.
    if (!(error instanceof LodestarError) || (event.type !== 'APPROVE' && event.type !== 'REJECT')) throw error;
    return { ...input, outOfScope: error };
  }
  return input;
}

/** One transition on the caller's transaction, with the record locked first (the timer runner's path). */
export async function applyEvent(trx: Knex, input: EventInput, now: Date): Promise<EventResult> {
  return (await decideAndWrite(trx, input, now, 'locked')) as EventResult;
}

// sendEvent actions deliver their events through applyEvent (effects/send-event.ts cannot import it back).
useEventDelivery(applyEvent);

/**
 * Reads the record (locked, or at a version), decides, runs the effects and writes the transition.
 * A refused event throws and writes nothing. Optimistic mode answers undefined where only the locked
 * mode may go on: an effect that writes other records, or a record that changed since it was read.
 */
async function decideAndWrite(
  db: Knex,
  input: EventInput,
  now: Date,
  mode: 'optimistic' | 'locked',
  remembered?: Row,
): Promise<EventResult | typeof NEEDS_LOCK | undefined> {
  const { model, entity, id, event, actor } = input;
  if (!isRecordId(id)) throw recordNotFound(entity, id);
  const row = remembered ?? (await selectRecord(db, entity, { id, forUpdate: mode === 'locked' }));
  if (!row) throw recordNotFound(entity, id);
  const version = row.version as number;
  if (input.expectedVersion !== undefined && input.expectedVersion !== version) {
    throw new ConflictError(
      {
        en: `the record is at version ${version}, not ${input.expectedVersion}; reload and retry`,
        zh: `记录已被他人修改（当前版本 ${version}，您的版本 ${input.expectedVersion}），请刷新后重试`,
      },
      { extra: { currentVersion: version } },
    );
  }
  const record = toRecordJson(row, recordNames(entity));
  const compiled = requireWorkflow(model, entity, record);
  const definition = compiled.definition;
  // Records that predate the binding have no state yet: they stand at the start.
  const state = (record.state as string | null) ?? definition.initial;
  const approvalFacts = await loadApprovalFacts(db, { compiled, state, entity: entity.id, record, actor, now });
  // Conditions over parents and counts of related records, in one statement, only where the state has such guards.
  const guardFacts = await loadGuardFacts(db, { model, entity, compiled, id, actorId: actor.id }, state, event.type);
  if (guardFacts && guardFacts.version !== version) {
    // The row moved on since it was read (or remembered): decide on the stored one.
    forgetRow(entity, id);
    if (mode === 'optimistic') return undefined;
  }
  const decision = decide(compiled, {
    state,
    event,
    record,
    actor,
    ...(guardFacts && { facts: guardFacts.facts }),
    ...approvalFacts,
    now: now.toISOString(),
    fromTimer: Boolean(input.fromTimer),
  });
  if (!decision.ok) {
    if (input.outOfScope) throw input.outOfScope;
    const { reason, guard } = decision;
    throw new TransitionRefused(reason, { extra: { event: event.type, state, reason, ...(guard && { guard }) } });
  }
  if (input.outOfScope && !isPersonalApproval(compiled.definition.states[state], decision.approval))
    throw input.outOfScope;
  if (mode === 'optimistic' && decision.effects.some(writesElsewhere)) return NEEDS_LOCK;
  const historyEvent = input.historyEvent ?? event.type;
  const facts = { workflow: definition.id, from: state, to: decision.to, event: historyEvent, at: now };
  const outcome = await applyEffects(db, decision.effects, {
    model,
    entity,
    record,
    actor,
    transition: facts,
    startFor: startFor(model, actor, now),
    requestId: input.requestId,
    chain: input.chain,
  });
  const write = toTransitionWrite({
    compiled,
    entity: entity.id,
    record,
    version,
    state,
    decision,
    effects: outcome,
    actorId: actor.id,
    actorIsUser: isRecordId(actor.id),
    event,
    historyEvent,
    modelVersion: model.version,
    now,
    requestId: input.requestId,
    timerClock: await timerClockFor(db, compiled),
  });
  const written = await writeTransition(db, entity, write);
  if (!written) {
    forgetRow(entity, id);
    if (mode === 'optimistic') return undefined;
    throw new Error(`${entity.id} ${id} changed under its row lock`);
  }
  // A row written inside a transaction is not remembered: the transaction could still roll back.
  if (!db.isTransaction) rememberRow(entity, written.row);
  return {
    record: toRecordJson(written.row, recordNames(entity)),
    transition: {
      from: state,
      to: decision.to,
      event: historyEvent,
      historyId: written.historyId,
      at: now.toISOString(),
    },
  };
}

// Effects that write rows beyond the transition's own (or take a rotation lock) need the locked transaction.
function writesElsewhere(effect: Effect): boolean {
  return (
    effect.kind === 'createRecord' ||
    effect.kind === 'createRecords' ||
    effect.kind === 'convert' ||
    effect.kind === 'updateRecord' ||
    effect.kind === 'sendEvent' ||
    (effect.kind === 'assignOwner' && 'roundRobinRole' in effect)
  );
}

function requireWorkflow(model: Model, entity: CompiledEntity, record: RecordJson): CompiledWorkflow {
  const compiled = boundWorkflow(model, entity, record.record_type as string | null);
  if (compiled) return compiled;
  const type = record.record_type ? ` of type ${String(record.record_type)}` : '';
  const title = entity.definition['x-i18n']?.title?.zh ?? entity.definition.title ?? entity.id;
  const reason = {
    en: `no workflow is bound to ${entity.id} records${type}`,
    zh: `${title}${record.record_type ? '的这种类型' : ''}没有绑定流程`,
  };
  throw new TransitionRefused(reason, { extra: { reason } });
}
