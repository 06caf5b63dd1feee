import { keepSearchDocumentsByTrigger } from '../search/search-trigger-upgrade.js';
import { indexSearchByOwner } from '../search/search-index-upgrade.js';
import type { Knex } from 'knex';
import { upgradeOwnerIndexes } from './owner-indexes.js';
import { upgradeIdentityTables } from '../identity/identity-tables.js';
import { createCalendarTables, createWorkingHoursTable } from '../calendar/calendar-tables.js';
import { addSlaDueColumns } from './sla-due-column.js';
import { upgradeApprovalTables } from '../runtime/approval-tables.js';
import { createNotificationSignals, createNotificationTables } from '../notifications/notification-tables.js';
import { createScheduleTables } from '../schedules/schedule-tables.js';
import { createImportTables } from '../import/import-tables.js';
import { createSearchTables } from '../search/search-tables.js';
import { createAddonTables } from '../versions/addons-repo.js';
import { createSharedViews } from '../views/view-tables.js';
import { createBulkTables } from '../records/bulk-tables.js';
import { createWebhookTables } from '../webhooks/webhook-tables.js';
import { createSignalTriggers } from './signal-triggers.js';
import { createDemoTables } from '../demo/demo-repo.js';
import { createRateLimitTable } from '../identity/login-rate-limits.js';
import { createReviewTables } from '../reviews/review-tables.js';
import { partitionByMonth } from './partitions.js';

interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
}

/** The engine's own tables, as ordered knex migrations (entity tables come from definitions instead). */
const MIGRATIONS: Migration[] = [
  {
    name: '001_definitions',
    async up(knex) {
      // Definitions are `json`, not `jsonb`: jsonb reorders object keys, and property order is form order.
      await knex.schema.createTable('lodestar_model_versions', (t) => {
        t.integer('version').primary();
        t.text('hash').notNullable();
        t.json('definitions').notNullable();
        t.jsonb('plan').notNullable();
        t.text('source').notNullable();
        t.text('note');
        t.uuid('published_by');
        t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      });
      await knex.schema.createTable('lodestar_drafts', (t) => {
        t.text('id').primary();
        t.json('definitions').notNullable();
        t.integer('base_version').notNullable();
        t.uuid('updated_by');
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      });
      await knex.schema.createTable('lodestar_seeds', (t) => {
        t.text('source').primary();
        t.text('hash').notNullable();
        t.integer('version').notNullable();
        t.timestamp('seeded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      });
    },
  },
  {
    name: '002_workflow_runtime',
    async up(knex) {
      // Users as far as workflows need them (owners, managers, roles); identity adds credentials later.
      await knex.schema.createTable('lodestar_users', (t) => {
        t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
        t.text('email').notNullable().unique();
        t.text('display_name').notNullable();
        t.specificType('roles', 'text[]').notNullable().defaultTo('{}');
        t.uuid('manager_id').references('id').inTable('lodestar_users').onDelete('SET NULL');
        t.boolean('active').notNullable().defaultTo(true);
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      });
      // Append-only: one row per transition (and per start, SLA breach and approval decision).
      await knex.schema.createTable('lodestar_history', (t) => {
        t.bigIncrements('id');
        t.text('entity').notNullable();
        t.uuid('record_id').notNullable();
        t.text('record_type');
        t.text('workflow').notNullable();
        t.text('from_state');
        t.text('to_state').notNullable();
        t.text('event').notNullable();
        t.uuid('actor_id');
        t.uuid('owner_id');
        t.text('comment');
        t.text('approval_role');
        t.text('decision');
        t.integer('model_version').notNullable();
        t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.index(['entity', 'record_id', 'id']);
        t.index(['workflow', 'to_state', 'at']);
      });
      // Durable timers: `after` delays and SLAs of the state a record is in, fired once by any engine.
      await knex.schema.createTable('lodestar_timers', (t) => {
        t.bigIncrements('id');
        t.text('entity').notNullable();
        t.uuid('record_id').notNullable();
        t.text('workflow').notNullable();
        t.text('state').notNullable();
        t.text('kind').notNullable(); // 'after' | 'sla'
        t.text('event'); // the XState event it sends back; null for an SLA without `after.sla`
        t.timestamp('due_at', { useTz: true }).notNullable();
        t.text('status').notNullable().defaultTo('pending'); // pending | fired | cancelled | failed
        t.integer('attempts').notNullable().defaultTo(0);
        t.text('last_error');
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('done_at', { useTz: true });
      });
      await knex.raw(`create index lodestar_timers_due_idx on lodestar_timers (due_at) where status = 'pending'`);
      await knex.raw(
        `create index lodestar_timers_record_idx on lodestar_timers (entity, record_id) where status = 'pending'`,
      );
      // Transactional outbox: effects outside the database, written with the transition, delivered after it.
      await knex.schema.createTable('lodestar_outbox', (t) => {
        t.bigIncrements('id');
        t.text('kind').notNullable(); // 'email' | 'webhook'
        t.jsonb('payload').notNullable();
        t.text('entity');
        t.uuid('record_id');
        t.bigInteger('history_id');
        t.text('status').notNullable().defaultTo('pending'); // pending | sent | failed
        t.integer('attempts').notNullable().defaultTo(0);
        t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.text('last_error');
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('sent_at', { useTz: true });
      });
      await knex.raw(
        `create index lodestar_outbox_due_idx on lodestar_outbox (next_attempt_at) where status = 'pending'`,
      );
      await knex.schema.createTable('lodestar_round_robin', (t) => {
        t.text('role').primary();
        t.uuid('last_user_id');
      });
    },
  },
  {
    name: '003_identity',
    async up(knex) {
      // Org units form a tree; `path` ('/<root id>/…/<own id>/') makes "my unit and below" one LIKE.
      await knex.schema.createTable('lodestar_org_units', (t) => {
        t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
        t.uuid('parent_id').references('id').inTable('lodestar_org_units').onDelete('RESTRICT');
        t.text('name').notNullable();
        t.text('path').notNullable().unique();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      });
      await knex.schema.alterTable('lodestar_users', (t) => {
        t.text('password_hash');
        t.uuid('org_unit_id').references('id').inTable('lodestar_org_units').onDelete('SET NULL');
        t.integer('failed_logins').notNullable().defaultTo(0);
        t.timestamp('locked_until', { useTz: true });
        t.timestamp('last_login_at', { useTz: true });
      });
      // Only hashes of tokens and keys are stored: a leaked table opens no session.
      await knex.schema.createTable('lodestar_sessions', (t) => {
        t.text('token_hash').primary();
        t.uuid('user_id').notNullable().references('id').inTable('lodestar_users').onDelete('CASCADE');
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('expires_at', { useTz: true }).notNullable();
        t.index(['user_id']);
      });
      await knex.schema.createTable('lodestar_api_keys', (t) => {
        t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
        t.uuid('user_id').notNullable().references('id').inTable('lodestar_users').onDelete('CASCADE');
        t.text('name').notNullable();
        t.text('key_hash').notNullable().unique();
        t.text('prefix').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('revoked_at', { useTz: true });
      });
    },
  },
  {
    name: '004_audit',
    async up(knex) {
      // Who changed what, one row per record per change. `entity` is an entity id or a system object
      // ('lodestar.user', 'lodestar.model', 'lodestar.orgUnit': entity ids never contain dots), so
      // `record_id` is text. No foreign keys: the trail must outlive the users and records it names.
      await knex.schema.createTable('lodestar_audit', (t) => {
        t.bigIncrements('id');
        t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.uuid('actor_id'); // null: the engine itself (timers, seeding)
        t.text('entity').notNullable();
        t.text('record_id').notNullable();
        t.text('action').notNullable(); // create | update | delete | transition | handover | publish | permission
        t.jsonb('changes').notNullable().defaultTo(knex.raw(`'{}'::jsonb`)); // { field: [before, after] }
        t.jsonb('detail');
        t.text('request_id');
        t.index(['entity', 'record_id', 'id']);
      });
      // Append-only is the database's rule, not the code's good manners: any UPDATE, DELETE or TRUNCATE
      // raises, whoever sends it. (Dropping the table still works: that is a schema change, not an edit.)
      await knex.raw(`
        create function lodestar_audit_append_only() returns trigger language plpgsql as $$
        begin
          raise exception 'lodestar_audit is append-only: % is not allowed', tg_op;
        end
        $$`);
      await knex.raw(`create trigger lodestar_audit_no_change before update or delete on lodestar_audit
                        for each row execute function lodestar_audit_append_only()`);
      await knex.raw(`create trigger lodestar_audit_no_truncate before truncate on lodestar_audit
                        for each statement execute function lodestar_audit_append_only()`);
    },
  },
  {
    name: '005_saved_views',
    async up(knex) {
      // A user's named list queries per entity. `entity` is text without a foreign key: entities are
      // definitions, not rows; a view of a removed entity is simply never listed (its entity 404s).
      await knex.schema.createTable('lodestar_saved_views', (t) => {
        t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
        t.uuid('user_id').notNullable().references('id').inTable('lodestar_users').onDelete('CASCADE');
        t.text('entity').notNullable();
        t.text('name').notNullable();
        t.jsonb('query').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.unique(['user_id', 'entity', 'name']);
      });
    },
  },
  {
    name: '006_owner_indexes',
    // Entity tables published by earlier engines get the owner-leading indexes this one compiles.
    up: upgradeOwnerIndexes,
  },
  {
    name: '007_login_throttle',
    // Sign-in throttling per (email, address) instead of a per-account lock; passwords marked for change.
    up: upgradeIdentityTables,
  },
  {
    name: '008_sequences',
    async up(knex) {
      // One counter per numbered field, prefix and period (`x-sequence`): the last number taken. A create
      // takes the next one inside its own statement, so a rolled-back create gives its number back.
      await knex.schema.createTable('lodestar_sequences', (t) => {
        t.text('entity').notNullable();
        t.text('field').notNullable();
        t.text('prefix').notNullable().defaultTo('');
        t.text('period').notNullable().defaultTo('');
        t.bigInteger('value').notNullable();
        t.primary(['entity', 'field', 'prefix', 'period']);
      });
      // A function, so the number is one expression in the record's INSERT: its counter row stays locked
      // only from that statement to the commit, and data-modifying CTEs cannot nest inside the audit's.
      await knex.raw(`
        create function lodestar_next_number(p_entity text, p_field text, p_prefix text, p_period text)
        returns bigint language sql volatile as $$
          insert into lodestar_sequences as s (entity, field, prefix, period, value)
          values (p_entity, p_field, p_prefix, p_period, 1)
          on conflict (entity, field, prefix, period) do update set value = s.value + 1
          returning s.value
        $$`);
    },
  },
  { name: '009_business_calendar', up: createCalendarTables },
  { name: '010_schedules', up: createScheduleTables },
  { name: '011_approval_delegations', up: upgradeApprovalTables },
  { name: '012_notifications', up: createNotificationTables },
  { name: '013_imports', up: createImportTables },
  { name: '014_search', up: createSearchTables },
  { name: '014_template_addons', up: createAddonTables },
  { name: '015_shared_views', up: createSharedViews },
  { name: '016_bulk_idempotency', up: createBulkTables },
  { name: '017_webhook_subscriptions', up: createWebhookTables },
  { name: '018_change_signals', up: createSignalTriggers },
  { name: '019_notification_signals', up: createNotificationSignals },
  { name: '020_demo_records', up: createDemoTables },
  { name: '021_rate_limits', up: createRateLimitTable },
  {
    name: '022_sla_due_and_working_hours',
    async up(knex) {
      // Business-hours SLAs count the calendar's working hours; a record's SLA due time is the server's.
      await createWorkingHoursTable(knex);
      for (const { entity, table } of await addSlaDueColumns(knex))
        await knex.raw(
          `update ?? as r set sla_due_at = t.due_at from lodestar_timers t
            where t.entity = ? and t.record_id = r.id and t.kind = 'sla' and t.status = 'pending' and t.state = r.state`,
          [table, entity],
        );
    },
  },
  { name: '024_publish_reviews', up: createReviewTables },
  { name: '026_search_documents_by_trigger', up: keepSearchDocumentsByTrigger },
  {
    name: '028_partitioned_history',
    async up(knex) {
      // History and audit grow without end: partitioned by month on `at`, the old table attached as the
      // partition of everything before next month (no copy), month partitions created ahead at every start
      // and daily (db/partitions.ts). Audit's append-only triggers and webhook capture move to the parent.
      // The outbox and timers stay plain tables: see docs/operations.md, "Tables that grow".
      await partitionByMonth(knex, 'lodestar_history', 'at');
      await partitionByMonth(knex, 'lodestar_audit', 'at');
    },
  },
  { name: '029_search_index_by_owner', up: indexSearchByOwner },
];

/** The engine's migrations by name, in order: readiness (api/routes/health-checks.ts) compares them with the database. */
export const ENGINE_MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((m) => m.name);

const source: Knex.MigrationSource<Migration> = {
  getMigrations: async () => MIGRATIONS,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => ({ up: migration.up, down: async () => undefined }),
};

/** Creates or upgrades the engine's tables; safe to run at every start. */
export async function migrateEngineTables(knex: Knex, options: { upTo?: string } = {}): Promise<void> {
  // `upTo` (tests): a database as the engine that ended with that migration left it.
  const upTo = options.upTo === undefined ? MIGRATIONS.length : ENGINE_MIGRATION_NAMES.indexOf(options.upTo) + 1;
  const migrationSource =
    upTo === MIGRATIONS.length ? source : { ...source, getMigrations: async () => MIGRATIONS.slice(0, upTo) };
  await knex.migrate.latest({ migrationSource, tableName: 'lodestar_migrations' });
}
