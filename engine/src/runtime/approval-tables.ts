import type { Knex } from 'knex';

/**
 * Engine migration '011_approval_delegations': history rows name the approval step they decided and the user
 * a delegate decided for, and users may hand their approvals to someone else for a period.
 */
export async function upgradeApprovalTables(knex: Knex): Promise<void> {
  await knex.schema.alterTable('lodestar_history', (t) => {
    t.text('approval_step');
    t.uuid('on_behalf_of');
  });
  // One delegation per user at a time (setting a new one replaces it); the delegate's own delegation does
  // not pass theirs on, so delegation never chains.
  await knex.schema.createTable('lodestar_approval_delegations', (t) => {
    t.uuid('user_id').primary().references('id').inTable('lodestar_users').onDelete('CASCADE');
    t.uuid('delegate_id').notNullable().references('id').inTable('lodestar_users').onDelete('CASCADE');
    t.timestamp('starts_at', { useTz: true }).notNullable();
    t.timestamp('ends_at', { useTz: true }).notNullable();
    t.uuid('set_by');
    t.timestamp('set_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['delegate_id', 'ends_at']);
  });
  await knex.raw(
    `alter table lodestar_approval_delegations add constraint lodestar_approval_delegations_period check (ends_at > starts_at),
       add constraint lodestar_approval_delegations_other check (delegate_id <> user_id)`,
  );
}
