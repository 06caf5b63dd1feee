import { resolve } from 'node:path';
import type { Config } from '../../config.js';
import { ModelCache } from '../../model/model-cache.js';
import { withDb } from './open-db.js';
import { writeTypes } from './types.js';

/** Writes TypeScript types for the published model's entities. */
export async function runTypes(config: Config, options: { out: string }): Promise<void> {
  await withDb(config, async (db) => {
    const model = (await ModelCache.open(db.knex)).current();
    if (model.version === 0) throw new Error('no model is published yet: run `lodestar migrate` first');
    const out = resolve(options.out);
    const { entities } = await writeTypes(model, out);
    console.log(`Wrote types for ${entities} entities (model version ${model.version}) to ${out}`);
  });
}
