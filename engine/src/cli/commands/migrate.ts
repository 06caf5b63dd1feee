import type { Knex } from 'knex';
import type { Config } from '../../config.js';
import { hashDefinitionSet } from '../../definitions/definition-set.js';
import { readFolder } from '../../definitions/read-folder.js';
import type { Plan } from '../../migrate/plan.js';
import type { StateMapping } from '../../migrate/state-mapping.js';
import { readCurrentVersion, readSeedHash, writeSeedHash } from '../../db/definitions-repo.js';
import { planChange } from '../../store/plan-change.js';
import { publish } from '../../store/publish.js';
import { seedFromFolder, type SeedResult } from '../../store/seed.js';
import type { Lang } from '../lang.js';
import { CLI_MESSAGES } from '../messages.js';
import { planLines } from '../plan-lines.js';
import { withDb } from './open-db.js';

/** Prints the plan that `migrate` would apply; exits 0 whether or not there is anything to do. */
export async function runPlan(
  config: Config,
  options: { json?: boolean; map?: StateMapping },
  lang: Lang,
): Promise<void> {
  await withDb(config, async (db) => {
    const result = await seedFolder(db.knex, config.definitionsDir, {
      apply: 'never',
      stateMapping: options.map ?? {},
    });
    if (options.json) return void console.log(JSON.stringify(result, null, 2));
    if (result.status === 'unchanged') return void console.log(CLI_MESSAGES[lang].nothingToDo(result.version));
    if (result.status === 'planned') printPlan(result.plan, lang);
  });
}

/**
 * Applies the folder's definitions; destructive steps only with --allow-destructive; records of removed
 * workflow states go where `--map <workflow>.<state>=<target>` says. Fails with a non-zero exit.
 */
export async function runMigrate(
  config: Config,
  options: { allowDestructive?: boolean; map?: StateMapping },
  lang: Lang,
): Promise<void> {
  await withDb(config, async (db) => {
    const started = Date.now();
    const result = await seedFolder(db.knex, config.definitionsDir, {
      apply: 'always',
      allowDestructive: options.allowDestructive ?? false,
      stateMapping: options.map ?? {},
    });
    if (result.status === 'unchanged') return void console.log(CLI_MESSAGES[lang].nothingToDo(result.version));
    if (result.status === 'published') {
      printPlan(result.plan, lang);
      console.log(CLI_MESSAGES[lang].published(result.version, Date.now() - started));
    }
  });
}

interface FolderOptions {
  apply: 'always' | 'never';
  allowDestructive?: boolean;
  stateMapping: StateMapping;
}

/**
 * seedFromFolder, plus a state mapping (SeedOptions has none): without one it is seedFromFolder itself;
 * with one, the same steps (unchanged folder is a no-op, else plan, or publish recording the seed hash)
 * with the mapping handed to the planner.
 */
async function seedFolder(knex: Knex, root: string, options: FolderOptions): Promise<SeedResult> {
  if (Object.keys(options.stateMapping).length === 0) return seedFromFolder(knex, root, options);
  const source = 'folder';
  const { set, files } = await readFolder(root);
  const hash = hashDefinitionSet(set);
  const [seeded, current] = await Promise.all([readSeedHash(knex, source), readCurrentVersion(knex)]);
  if (current && (seeded?.hash === hash || current.hash === hash)) return seedFromFolder(knex, root, options);
  const stateMapping = options.stateMapping;
  if (options.apply === 'never')
    return { status: 'planned', plan: await planChange(knex, set, files, { stateMapping }) };
  const result = await publish(knex, {
    definitions: set,
    files,
    source,
    allowDestructive: options.allowDestructive ?? false,
    stateMapping,
    note: 'seeded from the definitions folder',
    alsoInTransaction: (trx, version) => writeSeedHash(trx, source, hash, version),
  });
  return { status: 'published', ...result };
}

function printPlan(plan: Plan, lang: Lang): void {
  const next = { apply: 'lodestar migrate', blocked: 'definitions', suggestMaps: true } as const;
  for (const line of planLines(plan, lang, next)) console.log(line);
}
