import type { Knex } from 'knex';

/**
 * Engine migration 010_schedules. `lodestar_schedules` remembers when each schedule was first seen, so a
 * new schedule does not run for due times before it existed. `lodestar_schedule_runs` is the run log and
 * the claim: a cron run's (schedule, due time) is unique, so of any number of engines exactly one inserts
 * it; a manual run ("run now") is queued with no due time to claim. A run's cursor (the last id done) and
 * heartbeat let another engine resume a run whose engine died.
 */
export async function createScheduleTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('lodestar_schedules', (t) => {
    t.text('schedule_key').primary(); // <workflow>/<schedule id>
    t.timestamp('since', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('lodestar_schedule_runs', (t) => {
    t.bigIncrements('id');
    t.text('schedule_key').notNullable();
    t.text('trigger').notNullable(); // cron | manual
    t.timestamp('due_at', { useTz: true }).notNullable();
    t.text('status').notNullable(); // queued | running | succeeded | failed
    t.uuid('requested_by');
    t.uuid('claim'); // a fresh token per engine that takes the run: a stale engine's writes match nothing
    t.integer('attempts').notNullable().defaultTo(0);
    t.integer('model_version');
    t.integer('total');
    t.integer('processed').notNullable().defaultTo(0);
    t.integer('changed').notNullable().defaultTo(0);
    t.integer('failed').notNullable().defaultTo(0);
    t.integer('refusals').notNullable().defaultTo(0);
    t.uuid('cursor');
    t.jsonb('samples').notNullable().defaultTo(knex.raw(`'[]'::jsonb`)); // a few failures and refusals, worded
    t.jsonb('error'); // { en, zh }
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('started_at', { useTz: true });
    t.timestamp('heartbeat_at', { useTz: true });
    t.timestamp('finished_at', { useTz: true });
    t.index(['schedule_key', 'id']);
  });
  await knex.raw(
    `create unique index lodestar_schedule_runs_due_key on lodestar_schedule_runs (schedule_key, due_at) where trigger = 'cron'`,
  );
  await knex.raw(
    `create index lodestar_schedule_runs_open_idx on lodestar_schedule_runs (id) where status in ('queued', 'running')`,
  );
}
