import type { Knex } from 'knex';

/**
 * Engine migration 024_publish_reviews. `lodestar_review_settings` holds the installation's choice (one row,
 * absent = review not required); `lodestar_reviews` one row per submission: the draft's definitions and plan
 * frozen as submitted, who submitted and reviewed, both notes, and the version an approval published.
 */
export async function createReviewTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('lodestar_review_settings', (t) => {
    t.text('key').primary();
    t.boolean('require_review').notNullable().defaultTo(false);
    t.uuid('updated_by');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('lodestar_reviews', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('draft_id').notNullable();
    t.text('status').notNullable(); // pending | approved | returned | superseded
    t.integer('base_version').notNullable();
    // `json`, not `jsonb`, like the versions: property order is form order.
    t.json('definitions').notNullable();
    t.text('hash').notNullable();
    t.json('plan').notNullable();
    t.jsonb('state_mapping').notNullable().defaultTo(knex.raw(`'{}'::jsonb`));
    t.jsonb('reasons').notNullable();
    t.text('note');
    t.uuid('submitted_by');
    t.timestamp('submitted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.uuid('reviewed_by');
    t.timestamp('reviewed_at', { useTz: true });
    t.text('review_note');
    t.integer('version');
    t.index(['status', 'submitted_at']);
    t.index(['draft_id', 'submitted_at']);
  });
}
