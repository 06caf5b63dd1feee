import { resolve } from 'node:path';
import type { InstallAnswer } from '@lodestar/core';
import type { Config } from '../../config.js';
import type { Plan } from '../../migrate/plan.js';
import type { StateMapping } from '../../migrate/state-mapping.js';
import { exportTemplate, installTemplate } from '../../versions/install-template.js';
import { readTemplateFolder, writeTemplateFolder } from '../../versions/template-folder.js';
import type { Lang } from '../lang.js';
import { CLI_MESSAGES } from '../messages.js';
import { planLines } from '../plan-lines.js';
import { withDb } from './open-db.js';

export interface TemplateExportOptions {
  out: string;
  name?: string;
  version?: string;
  force?: boolean;
}

export interface TemplateInstallOptions {
  allowDestructive?: boolean;
  dryRun?: boolean;
  map?: StateMapping;
  json?: boolean;
}

/** `lodestar template export`: the published model as a folder a consultant can edit and install elsewhere. */
export async function runTemplateExport(config: Config, options: TemplateExportOptions, lang: Lang): Promise<void> {
  await withDb(config, async (db) => {
    const template = await exportTemplate(db.knex, {
      ...(options.name && { name: options.name }),
      ...(options.version && { version: options.version }),
    });
    const root = resolve(options.out);
    const written = await writeTemplateFolder(root, template, { replace: options.force ?? false });
    const { name, version, exportedFrom } = template.manifest;
    console.log(CLI_MESSAGES[lang].exported(exportedFrom?.modelVersion, `${name}@${version}`, root, written.length));
  });
}

/**
 * `lodestar template install <folder>`: validate (every issue, exit 1, nothing changed), plan against
 * the database through the publish planner, print the plan, and unless --dry-run apply it in one
 * transaction. An upgrade (1.0.0 → 1.1.0) is the same command.
 */
export async function runTemplateInstall(
  config: Config,
  folder: string,
  options: TemplateInstallOptions,
  lang: Lang,
): Promise<void> {
  const t = CLI_MESSAGES[lang];
  const source = await readTemplateFolder(resolve(folder));
  await withDb(config, async (db) => {
    const result = await installTemplate(db.knex, source, {
      dryRun: options.dryRun ?? false,
      allowDestructive: options.allowDestructive ?? false,
      stateMapping: options.map ?? {},
      definitionsDir: config.definitionsDir,
    });
    if (options.json) return void console.log(JSON.stringify(result, null, 2));
    console.log(headline(result, lang));
    if (result.status === 'unchanged') return void console.log(t.nothingToDoTemplate(result.version));
    printPlan(result.plan, result.status === 'planned', lang);
    if (result.status === 'published')
      console.log(t.templatePublished(result.version, `${result.template.name}@${result.template.version}`));
  });
}

function headline({ template, previous }: InstallAnswer, lang: Lang): string {
  const t = CLI_MESSAGES[lang];
  const { name, version } = template;
  if (!previous) return t.template(`${name}@${version}`);
  return previous.version === version
    ? t.templateReapplied(`${name}@${version}`)
    : t.templateUpgrade(name, previous.version, version);
}

/** The plan as `lodestar plan` prints it, with this command's own next steps (after a dry run only). */
function printPlan(plan: Plan, dryRun: boolean, lang: Lang): void {
  const next = { apply: 'lodestar template install <folder>', blocked: 'template', suggestMaps: false } as const;
  for (const line of planLines(plan, lang, dryRun ? next : undefined)) console.log(line);
}
