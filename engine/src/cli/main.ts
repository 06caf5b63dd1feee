#!/usr/bin/env node
import { Command } from 'commander';
import { readConfig } from '../config.js';
import { runStart } from './commands/start.js';
import { runPlan, runMigrate } from './commands/migrate.js';
import { runTypes } from './commands/types-command.js';
import { reportFailure } from './report-failure.js';

const program = new Command('lodestar')
  .description('Lodestar CRM engine: definitions in, tables, API and workflows out')
  .option('-d, --dir <folder>', 'folder holding schemas/ and workflows/ (default: current folder or LODESTAR_DEFINITIONS)');

const config = () => {
  const base = readConfig();
  const dir = program.opts<{ dir?: string }>().dir;
  return dir ? { ...base, definitionsDir: readConfig({ ...process.env, LODESTAR_DEFINITIONS: dir }).definitionsDir } : base;
};

program.command('start').description('run the engine: API, web apps, workers').action(() => runStart(config()));
program
  .command('plan')
  .description('show what `migrate` would change: the definitions folder against the database')
  .option('--json', 'print the plan as JSON')
  .action((options: { json?: boolean }) => runPlan(config(), options));
program
  .command('migrate')
  .description('apply the definitions folder to the database in one transaction')
  .option('--allow-destructive', 'apply steps that drop or change data')
  .action((options: { allowDestructive?: boolean }) => runMigrate(config(), options));
program
  .command('types')
  .description('write TypeScript types for every entity of the published model')
  .option('-o, --out <file>', 'output file', 'lodestar-types.ts')
  .action((options: { out: string }) => runTypes(config(), options));

program.parseAsync().catch((error: unknown) => {
  reportFailure(error);
  process.exitCode = 1;
});
