#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { readConfig } from '../config.js';
import { addMapOption, type StateMapping } from '../migrate/state-mapping.js';
import { runStart } from './commands/start.js';
import { runPlan, runMigrate } from './commands/migrate.js';
import { runTypes } from './commands/types.js';
import { runUserAdd, type UserAddOptions } from './commands/user.js';
import { runHandover, type HandoverOptions } from './commands/handover.js';
import { runRecompute } from './commands/recompute.js';
import {
  runTemplateExport,
  runTemplateInstall,
  type TemplateExportOptions,
  type TemplateInstallOptions,
} from './commands/template.js';
import { reportFailure } from './report-failure.js';

const program = new Command('lodestar')
  .description('Lodestar CRM engine: definitions in, tables, API and workflows out')
  .option(
    '-d, --dir <folder>',
    'folder holding schemas/ and workflows/ (default: current folder or LODESTAR_DEFINITIONS)',
  );

const config = () => {
  const base = readConfig();
  const dir = program.opts<{ dir?: string }>().dir;
  return dir
    ? { ...base, definitionsDir: readConfig({ ...process.env, LODESTAR_DEFINITIONS: dir }).definitionsDir }
    : base;
};

/** `--map <workflow>.<from>=<to>`, repeatable: where records of a removed workflow state go. */
const MAP_FLAGS = '--map <workflow.from=to>';
const MAP_HELP = 'move the records of a removed workflow state to another state (repeatable)';
const collectMap = (value: string, previous: StateMapping): StateMapping => {
  try {
    return addMapOption(value, previous);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
};

program
  .command('start')
  .description('run the engine: API, web apps, workers')
  .action(() => runStart(config()));
program
  .command('plan')
  .description('show what `migrate` would change: the definitions folder against the database')
  .option('--json', 'print the plan as JSON')
  .option(MAP_FLAGS, MAP_HELP, collectMap, {})
  .action((options: { json?: boolean; map?: StateMapping }) => runPlan(config(), options));
program
  .command('migrate')
  .description('apply the definitions folder to the database in one transaction')
  .option('--allow-destructive', 'apply steps that drop or change data')
  .option(MAP_FLAGS, MAP_HELP, collectMap, {})
  .action((options: { allowDestructive?: boolean; map?: StateMapping }) => runMigrate(config(), options));
program
  .command('types')
  .description('write TypeScript types for every entity of the published model')
  .option('-o, --out <file>', 'output file', 'lodestar-types.ts')
  .action((options: { out: string }) => runTypes(config(), options));

const user = program.command('user').description('manage users');
user
  .command('add')
  .description('create a user (the first admin: --admin); the password is asked for, or read from stdin')
  .requiredOption('--email <email>', 'login email')
  .option('--name <name>', 'display name')
  .option('--roles <roles>', 'comma-separated role ids, e.g. salesperson')
  .option('--admin', 'give the admin role')
  .option('--password-stdin', 'read the password from the first line of stdin')
  .action((options: UserAddOptions) => runUserAdd(config(), options));

program
  .command('handover')
  .description("reassign a user's records to another user in one transaction, with an audit row per record")
  .requiredOption('--from <email>', 'the user whose records move (e.g. a salesperson who leaves)')
  .requiredOption('--to <email>', 'the active user who takes them over')
  .option('--entity <ids>', 'comma-separated entity ids, e.g. customer,opportunity (default: every entity)')
  .option('--open-only', 'leave records in a final workflow state (won, lost, closed) with their owner')
  .option('--dry-run', 'only count the records that would move')
  .action((options: HandoverOptions) => runHandover(config(), options));

const template = program
  .command('template')
  .description('export the published model as a template folder, or install / upgrade one');
template
  .command('export')
  .description('write the published definitions as a template folder (schemas/, workflows/, roles.json, template.json)')
  .requiredOption('-o, --out <folder>', 'the folder to write')
  .option('--name <name>', 'template name (default: the installed template, else lodestar-model)')
  .option('--version <x.y.z>', 'template version (default: the installed one, else 1.0.0)')
  .option('--force', 'write into a folder that holds definitions already, removing the ones the model no longer has')
  .action((options: TemplateExportOptions) => runTemplateExport(config(), options));
template
  .command('install <folder>')
  .description(
    'validate a template folder, plan it against the database and apply it in one transaction (also upgrades)',
  )
  .option('--allow-destructive', 'apply steps that drop or change data')
  .option('--dry-run', 'only print the plan')
  .option(MAP_FLAGS, MAP_HELP, collectMap, {})
  .option('--json', 'print the result as JSON')
  .action((folder: string, options: TemplateInstallOptions) => runTemplateInstall(config(), folder, options));

program
  .command('recompute [entity]')
  .description('rebuild roll-ups from their related records (every entity, or one) and report drift')
  .action((entity: string | undefined) => runRecompute(config(), entity));

program.parseAsync().catch((error: unknown) => {
  reportFailure(error);
  process.exitCode = 1;
});
