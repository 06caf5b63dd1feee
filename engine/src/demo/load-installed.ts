import type { Knex } from 'knex';
import { ConflictError, ValidationError } from '../errors.js';
import type { Model } from '../model/compile-model.js';
import { readAddonRows } from '../versions/addons-repo.js';
import { countDemo } from './demo-repo.js';
import { loadDemo, type DemoOptions, type DemoSummary } from './load-demo.js';
import { seedOf } from './prng.js';
import { demoFolders, readDemoFiles } from './read-specs.js';

/** The seed and password `lodestar demo` uses by default, so the UI loads the same company the docs describe. */
export const DEMO_SEED = 'lodestar';
export const DEMO_PASSWORD = 'lodestar-demo';

/**
 * Loads the demo data of the model in the definitions folder and its installed add-ons, for the API: the
 * refusals an administrator can act on (none shipped, already loaded, bad specs) as errors in both languages.
 */
export async function loadInstalledDemo(
  knex: Knex,
  model: Model,
  definitionsDir: string | undefined,
  now: Date,
  hooks: Pick<DemoOptions, 'onFile' | 'progress'> = {},
): Promise<DemoSummary> {
  if ((await countDemo(knex)).size)
    throw new ConflictError({
      en: 'sample data is loaded already; remove it first to load it again',
      zh: '示例数据已经加载过了；如需重新加载，请先删除',
    });
  const addons = (await readAddonRows(knex)).map((row) => row.name);
  const folders = definitionsDir ? demoFolders(definitionsDir, addons) : [];
  if (!folders.length)
    throw new ConflictError({
      en: 'none of the installed templates ships sample data',
      zh: '已安装的模板都没有提供示例数据',
    });
  const { files, issues } = readDemoFiles(folders, definitionsDir!);
  if (issues.length)
    throw new ValidationError(
      { en: 'the sample data definitions have problems', zh: '示例数据定义有问题' },
      { issues },
    );
  return loadDemo(knex, model, files, { seed: seedOf(DEMO_SEED), now, password: DEMO_PASSWORD, ...hooks });
}
