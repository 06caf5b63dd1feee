import cliProgress from 'cli-progress';
import type { Config } from '../../config.js';
import { ValidationError } from '../../errors.js';
import { DEMO_ORG_UNIT, DEMO_USER } from '../../demo/demo-repo.js';
import { loadDemo } from '../../demo/load-demo.js';
import { seedOf } from '../../demo/prng.js';
import { demoFolders, readDemoFiles } from '../../demo/read-specs.js';
import { removeDemo } from '../../demo/remove-demo.js';
import type { Model } from '../../model/compile-model.js';
import { ModelCache } from '../../model/model-cache.js';
import { readAddonRows } from '../../versions/addons-repo.js';
import { entityTitle } from '../../workflow/actions/copy-checks.js';
import type { Lang } from '../lang.js';
import { CLI_MESSAGES } from '../messages.js';
import { DEMO_MESSAGES } from './demo-messages.js';
import { withDb } from './open-db.js';

export interface DemoCliOptions {
  remove?: boolean;
  seed: string;
  password: string;
}

/**
 * `lodestar demo`: loads the sample company the installed templates describe in their demo/ folders, with a
 * progress bar on a terminal; `--remove` deletes exactly the rows it marked, demo users included.
 */
export async function runDemo(config: Config, options: DemoCliOptions, lang: Lang): Promise<void> {
  const t = DEMO_MESSAGES[lang];
  await withDb(config, async (db) => {
    const model = (await ModelCache.open(db.knex)).current();
    if (model.version === 0) throw new Error(CLI_MESSAGES[lang].noModel);
    if (options.remove) {
      const removed = await removeDemo(db.knex, model);
      if (!Object.keys(removed).length) console.log(t.nothing);
      else {
        console.log(t.removed);
        printCounts(removed, model, lang);
      }
      return;
    }
    const addons = (await readAddonRows(db.knex)).map((row) => row.name);
    const folders = demoFolders(config.definitionsDir, addons);
    if (!folders.length) throw new Error(t.noFolders);
    const { files, issues } = readDemoFiles(folders, config.definitionsDir);
    if (issues.length)
      throw new ValidationError({ en: DEMO_MESSAGES.en.badSpecs, zh: DEMO_MESSAGES.zh.badSpecs }, { issues });
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: t.progress, hideCursor: true }, cliProgress.Presets.shades_classic)
      : undefined;
    let current = '';
    const summary = await loadDemo(db.knex, model, files, {
      seed: seedOf(options.seed),
      now: new Date(),
      password: options.password,
      progress: (stage, done, total) => {
        if (!bar) return;
        if (stage !== current) {
          if (current) bar.stop();
          current = stage;
          bar.start(total, done, { stage: t.stage(stage) });
        } else bar.update(done);
      },
    });
    if (current) bar?.stop();
    console.log(t.loaded(summary.seconds));
    if (process.env.LODESTAR_DEMO_TIMING) for (const f of summary.files) console.log(`  ${f.file}  ${f.seconds} s`);
    printCounts(summary.counts, model, lang);
    console.log(t.events(summary.events, summary.refusedCount));
    for (const r of summary.refused) console.log(t.refusedLine(r.entity, r.event, r.reason));
    console.log(t.usersTitle(options.password));
    for (const user of summary.users) console.log(`  ${user.email}  ${user.name}  ${user.roles.join(', ')}`);
  });
}

function printCounts(counts: Record<string, number>, model: Model, lang: Lang): void {
  const t = DEMO_MESSAGES[lang];
  const name = (id: string) => {
    if (id === DEMO_USER) return t.users;
    if (id === DEMO_ORG_UNIT) return t.units;
    const entity = model.entities.get(id);
    return entity ? `${entityTitle(entity.definition)[lang]} (${id})` : id;
  };
  // A Chinese character takes two columns of a terminal.
  const columns = (text: string) => [...text].reduce((sum, c) => sum + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const rows = Object.entries(counts).map(([id, n]) => [name(id), String(n)] as const);
  const width = Math.max(...rows.map(([label]) => columns(label)));
  for (const [label, n] of rows) console.log(`  ${label}${' '.repeat(width - columns(label))}  ${n.padStart(6)}`);
}
