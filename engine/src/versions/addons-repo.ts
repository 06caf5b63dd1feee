import type { Knex } from 'knex';
import type { AddonParts } from './addon-parts.js';

/**
 * Engine migration 014_template_addons. `lodestar_addons` holds one row per installed add-on: its release,
 * what it installs on, and its contribution (the add-on's definitions as installed), so an upgrade can take
 * exactly that out of the model before the new release goes in. Whole-model installs stay in lodestar_seeds.
 */
export async function createAddonTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('lodestar_addons', (t) => {
    t.text('name').primary();
    t.text('version').notNullable();
    t.jsonb('extends').notNullable();
    t.json('title');
    t.json('contribution').notNullable();
    t.integer('model_version').notNullable();
    t.uuid('installed_by');
    t.timestamp('installed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export interface AddonRow {
  name: string;
  version: string;
  extends: string[];
  title: unknown;
  contribution: AddonParts;
  model_version: number;
  installed_by: string | null;
  installed_at: Date;
}

/** Every add-on row, oldest install first. */
export async function readAddonRows(knex: Knex): Promise<AddonRow[]> {
  const rows = await knex<AddonRow>('lodestar_addons').orderBy([{ column: 'model_version' }, { column: 'name' }]);
  // `json` columns come back as text on some drivers (PGlite); jsonb as objects.
  return rows.map((row) => ({
    ...row,
    title: typeof row.title === 'string' ? (JSON.parse(row.title) as unknown) : row.title,
    contribution:
      typeof row.contribution === 'string' ? (JSON.parse(row.contribution) as AddonParts) : row.contribution,
  }));
}

/** Records an add-on's install or upgrade, in the publish's transaction. */
export async function writeAddonRow(trx: Knex.Transaction, row: Omit<AddonRow, 'installed_at'>): Promise<void> {
  await trx('lodestar_addons')
    .insert({
      ...row,
      extends: JSON.stringify(row.extends),
      title: row.title === undefined ? null : JSON.stringify(row.title),
      contribution: JSON.stringify(row.contribution),
      installed_at: trx.fn.now(),
    })
    .onConflict('name')
    .merge();
}
