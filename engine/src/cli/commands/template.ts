import { resolve } from 'node:path';
import type { Config } from '../../config.js';
import { describeStep } from '../../migrate/describe-step.js';
import type { Plan, Step } from '../../migrate/plan.js';
import type { StateMapping } from '../../migrate/state-mapping.js';
import { exportTemplate, installTemplate, type InstallResult } from '../../versions/install-template.js';
import { readTemplateFolder, writeTemplateFolder } from '../../versions/template-folder.js';
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
export async function runTemplateExport(config: Config, options: TemplateExportOptions): Promise<void> {
  await withDb(config, async (db) => {
    const template = await exportTemplate(db.knex, {
      ...(options.name && { name: options.name }),
      ...(options.version && { version: options.version }),
    });
    const root = resolve(options.out);
    const written = await writeTemplateFolder(root, template, { replace: options.force ?? false });
    const { name, version, exportedFrom } = template.manifest;
    console.log(
      `Exported model version ${exportedFrom?.modelVersion} as template ${name}@${version} to ${root} (${written.length} files).`,
    );
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
): Promise<void> {
  const source = await readTemplateFolder(resolve(folder));
  await withDb(config, async (db) => {
    const result = await installTemplate(db.knex, source, {
      dryRun: options.dryRun ?? false,
      allowDestructive: options.allowDestructive ?? false,
      stateMapping: options.map ?? {},
    });
    if (options.json) return void console.log(JSON.stringify(result, null, 2));
    console.log(headline(result));
    if (result.status === 'unchanged')
      return void console.log(
        `Nothing to do: the database is at model version ${result.version} with these definitions.`,
      );
    printPlan(result.plan, result.status === 'planned');
    if (result.status === 'published')
      console.log(`Published model version ${result.version} (${result.template.name}@${result.template.version}).`);
  });
}

function headline({ template, previous }: InstallResult): string {
  const { name, version } = template;
  if (!previous) return `Template ${name}@${version}`;
  return previous.version === version
    ? `Template ${name}@${version} (installed already; reapplying)`
    : `Template ${name}: ${previous.version} → ${version}`;
}

const MARK: Record<Step['safety'], string> = { safe: '  ✓', destructive: '  ! DESTRUCTIVE', blocked: '  ✗ BLOCKED' };

/** The plan as `lodestar plan` prints it, with this command's own next steps. */
function printPlan(plan: Plan, dryRun: boolean): void {
  if (plan.steps.length === 0)
    return void console.log('The plan has no database steps (definitions changed without schema changes).');
  console.log(`Plan against model version ${plan.baseVersion} (${plan.steps.length} steps):`);
  for (const step of plan.steps)
    console.log(`${MARK[step.safety]} ${describeStep(step)}${step.safety === 'safe' ? '' : ` — ${step.reason}`}`);
  if (!dryRun) return;
  const destructive = plan.steps.filter((s) => s.safety === 'destructive').length;
  if (plan.steps.some((s) => s.safety === 'blocked'))
    console.log('Some steps cannot be applied as defined; change the template.');
  else if (destructive)
    console.log(
      `${destructive} destructive step(s): apply with \`lodestar template install <folder> --allow-destructive\`.`,
    );
  else console.log('All steps are safe: apply with `lodestar template install <folder>`.');
}
