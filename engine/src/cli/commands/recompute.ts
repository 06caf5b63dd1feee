import cliProgress from 'cli-progress';
import type { Config } from '../../config.js';
import { recomputeRollups, type RecomputeResult } from '../../migrate/recompute-rollups.js';
import { ModelCache } from '../../model/model-cache.js';
import { withDb } from './open-db.js';

/**
 * `lodestar recompute [entity]`: rebuilds every roll-up (or one entity's) from its child records with a
 * progress bar, and reports drift: parent rows whose stored value differed from the fresh one. Triggers
 * keep roll-ups right on every write, so drift means something wrote around them (a restore, a manual
 * UPDATE with triggers disabled); finding drift is a report, not a failure (exit code 0).
 */
export async function runRecompute(config: Config, entity: string | undefined): Promise<void> {
  await withDb(config, async (db) => {
    const model = (await ModelCache.open(db.knex)).current();
    if (model.version === 0) throw new Error('no model is published yet: run `lodestar migrate` first');
    if (entity !== undefined && !model.entities.has(entity)) throw new Error(`unknown entity "${entity}"`);
    const tables = [...model.entities.values()].map((e) => e.table);
    const bar = new cliProgress.SingleBar(
      { format: '{rollup} [{bar}] {value}/{total} rows', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let current = '';
    const results = await recomputeRollups(db.knex, tables, {
      ...(entity !== undefined && { table: entity }),
      onProgress: ({ table, field, done, total }) => {
        const name = `${table}.${field}`;
        if (name !== current) {
          if (current) bar.stop();
          current = name;
          bar.start(total, done, { rollup: name });
        } else bar.update(done);
      },
    });
    if (current) bar.stop();
    printResults(results);
  });
}

function printResults(results: RecomputeResult[]): void {
  if (!results.length) {
    console.log('No roll-ups to recompute.');
    return;
  }
  const width = Math.max(...results.map((r) => `${r.table}.${r.field}`.length));
  for (const r of results)
    console.log(`  ${`${r.table}.${r.field}`.padEnd(width)}  ${String(r.rows).padStart(8)} rows  ${r.drift} drifted`);
  const drift = results.reduce((sum, r) => sum + r.drift, 0);
  const rows = results.reduce((sum, r) => sum + r.rows, 0);
  console.log(
    drift
      ? `Recomputed ${rows} values; ${drift} had drifted and are corrected.`
      : `Recomputed ${rows} values; none had drifted.`,
  );
}
