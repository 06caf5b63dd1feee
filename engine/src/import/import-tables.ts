import type { Knex } from 'knex';

/**
 * Engine migration 013_imports. `lodestar_imports` is the job: options, status, counts and the file's
 * headers. `lodestar_import_records` lists what an import created or changed (with the version it left and,
 * for a change, the values before), written in the import's own transaction, so undo knows exactly what to
 * take back and can see whether anyone changed it since. `lodestar_import_errors` keeps each bad row's
 * original cells and issues, so the error file is the user's rows plus an error column.
 */
export async function createImportTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('lodestar_imports', (t) => {
    t.uuid('id').primary();
    t.text('entity').notNullable();
    t.text('file_name');
    t.jsonb('options').notNullable();
    t.text('status').notNullable(); // queued | running | succeeded | failed | undone
    t.uuid('created_by');
    t.integer('model_version');
    t.jsonb('headers').notNullable().defaultTo(knex.raw(`'[]'::jsonb`));
    t.integer('total').notNullable().defaultTo(0);
    t.integer('created').notNullable().defaultTo(0);
    t.integer('updated').notNullable().defaultTo(0);
    t.integer('failed').notNullable().defaultTo(0);
    t.jsonb('error'); // { en, zh }: why the import as a whole failed
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('started_at', { useTz: true });
    t.timestamp('finished_at', { useTz: true });
    t.timestamp('undone_at', { useTz: true });
  });
  await knex.schema.createTable('lodestar_import_records', (t) => {
    t.uuid('import_id').notNullable();
    t.text('entity').notNullable();
    t.uuid('record_id').notNullable();
    t.text('action').notNullable(); // create | update
    t.integer('version').notNullable(); // the version the import left
    t.jsonb('before'); // an update's changed columns as they were
    t.index(['import_id']);
  });
  await knex.schema.createTable('lodestar_import_errors', (t) => {
    t.uuid('import_id').notNullable();
    t.integer('row_number').notNullable();
    t.jsonb('cells').notNullable();
    t.jsonb('issues').notNullable();
    t.primary(['import_id', 'row_number']);
  });
}
