import type { Knex } from 'knex';

/**
 * Engine migration 016_bulk_idempotency: the first answer to each bulk request sent with an
 * `Idempotency-Key`, per user, so a retried request gets that answer instead of writing again. Rows
 * expire (a day by default) and are purged as keys are used.
 */
export async function createBulkTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('lodestar_bulk_requests', (t) => {
    t.text('user_id').notNullable();
    t.text('key').notNullable();
    t.text('entity').notNullable();
    // sha-256 of the entity and the body: the same key with another request is refused.
    t.text('hash').notNullable();
    t.integer('status');
    t.jsonb('answer');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.primary(['user_id', 'key']);
    t.index(['expires_at']);
  });
}
