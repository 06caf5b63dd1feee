import type { Knex } from 'knex';
import { compileTables } from '../model/compile-model.js';
import type { TableSpec } from '../schema/table-spec.js';
import { readCurrentVersion } from './definitions-repo.js';

/**
 * The published model's tables as this engine compiles them, each with its entity's id (none before the first
 * publish). Plans compare definitions, not the database, so an engine upgrade that changes what definitions
 * compile to brings these tables up to it itself, in an engine migration: this is where each one starts.
 */
export async function publishedTables(knex: Knex): Promise<{ entity: string; table: TableSpec }[]> {
  const current = await readCurrentVersion(knex);
  if (!current) return [];
  const definitions = typeof current.definitions === 'string' ? JSON.parse(current.definitions) : current.definitions;
  // compileTables answers one table per entity, in the definitions' order.
  const entities = (definitions as { entities: { $id: string }[] }).entities;
  return compileTables(definitions).map((table, i) => ({ entity: entities[i]!.$id, table }));
}
