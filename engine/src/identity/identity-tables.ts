import type { Knex } from 'knex';

/**
 * Migration 007: login throttling replaces the per-account hard lock, and a password can be marked for
 * change at next sign-in (an administrator's reset, a new user's first password).
 */
export async function upgradeIdentityTables(knex: Knex): Promise<void> {
  // Failed sign-ins per (email, client address), per email and per address: `email_key` is a sha256 of the
  // normalized email (also for emails that have no account, so counting looks the same for both); '' stands
  // for "any". No foreign key: unknown emails are counted too.
  await knex.schema.createTable('lodestar_login_failures', (t) => {
    t.text('email_key').notNullable();
    t.text('address').notNullable();
    t.integer('failures').notNullable();
    t.timestamp('last_failure_at', { useTz: true }).notNullable();
    t.timestamp('blocked_until', { useTz: true });
    t.primary(['email_key', 'address']);
  });
  // Client addresses an account signed in from successfully: they are not throttled by failures elsewhere.
  await knex.schema.createTable('lodestar_login_known_clients', (t) => {
    t.text('email_key').notNullable();
    t.text('address').notNullable();
    t.timestamp('last_login_at', { useTz: true }).notNullable();
    t.primary(['email_key', 'address']);
  });
  await knex.schema.alterTable('lodestar_users', (t) => {
    t.boolean('must_change_password').notNullable().defaultTo(false);
  });
  // Deactivating a user revokes their keys by user: find them without a scan.
  await knex.schema.alterTable('lodestar_api_keys', (t) => {
    t.index(['user_id']);
  });
}
