import type { Knex } from 'knex';
import { type Issue, TransitionRefused, ValidationError } from '../errors.js';
import { accessFor } from '../permissions/model-access.js';
import { requireReadableLinks } from '../records/link-scope.js';
import { isRecordId } from '../records/read-records.js';
import { validateRecord } from '../records/validate-record.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { toRowValues } from '../records/payload.js';
import type { Row } from '../records/records-repo.js';
import type { RecordJson } from '../records/types.js';
import type { Effect } from '../workflow/actions/index.js';
import { isActiveUser, nextInRotation } from '../identity/users-repo.js';
import { recipientsOf } from './recipients.js';
import { runConvert } from './effects/convert.js';
import { runCreateRecord } from './effects/create-record.js';
import { runCreateRecords } from './effects/create-records.js';
import type { NewOutboxRow } from '../outbox/types.js';
import { toStoredValue, type EffectsInput } from './effects/effects-input.js';

export type { EffectsInput, TransitionFacts } from './effects/effects-input.js';
import { applySendEvent } from './effects/send-event.js';
import { applyUpdateRecord } from './effects/update-record.js';
import type { NewNotification } from '../notifications/notifications-repo.js';
import { renderNotification } from '../notifications/render-notification.js';

/** What a transition changes on its own record, and what it leaves for the outbox. */
export interface EffectsOutcome {
  columns: Row;
  outbox: NewOutboxRow[];
  /** In-app notifications, written in the transition's own statement. */
  notifications: NewNotification[];
}

/**
 * Runs a decision's effects on the transition's transaction: field and owner changes come back as
 * columns for the one record update; related records are created (validated like any create);
 * mails and webhooks become outbox rows, so nothing leaves the database unless the transition commits.
 */
export async function applyEffects(trx: Knex, effects: Effect[], input: EffectsInput): Promise<EffectsOutcome> {
  const outcome: EffectsOutcome = { columns: {}, outbox: [], notifications: [] };
  const set: Record<string, unknown> = {};
  // Ids of records the actions just created, kept on this record: the engine made them, so no sight check.
  const created: Record<string, unknown> = {};
  // Actions write with the engine's rights, but link only what the event's sender may see.
  const sight = isRecordId(input.actor.id) ? accessFor(input.model, input.actor) : undefined;
  for (const effect of effects) {
    switch (effect.kind) {
      case 'setField':
        set[effect.field] = toStoredValue(input.entity, effect.field, effect.value);
        break;
      case 'assignOwner': {
        if ('nobody' in effect) {
          outcome.columns.owner_id = null;
          break;
        }
        const owner =
          'userId' in effect ? await activeUser(trx, effect.userId) : await nextInRotation(trx, effect.roundRobinRole);
        if (owner) outcome.columns.owner_id = owner;
        break;
      }
      case 'createRecord':
        Object.assign(created, await runCreateRecord(trx, effect, input, sight));
        break;
      case 'convert':
        Object.assign(created, await runConvert(trx, effect, input, sight));
        break;
      case 'createRecords':
        await runCreateRecords(trx, effect, input, sight);
        break;
      case 'notify':
        await notify(trx, effect, input, outcome, { ...input.record, ...set, ...outcome.columns });
        break;
      case 'callWebhook':
        outbox(outcome, 'webhook', { url: effect.url, body: webhookBody(effect.event, input) });
        break;
      case 'updateRecord':
        await applyUpdateRecord(trx, effect, input);
        break;
      case 'sendEvent':
        await applySendEvent(trx, effect, { ...input, now: input.transition.at });
        break;
    }
  }
  if (Object.keys(set).length || Object.keys(created).length) {
    requireValidResult(input.entity, input.record, { ...set, ...created });
    if (sight) await requireReadableLinks(trx, sight, input.entity, set, input.record);
    Object.assign(outcome.columns, toRowValues(input.entity, { ...set, ...created }).columns);
  }
  return outcome;
}

/**
 * Fields set by actions are judged as a write would judge them: the record they leave, against the
 * effective schema of its type (top-level if/then, record type rules, x-rules, column ranges). Only
 * problems the actions cause count; what the stored record already broke (a rule tightened since)
 * does not block its workflow.
 */
function requireValidResult(entity: CompiledEntity, record: RecordJson, set: Record<string, unknown>): void {
  const validator = entity.validators.get(entity.recordTypes.length ? String(record.record_type ?? '\0') : '');
  if (!validator) return;
  const stored = Object.fromEntries([...entity.fields.keys()].map((name) => [name, record[name]]));
  const key = (i: Issue) => `${i.pointer} ${i.keyword}`;
  const before = new Set(validateRecord(validator, stored).map(key));
  const issues = validateRecord(validator, { ...stored, ...set }).filter((i) => !before.has(key(i)));
  if (!issues.length) return;
  const fields = Object.keys(set).join(', ');
  throw new ValidationError(
    {
      en: `the workflow cannot set ${fields}: ${issues.map((i) => `${i.pointer}: ${i.message}`).join('; ')}`,
      zh: `流程无法设置字段 ${fields}：结果不符合该记录的校验规则`,
    },
    { issues },
  );
}

/** The named owner, when an active user; otherwise the transition is refused rather than leaving the record owned by no one. */
async function activeUser(trx: Knex, userId: string): Promise<string> {
  const found = isRecordId(userId) && (await isActiveUser(trx, userId));
  if (found) return userId;
  const reason = {
    en: 'the workflow assigns the record to a user who does not exist or is deactivated',
    zh: '流程指定的负责人不存在或已停用，无法分配',
  };
  throw new TransitionRefused(reason, { extra: { reason } });
}

function outbox(outcome: EffectsOutcome, kind: NewOutboxRow['kind'], payload: Record<string, unknown>): void {
  outcome.outbox.push({ kind, payload });
}

/**
 * A notify reaches each active person once: an inbox row for every user, and one mail to them and to the
 * addresses the definition names (unless `mail: false`). Written as the record stands after the actions
 * before it, in its new state.
 */
async function notify(
  trx: Knex,
  effect: Extract<Effect, { kind: 'notify' }>,
  input: EffectsInput,
  outcome: EffectsOutcome,
  values: RecordJson,
): Promise<void> {
  const record: RecordJson = { ...values, state: input.transition.to };
  const reached = await recipientsOf(trx, effect.to, {
    ownerId: record.owner_id,
    actorId: input.actor.id,
    valueOf: (field) => record[field],
  });
  if (!reached.users.length && (effect.mail === false || !reached.addresses.length)) return;
  const { model, entity, transition } = input;
  const text = await renderNotification(trx, {
    model,
    entity,
    record,
    from: transition.from,
    title: effect.subject,
    body: effect.body,
  });
  for (const user of reached.users) outcome.notifications.push({ userId: user.id, ...text });
  if (effect.mail === false) return;
  // One mail per language, each person in the one they read; an address that is nobody's account in Chinese.
  for (const lang of ['zh', 'en'] as const) {
    const to = reached.users.filter((user) => user.lang === lang).map((user) => user.email);
    if (lang === 'zh') to.push(...reached.addresses);
    if (to.length) outbox(outcome, 'email', { to, subject: text.title[lang], text: mailText(text.body[lang], input) });
  }
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
