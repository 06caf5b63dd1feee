import type { Knex } from 'knex';
import { retiredIndexNames } from '../schema/system-columns.js';
import { publishedTables } from './published-tables.js';

/**
 * Brings the tables of the published model up to the owner-leading indexes this engine compiles
 * (`(owner_id, id)` and an owner twin of each declared index), and drops the plain `(owner_id)` index
 * they replace. Plans compare definitions, not the database, so an engine upgrade that changes what
 * definitions compile to must build the difference itself, once: this runs as an engine migration.
 */
export async function upgradeOwnerIndexes(knex: Knex): Promise<void> {
  for (const { table } of await publishedTables(knex)) {
    for (const index of table.indexes.filter((i) => i.columns[0] === 'owner_id')) {
      await knex.raw(`create index if not exists ?? on ?? (${index.columns.map(() => '??').join(', ')})`, [
        index.name,
        table.name,
        ...index.columns,
      ]);
    }
    for (const name of retiredIndexNames(table.name)) await knex.raw('drop index if exists ??', [name]);
  }
}
