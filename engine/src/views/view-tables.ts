import type { Knex } from 'knex';
import { createZhCollation } from '../records/zh-collation.js';

/**
 * Engine migration 015: saved views shared with an org unit (its members and the units below it) or a
 * role, and the pinyin collation lists sort text by (created here because both arrived with "lists that
 * answer", and the engine's migrations take one entry per change).
 */
export async function createSharedViews(knex: Knex): Promise<void> {
  await knex.schema.alterTable('lodestar_saved_views', (t) => {
    t.uuid('shared_unit_id').references('id').inTable('lodestar_org_units').onDelete('SET NULL');
    t.text('shared_role');
    t.index(['entity', 'shared_role']);
    t.index(['entity', 'shared_unit_id']);
  });
  await createZhCollation(knex);
}
