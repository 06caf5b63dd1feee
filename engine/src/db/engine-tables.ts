import type { Knex } from 'knex';

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
];

const source: Knex.MigrationSource<Migration> = {
  getMigrations: async () => MIGRATIONS,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => ({ up: migration.up, down: async () => undefined }),
};

/** Creates or upgrades the engine's tables; safe to run at every start. */
export async function migrateEngineTables(knex: Knex): Promise<void> {
  await knex.migrate.latest({ migrationSource: source, tableName: 'lodestar_migrations' });
}
