#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { readConfig } from '../config.js';
import { addMapOption, type StateMapping } from '../migrate/state-mapping.js';
import { runStart } from './commands/start.js';
import { runPlan, runMigrate } from './commands/migrate.js';
import { runTypes } from './commands/types.js';
import { runUserAdd, type UserAddOptions } from './commands/user.js';
import { runHandover, type HandoverOptions } from './commands/handover.js';
import { runRecompute } from './commands/recompute.js';
import { runImportCli, type ImportCliOptions } from './commands/import.js';
import { IMPORT_MESSAGES } from './commands/import-messages.js';
import { runBackup, runRestore, type BackupOptions } from './commands/backup.js';
import { BACKUP_MESSAGES } from './commands/backup-messages.js';
import { runDemo, type DemoCliOptions } from './commands/demo.js';
import { runArchive, type ArchiveOptions } from './commands/archive.js';
import { ARCHIVE_MESSAGES } from './commands/archive-messages.js';
import { DEMO_MESSAGES } from './commands/demo-messages.js';
import {
  runTemplateExport,
  runTemplateInstall,
  type TemplateExportOptions,
  type TemplateInstallOptions,
} from './commands/template.js';
import { chooseLang, LANGS } from './lang.js';
import { CLI_MESSAGES } from './messages.js';
import { reportFailure } from './report-failure.js';

/** The language of everything this run prints, help summaries included (commander's own words stay English). */
const lang = chooseLang(process.argv.slice(2), process.env);
const help = CLI_MESSAGES[lang].help;

const program = new Command('lodestar')
  .description(help.program)
  .option('-d, --dir <folder>', help.dir)
  .addOption(new Option('--lang <lang>', help.lang).choices(LANGS));

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
  } catch {
    throw new InvalidArgumentError(CLI_MESSAGES[lang].badMap(value));
  }
};

program
  .command('start')
  .description(help.start)
  .option('-w, --workers <n>', help.workers, (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(CLI_MESSAGES[lang].badWorkers(value));
    return n;
  })
  .action((options: { workers?: number }) => runStart(config(), lang, options));
program
  .command('plan')
  .description(help.plan)
  .option('--json', 'print the plan as JSON')
  .option(MAP_FLAGS, MAP_HELP, collectMap, {})
  .action((options: { json?: boolean; map?: StateMapping }) => runPlan(config(), options, lang));
program
  .command('migrate')
  .description(help.migrate)
  .option('--allow-destructive', 'apply steps that drop or change data')
  .option(MAP_FLAGS, MAP_HELP, collectMap, {})
  .action((options: { allowDestructive?: boolean; map?: StateMapping }) => runMigrate(config(), options, lang));
program
  .command('types')
  .description(help.types)
  .option('-o, --out <file>', 'output file', 'lodestar-types.ts')
  .action((options: { out: string }) => runTypes(config(), options, lang));

const user = program.command('user').description(help.user);
user
  .command('add')
  .description(help.userAdd)
  .requiredOption('--email <email>', 'login email')
  .option('--name <name>', 'display name')
  .option('--roles <roles>', 'comma-separated role ids, e.g. salesperson')
  .option('--admin', 'give the admin role')
  .option('--password-stdin', 'read the password from the first line of stdin')
  .action((options: UserAddOptions) => runUserAdd(config(), options, lang));

program
  .command('handover')
  .description(help.handover)
  .requiredOption('--from <email>', 'the user whose records move (e.g. a salesperson who leaves)')
  .requiredOption('--to <email>', 'the active user who takes them over')
  .option('--entity <ids>', 'comma-separated entity ids, e.g. customer,opportunity (default: every entity)')
  .option('--open-only', 'leave records in a final workflow state (won, lost, closed) with their owner')
  .option('--dry-run', 'only count the records that would move')
  .action((options: HandoverOptions) => runHandover(config(), options, lang));

const template = program.command('template').description(help.template);
template
  .command('export')
  .description(help.templateExport)
  .requiredOption('-o, --out <folder>', 'the folder to write')
  .option('--name <name>', 'template name (default: the installed template, else lodestar-model)')
  .option('--version <x.y.z>', 'template version (default: the installed one, else 1.0.0)')
  .option('--force', 'write into a folder that holds definitions already, removing the ones the model no longer has')
  .action((options: TemplateExportOptions) => runTemplateExport(config(), options, lang));
template
  .command('install <folder>')
  .description(help.templateInstall)
  .option('--allow-destructive', 'apply steps that drop or change data')
  .option('--dry-run', 'only print the plan')
  .option(MAP_FLAGS, MAP_HELP, collectMap, {})
  .option('--json', 'print the result as JSON')
  .action((folder: string, options: TemplateInstallOptions) => runTemplateInstall(config(), folder, options, lang));

program
  .command('recompute [entity]')
  .description(help.recompute)
  .action((entity: string | undefined) => runRecompute(config(), entity, lang));

program
  .command('import <entity> <file>')
  .description(IMPORT_MESSAGES[lang].help)
  .addOption(new Option('--mode <mode>', 'insert, update or upsert (by --key)').choices(['insert', 'update', 'upsert']))
  .option('--key <field>', 'the field rows are matched by (update, upsert), e.g. unifiedSocialCreditCode')
  .option('--skip-bad', 'import the good rows and report the bad ones (default: one bad row and nothing is written)')
  .option('--dry-run', 'check and count everything, write nothing')
  .option('--sheet <name>', 'the Excel sheet to read (default: the first)')
  .option('--record-type <type>', 'the record type of rows without one')
  .option('--create-missing', 'a relation cell naming no record creates one with that title')
  .option('--as <email>', 'import as this user (owner of new records, their permissions)')
  .option('--report <file>', 'write the rows with problems to this .csv or .xlsx file')
  .option('--json', 'print the outcome as JSON')
  .action((entity: string, file: string, options: ImportCliOptions) =>
    runImportCli(config(), entity, file, options, lang),
  );

program
  .command('backup <file>')
  .description(BACKUP_MESSAGES[lang].helpBackup)
  .option('--force', BACKUP_MESSAGES[lang].helpForceBackup)
  .action((file: string, options: BackupOptions) => runBackup(config(), file, options, lang));
program
  .command('restore <file>')
  .description(BACKUP_MESSAGES[lang].helpRestore)
  .option('--force', BACKUP_MESSAGES[lang].helpForceRestore)
  .action((file: string, options: BackupOptions) => runRestore(config(), file, options, lang));

program
  .command('archive <table>')
  .description(ARCHIVE_MESSAGES[lang].help)
  .requiredOption('--before <YYYY-MM>', ARCHIVE_MESSAGES[lang].helpBefore)
  .option('--to <folder>', ARCHIVE_MESSAGES[lang].helpTo)
  .option('--include-audit', ARCHIVE_MESSAGES[lang].helpAudit)
  .action((table: string, options: ArchiveOptions) => runArchive(config(), table, options, lang));

program
  .command('demo')
  .description(DEMO_MESSAGES[lang].help)
  .option('--remove', DEMO_MESSAGES[lang].helpRemove)
  .option('--seed <text>', DEMO_MESSAGES[lang].helpSeed, 'lodestar')
  .option('--password <password>', DEMO_MESSAGES[lang].helpPassword, 'lodestar-demo')
  .action((options: DemoCliOptions) => runDemo(config(), options, lang));

program.parseAsync().catch((error: unknown) => {
  reportFailure(error, lang);
  process.exitCode = 1;
});
