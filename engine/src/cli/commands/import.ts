import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import type { Actor } from '../../actor.js';
import type { Config } from '../../config.js';
import { findUserByEmail } from '../../identity/users-repo.js';
import { startImport } from '../../import/import-jobs.js';
import type { ImportOptions } from '../../import/import-types.js';
import { writeCsvReport, writeXlsxReport } from '../../import/error-file.js';
import { ModelCache } from '../../model/model-cache.js';
import { accessFor } from '../../permissions/model-access.js';
import type { Lang } from '../lang.js';
import { withDb } from './open-db.js';
import { IMPORT_MESSAGES } from './import-messages.js';

export interface ImportCliOptions {
  mode?: ImportOptions['mode'];
  key?: string;
  skipBad?: boolean;
  dryRun?: boolean;
  sheet?: string;
  recordType?: string;
  createMissing?: boolean;
  /** Act as this user (owner of new records, their permissions); default: the engine itself. */
  as?: string;
  /** Where to write the error file (.csv or .xlsx). */
  report?: string;
  json?: boolean;
}

/**
 * `lodestar import <entity> <file>`: the same import the API runs, in this process, with a progress bar
 * (rows, rows per second, time left by the file's size). Exit code 1 when nothing was written because of
 * problems, so a script can stop.
 */
export async function runImportCli(
  config: Config,
  entityId: string,
  file: string,
  options: ImportCliOptions,
  lang: Lang,
): Promise<void> {
  const t = IMPORT_MESSAGES[lang];
  await withDb(config, async (db) => {
    const model = (await ModelCache.open(db.knex)).current();
    if (model.version === 0) throw new Error(t.noModel);
    const entity = model.entities.get(entityId);
    if (!entity) throw new Error(t.unknownEntity(entityId));
    const actor = await actorOf(db.knex, options.as, t.unknownUser);
    const access = accessFor(model, actor);
    const tty = process.stderr.isTTY && !options.json;
    const bar = new cliProgress.SingleBar(
      { format: t.progress, hideCursor: true, etaBuffer: 20, stream: process.stderr, noTTYOutput: false },
      cliProgress.Presets.shades_classic,
    );
    // The total is unknown until the end: estimated from how much of the file the rows so far took.
    let started = false;
    const begun = Date.now();
    const importOptions: ImportOptions = {
      mode: options.mode ?? 'insert',
      ...(options.key && { key: options.key }),
      skipBad: Boolean(options.skipBad),
      dryRun: Boolean(options.dryRun),
      createMissing: Boolean(options.createMissing),
      ...(options.sheet && { sheet: options.sheet }),
      ...(options.recordType && { recordType: options.recordType }),
    };
    const { done } = await startImport({
      db: db.knex,
      ctx: { knex: db.knex, model, entity, ...(isUser(actor) && { userId: actor.id }), ...(access && { access }) },
      actor,
      now: new Date(),
      path: file,
      fileName: file.split(/[\\/]/).pop() ?? file,
      options: importOptions,
      onProgress: (counts) => {
        if (!tty) return;
        const speed = Math.round(counts.processed / Math.max((Date.now() - begun) / 1000, 0.001));
        const estimate = counts.fraction ? Math.round(counts.processed / counts.fraction) : counts.processed + 1;
        if (!started) {
          bar.start(estimate, counts.processed, { speed });
          started = true;
        } else {
          bar.setTotal(Math.max(estimate, counts.processed));
          bar.update(counts.processed, { speed });
        }
      },
    });
    const outcome = await done;
    if (started) {
      bar.setTotal(outcome?.processed ?? 0);
      bar.stop();
    }
    if (!outcome) throw new Error(t.failed);
    if (options.json)
      console.log(JSON.stringify({ ...outcome, refused: undefined, issues: outcome.refused.flatMap((r) => r.issues) }));
    else {
      const issues = outcome.refused.flatMap((r) => r.issues);
      for (const issue of issues.slice(0, 20)) console.log(t.rowIssue(issue.row, issue.column, issue.message[lang]));
      if (issues.length > 20) console.log(t.moreIssues(issues.length - 20));
      if (outcome.error) console.log(`${t.failed}${outcome.error[lang]}`);
      console.log(t.summary(outcome, Boolean(options.dryRun) || outcome.rolledBack));
    }
    if (options.report && outcome.refused.length) {
      const out = createWriteStream(options.report);
      const rows = outcome.refused.map((r) => ({ row: r.row, cells: r.cells, issues: r.issues }));
      if (/\.xlsx$/i.test(options.report)) await writeXlsxReport(out, outcome.headers, rows, lang);
      else writeCsvReport(out, outcome.headers, rows, lang);
      await finished(out);
      if (!options.json) console.log(t.report(options.report));
    }
    if (outcome.status !== 'succeeded') process.exitCode = 1;
  });
}

const isUser = (actor: Actor) => actor.id !== 'system';

async function actorOf(
  knex: Parameters<typeof findUserByEmail>[0],
  email: string | undefined,
  unknown: (email: string) => string,
): Promise<Actor> {
  if (!email) return { id: 'system', roles: ['admin'] };
  const user = await findUserByEmail(knex, email.toLowerCase());
  if (!user || user.active === false) throw new Error(unknown(email));
  return {
    id: user.id as string,
    roles: (user.roles as string[]) ?? [],
    orgUnitId: (user.org_unit_id as string | null) ?? null,
  };
}
