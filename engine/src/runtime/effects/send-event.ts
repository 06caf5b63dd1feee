import type { EventResult } from '@lodestar/core';
import type { Knex } from 'knex';
import type { Actor } from '../../actor.js';
import { insertAudit } from '../../audit/audit-repo.js';
import { LodestarError, TransitionRefused, type Text } from '../../errors.js';
import type { CompiledEntity, Model } from '../../model/compile-model.js';
import { accessFor } from '../../permissions/model-access.js';
import { quoteIdent } from '../../records/quote-ident.js';
import { isRecordId } from '../../records/record-id.js';
import { requireRecordInScope } from '../../records/record-permissions.js';
import { forgetRow } from '../../records/row-cache.js';
import type { Effect } from '../../workflow/actions/index.js';
import { titleOf, withState } from '../../workflow/actions/related.js';
import { expressionSql } from './expression-sql.js';
import { followRelation } from './relation-path.js';
import type { CrossRecordInput } from './update-record.js';

/** How deep events sent by actions may go (A sends to B, B to C …) before the chain is taken for a loop. */
export const MAX_EVENT_DEPTH = 5;

/** The engine acting on its own, as timers do: no user, the `system` role. */
const ENGINE: Actor = { id: 'system', roles: ['system'] };

/** One event to one record on the caller's transaction (runtime/transition.ts applyEvent). */
export type DeliverEvent = (
  trx: Knex,
  input: {
    model: Model;
    entity: CompiledEntity;
    id: string;
    event: { type: string };
    actor: Actor;
    requestId?: string;
    chain: readonly string[];
  },
  now: Date,
) => Promise<EventResult>;

// Set by runtime/transition.ts, which imports this module through apply-effects (an import back would be a cycle).
let deliver: DeliverEvent | undefined;

/** Lets sendEvent actions run transitions: called once by the transition module. */
export function useEventDelivery(fn: DeliverEvent): void {
  deliver = fn;
}

/** An event chain that went too deep, or came back to a record whose transition is still being decided. */
export class EventLoop extends TransitionRefused {}

/** What happened to one target, as the source's audit row records it. */
export interface TargetOutcome {
  entity: string;
  id: string;
  outcome: 'moved' | 'refused';
  from?: string | null;
  to?: string;
  reason?: Text;
}

/**
 * Runs a sendEvent on the transition's transaction: each target (in id order, so concurrent senders lock
 * alike) gets its own transition through applyEvent inside a savepoint, as the engine or as the actor
 * (whose event scope on the target is judged as for a request). A refusal rolls back that target only and
 * is recorded; with `required` it refuses the whole transition. Every outcome is written to the source's
 * audit trail (action `transition`, detail `sendEvent`), where admins see which targets refused and why.
 */
export async function applySendEvent(
  trx: Knex,
  effect: Extract<Effect, { kind: 'sendEvent' }>,
  input: CrossRecordInput & { now: Date; chain?: readonly string[] | undefined },
): Promise<void> {
  const { model, entity, record } = input;
  const chain = [...(input.chain ?? []), `${entity.id}:${String(record.id)}`];
  const targets = await targetsOf(trx, effect, input);
  if (!targets.length) return;
  if (chain.length > MAX_EVENT_DEPTH) throw tooDeep(chain, effect.event);
  const actor = effect.runAs === 'engine' ? ENGINE : input.actor;
  const access = isRecordId(actor.id) ? accessFor(model, actor) : undefined;
  const outcomes: TargetOutcome[] = [];
  for (const target of targets) {
    if (chain.includes(`${target.entity.id}:${target.id}`)) throw backToSender(chain, target, effect.event);
    // Its remembered row, if any, is about to be stale: transitions inside a transaction are not remembered.
    forgetRow(target.entity, target.id);
    try {
      const result = await trx.transaction(async (sp) => {
        if (access)
          await requireRecordInScope(
            { knex: sp, model, entity: target.entity, userId: actor.id, access },
            target.id,
            access.eventCondition(target.entity.id, effect.event),
            `send ${effect.event} to`,
          );
        return deliver!(
          sp,
          {
            model,
            entity: target.entity,
            id: target.id,
            event: { type: effect.event },
            actor,
            ...(input.requestId && { requestId: input.requestId }),
            chain,
          },
          input.now,
        );
      });
      const { from, to } = result.transition;
      outcomes.push({ entity: target.entity.id, id: target.id, outcome: 'moved', from, to });
    } catch (error) {
      if (error instanceof EventLoop || !(error instanceof LodestarError)) throw error;
      const reason = reasonOf(error);
      if (effect.required) throw requiredRefused(target, effect.event, reason, error);
      outcomes.push({ entity: target.entity.id, id: target.id, outcome: 'refused', reason });
    }
  }
  await insertAudit(trx, [
    {
      actorId: input.actor.id,
      entity: entity.id,
      recordId: String(record.id),
      action: 'transition',
      changes: {},
      detail: { sendEvent: effect.event, runAs: effect.runAs, targets: outcomes },
      requestId: input.requestId ?? null,
    },
  ]);
}

/** The records an event goes to: the one a path names, or the children matching `where`, in id order. */
async function targetsOf(
  trx: Knex,
  effect: Extract<Effect, { kind: 'sendEvent' }>,
  input: CrossRecordInput,
): Promise<{ entity: CompiledEntity; id: string }[]> {
  const { model, entity, record } = input;
  if ('path' in effect.to) {
    const found = await followRelation(trx, model, entity, record, effect.to.path);
    return found ? [found] : [];
  }
  const child = model.entities.get(effect.to.entity)!;
  const where = effect.to.where;
  const condition = where
    ? ` and (${expressionSql(model, withState(child.definition), `${child.id}+state`, where).sql}) is true`
    : '';
  const sql = `select t.id from ${quoteIdent(child.table.name)} as t where t.${quoteIdent(effect.to.via)} = ?${condition} order by t.id`;
  const rows = ((await trx.raw(sql, [record.id as string])) as { rows: { id: string }[] }).rows;
  return rows.map((row) => ({ entity: child, id: row.id }));
}

function reasonOf(error: LodestarError): Text {
  const reason = error.extra?.reason as Text | undefined;
  return reason && typeof reason.en === 'string' && typeof reason.zh === 'string' ? reason : error.text;
}

function requiredRefused(
  target: { entity: CompiledEntity; id: string },
  event: string,
  reason: Text,
  cause: LodestarError,
): TransitionRefused {
  const text = {
    en: `${target.entity.definition.title ?? target.entity.id} ${target.id} refused ${event}, which this transition requires: ${reason.en}`,
    zh: `关联的${titleOf(target.entity.definition)}（${target.id}）拒绝了事件 ${event}，而本次流转要求它必须成功：${reason.zh}`,
  };
  return new TransitionRefused(text, {
    extra: { reason: text, target: { entity: target.entity.id, id: target.id, event } },
    cause,
  });
}

function tooDeep(chain: string[], event: string): EventLoop {
  const path = chain.join(' → ');
  const text = {
    en: `events sent between records went ${MAX_EVENT_DEPTH} deep (${path} → ${event}); stopped: the workflows likely send events in a loop`,
    zh: `记录之间连续发送事件已达 ${MAX_EVENT_DEPTH} 层（${path} → ${event}），已停止：流程之间可能在循环发送事件`,
  };
  return new EventLoop(text, { extra: { reason: text, chain } });
}

function backToSender(chain: string[], target: { entity: CompiledEntity; id: string }, event: string): EventLoop {
  const path = [...chain, `${target.entity.id}:${target.id}`].join(' → ');
  const text = {
    en: `${event} would return to a record whose own transition is still running (${path}); stopped: the workflows send events in a loop`,
    zh: `事件 ${event} 会回到一条正在流转中的记录（${path}），已停止：流程之间在循环发送事件`,
  };
  return new EventLoop(text, { extra: { reason: text, chain } });
}
