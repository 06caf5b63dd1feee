import type { Knex } from 'knex';
import { publishedTables } from './published-tables.js';

/**
 * Brings the published model's workflow tables up to the `sla_due_at` column this engine compiles for them
 * (system-columns.ts). Plans compare definitions, not the database, so a column the engine adds to every
 * bound table must be added once by the engine itself: this runs in engine migration 022. Answers the
 * tables that have it, for the migration to fill from their pending SLA timers.
 */
export async function addSlaDueColumns(knex: Knex): Promise<{ entity: string; table: string }[]> {
  const tables = (await publishedTables(knex))
    .filter(({ table }) => table.columns.some((column) => column.name === 'sla_due_at'))
    .map(({ entity, table }) => ({ entity, table: table.name }));
  for (const { table } of tables)
    await knex.raw('alter table ?? add column if not exists sla_due_at timestamptz', [table]);
  return tables;
}
