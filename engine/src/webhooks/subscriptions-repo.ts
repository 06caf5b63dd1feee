import type { Knex } from 'knex';
import { AUDIT_OBJECTS, changedFields, type AuditContext } from '../audit/audit-entry.js';
import { insertAudit } from '../audit/audit-repo.js';
import { ConflictError } from '../errors.js';
import type { ChangeEvent } from './event-kinds.js';
import { newWebhookSecret, secretHint } from './secret.js';

/**
 * The one module whose SQL names `lodestar_webhook_subscriptions`. Every change of a subscription runs
 * alone (an advisory lock), is audited (`lodestar.webhook`: a subscription sends data
 * out, so who pointed it where must be on record; the secret never is), and ends with
 * `lodestar_webhooks_sync()`, which arms the capture trigger while an active subscription exists and
 * disarms it otherwise (webhook-tables.ts).
 */
const SUBSCRIPTIONS = 'lodestar_webhook_subscriptions';

export interface WebhookSubscription {
  id: string;
  name: string;
  url: string;
  entities: string[];
  events: ChangeEvent[];
  active: boolean;
  /** `whsec_…` and the last four characters: the secret itself is shown once, at creation. */
  secretHint: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SubscriptionInput {
  name: string;
  url: string;
  entities: string[];
  events: ChangeEvent[];
  active?: boolean;
}

/** Where and how to deliver a subscription's events (the sender's view). */
export interface DeliveryTarget {
  url: string;
  secret: string;
}

/** What the audit trail records of a subscription: everything but the secret. */
const AUDITED = ['name', 'url', 'entities', 'events', 'active'];

/**
 * Runs `change` holding the subscriptions' change lock, audits the row before and after it, then matches the
 * capture trigger to the result. `change` answers the row it wrote (undefined: none, nothing is audited).
 *
 * Changes are serialized by an advisory lock, not a table lock: writers capturing events hold key-share
 * locks on their subscriptions (the outbox's foreign key) until they commit, and a table lock queued behind
 * a long import would stall every later writer too. Every lock wait is bounded (`LOCK_WAIT`); a change that
 * cannot get its locks in time is refused with 409, to be tried again.
 */
async function changing(
  knex: Knex,
  id: string | undefined,
  who: AuditContext,
  change: (trx: Knex.Transaction) => Promise<Record<string, unknown> | undefined>,
  action: 'create' | 'update' | 'delete' = 'update',
  detail?: unknown,
): Promise<Record<string, unknown> | undefined> {
  try {
    return await knex.transaction(async (trx) => {
      await trx.raw(`set local lock_timeout = '${LOCK_WAIT}'`);
      await trx.raw(`select pg_advisory_xact_lock(hashtext('${SUBSCRIPTIONS}'))`);
      const before = id
        ? ((await trx(SUBSCRIPTIONS).where({ id }).first()) as Record<string, unknown> | undefined)
        : undefined;
      if (id && !before) return undefined;
      const row = await change(trx);
      if (!row) return undefined;
      const after = action === 'delete' ? undefined : row;
      await insertAudit(trx, [
        {
          actorId: who.actorId,
          entity: AUDIT_OBJECTS.webhook,
          recordId: row.id as string,
          action,
          changes: changedFields(before, after, AUDITED),
          ...(detail !== undefined && { detail }),
          requestId: who.requestId ?? null,
        },
      ]);
      await armToMatch(trx);
      return row;
    });
  } catch (error) {
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) throw busy();
    throw error;
  }
}

const LOCK_NOT_AVAILABLE = '55P03';
const busy = () =>
  new ConflictError({
    en: 'records are being written in bulk right now (an import?), so the subscription cannot be saved yet; try again in a moment',
    zh: '当前正在大批量写入记录（例如导入），订阅暂时无法保存，请稍后重试',
  });

/** How long arming or disarming may wait for writes in flight; a long import would otherwise stall every writer queued behind the DDL lock. */
const LOCK_WAIT = '3s';

/**
 * Creates or drops the capture trigger to match the subscriptions. Both take a lock on the audit table that
 * waits for every write in flight, and writers queue behind it, so the wait is bounded: a drop that cannot
 * get its lock leaves the trigger (it captures nothing without an active subscription and goes at the next
 * change); a create that cannot is refused, since changes would be missed.
 */
async function armToMatch(trx: Knex.Transaction): Promise<void> {
  try {
    await trx.transaction(async (savepoint) => {
      await savepoint.raw('select lodestar_webhooks_sync()');
    });
  } catch (error) {
    if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
    if (await trx(SUBSCRIPTIONS).where({ active: true }).first('id')) throw busy();
  }
}

/** Creates a subscription with a new secret; the answer is the only time the secret is shown. */
export async function createSubscription(
  knex: Knex,
  input: SubscriptionInput,
  who: AuditContext,
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  const secret = newWebhookSecret();
  const row = await changing(
    knex,
    undefined,
    who,
    async (trx) => {
      const [inserted] = (await trx(SUBSCRIPTIONS)
        .insert({ ...toColumns(input), secret, created_by: who.actorId })
        .returning('*')) as Record<string, unknown>[];
      return inserted;
    },
    'create',
  );
  return { subscription: toSubscription(row!), secret };
}

export async function listSubscriptions(knex: Knex): Promise<WebhookSubscription[]> {
  return ((await knex(SUBSCRIPTIONS).orderBy('created_at').orderBy('id')) as Record<string, unknown>[]).map(
    toSubscription,
  );
}

export async function readSubscription(knex: Knex, id: string): Promise<WebhookSubscription | undefined> {
  const row = (await knex(SUBSCRIPTIONS).where({ id }).first()) as Record<string, unknown> | undefined;
  return row && toSubscription(row);
}

/** Changes the given members; undefined when there is no such subscription. */
export async function updateSubscription(
  knex: Knex,
  id: string,
  patch: Partial<SubscriptionInput>,
  who: AuditContext,
): Promise<WebhookSubscription | undefined> {
  const row = await changing(knex, id, who, async (trx) => {
    const [updated] = (await trx(SUBSCRIPTIONS)
      .where({ id })
      .update({ ...toColumns(patch), updated_at: trx.fn.now() })
      .returning('*')) as Record<string, unknown>[];
    return updated;
  });
  return row && toSubscription(row);
}

/** Replaces the secret; the new one is answered once. Undefined when there is no such subscription. */
export async function rotateSecret(knex: Knex, id: string, who: AuditContext): Promise<string | undefined> {
  const secret = newWebhookSecret();
  const row = await changing(
    knex,
    id,
    who,
    async (trx) =>
      (
        (await trx(SUBSCRIPTIONS).where({ id }).update({ secret, updated_at: trx.fn.now() }).returning('*')) as Record<
          string,
          unknown
        >[]
      )[0],
    'update',
    { secret: 'replaced' },
  );
  return row && secret;
}

/** Deletes a subscription with its queued deliveries and their log (foreign keys cascade). */
export async function deleteSubscription(knex: Knex, id: string, who: AuditContext): Promise<boolean> {
  const row = await changing(
    knex,
    id,
    who,
    async (trx) => ((await trx(SUBSCRIPTIONS).where({ id }).delete().returning('*')) as Record<string, unknown>[])[0],
    'delete',
  );
  return Boolean(row);
}

/** The URL and secret a delivery goes out with now: an edited URL or a rotated secret applies to queued events too. */
export async function deliveryTarget(knex: Knex, id: string): Promise<DeliveryTarget | undefined> {
  const row = (await knex(SUBSCRIPTIONS).where({ id }).first('url', 'secret')) as DeliveryTarget | undefined;
  return row;
}

function toColumns(input: Partial<SubscriptionInput>): Record<string, unknown> {
  return {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.url !== undefined && { url: input.url }),
    ...(input.entities !== undefined && { entities: [...new Set(input.entities)] }),
    ...(input.events !== undefined && { events: [...new Set(input.events)] }),
    ...(input.active !== undefined && { active: input.active }),
  };
}

function toSubscription(row: Record<string, unknown>): WebhookSubscription {
  return {
    id: row.id as string,
    name: row.name as string,
    url: row.url as string,
    entities: row.entities as string[],
    events: row.events as ChangeEvent[],
    active: row.active as boolean,
    secretHint: secretHint(row.secret as string),
    createdBy: (row.created_by as string | null) ?? null,
    createdAt: new Date(row.created_at as Date).toISOString(),
    updatedAt: new Date(row.updated_at as Date).toISOString(),
  };
}
