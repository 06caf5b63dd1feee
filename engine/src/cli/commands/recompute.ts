import cliProgress from 'cli-progress';
import type { Config } from '../../config.js';
import { recomputeRollups, type RecomputeResult } from '../../migrate/recompute-rollups.js';
import { ModelCache } from '../../model/model-cache.js';
import type { Lang } from '../lang.js';
import { CLI_MESSAGES } from '../messages.js';
import { withDb } from './open-db.js';

/**
 * `lodestar recompute [entity]`: rebuilds every roll-up (or one entity's) from its child records with a
 * progress bar, and reports drift: parent rows whose stored value differed from the fresh one. Triggers
 * keep roll-ups right on every write, so drift means something wrote around them (a restore, a manual
 * UPDATE with triggers disabled); finding drift is a report, not a failure (exit code 0).
 */
export async function runRecompute(config: Config, entity: string | undefined, lang: Lang): Promise<void> {
  const t = CLI_MESSAGES[lang];
  await withDb(config, async (db) => {
    const model = (await ModelCache.open(db.knex)).current();
    if (model.version === 0) throw new Error(t.noModel);
    if (entity !== undefined && !model.entities.has(entity)) throw new Error(t.unknownEntity(entity));
    const tables = [...model.entities.values()].map((e) => e.table);
    const bar = new cliProgress.SingleBar({ format: t.progress, hideCursor: true }, cliProgress.Presets.shades_classic);
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
    printResults(results, lang);
  });
}

function printResults(results: RecomputeResult[], lang: Lang): void {
  const t = CLI_MESSAGES[lang];
  if (!results.length) {
    console.log(t.noRollups);
    return;
  }
  const width = Math.max(...results.map((r) => `${r.table}.${r.field}`.length));
  for (const r of results) console.log(`  ${`${r.table}.${r.field}`.padEnd(width)}  ${t.rollupLine(r.rows, r.drift)}`);
  const drift = results.reduce((sum, r) => sum + r.drift, 0);
  const rows = results.reduce((sum, r) => sum + r.rows, 0);
  console.log(t.recomputed(rows, drift));
}
