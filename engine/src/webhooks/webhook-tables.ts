import type { Knex } from 'knex';

/**
 * Engine migration 017_webhook_subscriptions: change webhooks for ERP sync.
 *
 * - `lodestar_webhook_subscriptions`: an endpoint, the entities and event kinds it wants, its signing
 *   secret and whether it is active. The secret is stored as given: signing needs the secret itself (a
 *   hash cannot sign), so it is as safe as the database; the API shows it once, at creation.
 * - `lodestar_outbox` gains `subscription_id` (its deliveries and log go with a deleted subscription) and
 *   `ordering_key`: a row is not claimed while an earlier row with the same key is still pending, so a
 *   record's events reach a subscriber in the order they happened.
 * - `lodestar_webhook_attempts`: one row per delivery attempt (response code, error, duration).
 *
 * Changes are captured from `lodestar_audit`, which every record write already fills in its own
 * statement (create, patch, delete, transition, handover, import, cross-record actions): a statement-level
 * trigger turns the audit rows of subscribed entities into outbox rows in the same transaction. The
 * trigger exists only while an active subscription does (`lodestar_webhooks_sync()`, called after every
 * subscription change), so writes pay nothing at all when nobody subscribes.
 */
export async function createWebhookTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('lodestar_webhook_subscriptions', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('name').notNullable();
    t.text('url').notNullable();
    t.specificType('entities', 'text[]').notNullable();
    t.specificType('events', 'text[]').notNullable(); // created | updated | deleted | stateChanged
    t.text('secret').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.uuid('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.alterTable('lodestar_outbox', (t) => {
    t.uuid('subscription_id').references('id').inTable('lodestar_webhook_subscriptions').onDelete('CASCADE');
    t.text('ordering_key');
    t.index(['subscription_id', 'id']);
  });
  // The claim's "is an earlier row of this key still pending?" probe.
  await knex.raw(
    `create index lodestar_outbox_ordering_idx on lodestar_outbox (ordering_key, id) where status = 'pending' and ordering_key is not null`,
  );
  await knex.schema.createTable('lodestar_webhook_attempts', (t) => {
    t.bigIncrements('id');
    t.bigInteger('outbox_id').notNullable().references('id').inTable('lodestar_outbox').onDelete('CASCADE');
    t.integer('attempt').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('status_code'); // null: no answer (refused, timed out)
    t.text('error');
    t.integer('duration_ms').notNullable();
    t.index(['outbox_id', 'id']);
  });

  // One outbox row per (audit row, matching active subscription), in audit order. A transition is a
  // stateChanged event, or an updated one for a subscriber that wants field changes only; an update
  // that changed nothing is no event. The event id is the audit row's id: the same change has the same
  // id at every retry, so receivers dedupe on it.
  await knex.raw(`
    create function lodestar_webhooks_capture() returns trigger language plpgsql as $$
    begin
      insert into lodestar_outbox (kind, payload, entity, record_id, subscription_id, ordering_key)
      select 'change',
        jsonb_build_object('subscription', s.id, 'body',
          jsonb_build_object(
            'id', a.id::text,
            'type', a.entity || '.' || k.kind,
            'event', k.kind,
            'entity', a.entity,
            'recordId', a.record_id,
            'occurredAt', a.at,
            'actorId', a.actor_id,
            'changedFields', (select coalesce(jsonb_agg(f order by f), '[]'::jsonb) from jsonb_object_keys(a.changes) as f),
            'changes', a.changes)
          || case when a.action = 'transition' and k.kind = 'stateChanged'
               then jsonb_build_object('transition', a.detail) else '{}'::jsonb end),
        a.entity, a.record_id::uuid, s.id, s.id::text || '/' || a.entity || '/' || a.record_id
      from added as a
      join lodestar_webhook_subscriptions as s on s.active and a.entity = any(s.entities)
      cross join lateral (select case a.action
          when 'create' then 'created'
          when 'delete' then 'deleted'
          when 'update' then 'updated'
          when 'handover' then 'updated'
          when 'transition' then case when 'stateChanged' = any(s.events) then 'stateChanged' else 'updated' end
        end as kind) as k
      where k.kind = any(s.events)
        and not (k.kind = 'updated' and a.changes = '{}'::jsonb)
      order by a.id, s.id;
      return null;
    end
    $$`);

  // Arms or disarms the capture trigger to match the subscriptions. Callers serialize subscription
  // changes (subscriptions-repo holds an advisory lock), so the two reads below cannot race another
  // sync; the audit table is locked only when the trigger actually changes.
  await knex.raw(`
    create function lodestar_webhooks_sync() returns void language plpgsql as $$
    declare
      wanted boolean;
      armed boolean;
    begin
      wanted := exists (select 1 from lodestar_webhook_subscriptions where active);
      armed := exists (select 1 from pg_trigger where tgname = 'lodestar_audit_webhooks' and tgrelid = 'lodestar_audit'::regclass);
      if wanted and not armed then
        create trigger lodestar_audit_webhooks after insert on lodestar_audit
          referencing new table as added for each statement execute function lodestar_webhooks_capture();
      elsif armed and not wanted then
        drop trigger lodestar_audit_webhooks on lodestar_audit;
      end if;
    end
    $$`);
}
