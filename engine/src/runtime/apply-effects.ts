import type { Knex } from 'knex';
import { ValidationError } from '../errors.js';
import type { CompiledEntity, Model } from '../model/compile-model.js';
import { toRowValues } from '../records/payload.js';
import type { Row } from '../records/records-repo.js';
import type { RecordJson } from '../records/types.js';
import { createRecord, type StartRecord } from '../records/write-record.js';
import type { Effect } from '../workflow/actions/index.js';
import type { Actor } from '../workflow/reference.js';
import { nextInRotation, recipientsOf } from './users-repo.js';

/** An external effect to write to the outbox once the history row (its cause) has an id. */
export interface OutboxRow {
  kind: 'email' | 'webhook';
  payload: Record<string, unknown>;
}

/** What a transition changes on its own record, and what it leaves for the outbox. */
export interface EffectsOutcome {
  columns: Row;
  outbox: OutboxRow[];
}

/** The transition the effects belong to, as webhooks and mails describe it. */
export interface TransitionFacts {
  workflow: string;
  from: string | null;
  to: string;
  event: string;
  at: Date;
}

interface EffectsInput {
  model: Model;
  entity: CompiledEntity;
  record: RecordJson;
  actor: Actor;
  transition: TransitionFacts;
  /** How records created by actions enter their own workflows. */
  startFor: (entity: CompiledEntity) => StartRecord;
}

/**
 * Runs a decision's effects on the transition's transaction: field and owner changes come back as
 * columns for the one record update; related records are created (validated like any create);
 * mails and webhooks become outbox rows, so nothing leaves the database unless the transition commits.
 */
export async function applyEffects(trx: Knex, effects: Effect[], input: EffectsInput): Promise<EffectsOutcome> {
  const outcome: EffectsOutcome = { columns: {}, outbox: [] };
  for (const effect of effects) {
    switch (effect.kind) {
      case 'setField':
        Object.assign(outcome.columns, fieldColumns(input.entity, effect.field, effect.value));
        break;
      case 'assignOwner': {
        const owner = 'userId' in effect ? effect.userId : await nextInRotation(trx, effect.roundRobinRole);
        if (owner) outcome.columns.owner_id = owner;
        break;
      }
      case 'createRecord': {
        const target = input.model.entities.get(effect.entity)!;
        await createRecord({ knex: trx, model: input.model, entity: target, userId: input.actor.id }, effect.values, input.startFor(target));
        break;
      }
      case 'notify': {
        const to = await recipientsOf(trx, effect.to, { ownerId: outcome.columns.owner_id ?? input.record.owner_id, actorId: input.actor.id });
        if (to.length) outbox(outcome, 'email', { to, subject: effect.subject, text: mailText(effect.body, input) });
        break;
      }
      case 'callWebhook':
        outbox(outcome, 'webhook', { url: effect.url, body: webhookBody(effect.event, input) });
        break;
    }
  }
  return outcome;
}

// A value computed at run time (`valueFrom`) is checked like a patch of that one field.
function fieldColumns(entity: CompiledEntity, field: string, value: unknown): Row {
  const validate = entity.patchValidator;
  if (value !== null && validate && !validate({ [field]: value })) {
    const message = validate.errors?.[0]?.message ?? 'is invalid';
    throw new ValidationError(`the workflow action setField cannot write ${field}: ${message}`, {
      issues: [{ pointer: `/${field}`, keyword: validate.errors?.[0]?.keyword ?? 'type', message }],
    });
  }
  return toRowValues(entity, { [field]: value }).columns;
}

function outbox(outcome: EffectsOutcome, kind: OutboxRow['kind'], payload: Record<string, unknown>): void {
  outcome.outbox.push({ kind, payload });
}

function mailText(body: string, input: EffectsInput): string {
  const { entity, record, transition } = input;
  const title = record[entity.definition['x-entity'].titleField];
  const facts = `${entity.id} "${String(title ?? record.id)}": ${transition.from ?? '—'} → ${transition.to} (${transition.event})`;
  return body ? `${body}\n\n${facts}` : facts;
}

function webhookBody(event: string, input: EffectsInput): Record<string, unknown> {
  const { entity, record, transition, actor } = input;
  return {
    event,
    entity: entity.id,
    recordId: record.id,
    workflow: transition.workflow,
    from: transition.from,
    to: transition.to,
    at: transition.at.toISOString(),
    actor: actor.id,
    record,
  };
}
