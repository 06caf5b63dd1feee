import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Knex } from 'knex';
import type { ImportIssue, ImportJob, ImportUndone } from '@lodestar/core';
import type { Actor } from '../actor.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Model } from '../model/compile-model.js';
import type { RecordContext } from '../records/types.js';
import {
  changedSince,
  deleteCreated,
  failIfInterrupted,
  findImport,
  importedEntities,
  insertErrors,
  insertImport,
  restoreUpdated,
  updateImport,
  type ImportRow,
} from './imports-repo.js';
import type { ImportCounts, ImportOptions, ImportOutcome } from './import-types.js';
import { runImport } from './run-import.js';

/*
 * Import jobs: started by the API (or the CLI), run in the background of the engine that accepted them,
 * followed by polling. Progress while running lives in this process (the import's transaction holds its
 * connection, and on PGlite the only one); the job's row gets the outcome when it ends.
 */

interface Live {
  /** The job's row as inserted: answered while running without asking the database (on PGlite the import holds it). */
  row: ImportRow;
  counts: ImportCounts;
  startedAt: number;
  controller: AbortController;
  done: Promise<ImportOutcome | undefined>;
}

const live = new Map<string, Live>();

export interface StartImport {
  db: Knex;
  ctx: RecordContext;
  actor: Actor;
  now: Date;
  /** A file of this engine's own (a temp copy of the upload); removed when the import ends if `removeFile`. */
  path: string;
  removeFile?: boolean;
  fileName: string | null;
  options: ImportOptions;
  /** Called after each batch (the CLI's progress bar). */
  onProgress?: (counts: ImportCounts) => void;
}

/** Creates the job's row and starts the import without waiting for it. */
export async function startImport(
  start: StartImport,
): Promise<{ id: string; done: Promise<ImportOutcome | undefined> }> {
  const id = randomUUID();
  const row: ImportRow = {
    id,
    entity: start.ctx.entity.id,
    file_name: start.fileName,
    options: JSON.stringify(start.options),
    status: 'running',
    created_by: isUuid(start.actor.id) ? start.actor.id : null,
    model_version: start.ctx.model.version,
    started_at: start.now,
  };
  await insertImport(start.db, row);
  const controller = new AbortController();
  const job: Live = {
    row: { ...row, options: start.options, headers: [], created_at: start.now },
    counts: { processed: 0, created: 0, updated: 0, failed: 0 },
    startedAt: Date.now(),
    controller,
    done: Promise.resolve(undefined),
  };
  live.set(id, job);
  job.done = run(id, start, job);
  return { id, done: job.done };
}

async function run(id: string, start: StartImport, job: Live): Promise<ImportOutcome | undefined> {
  try {
    const outcome = await runImport({
      id,
      ctx: start.ctx,
      actor: start.actor,
      now: start.now,
      path: start.path,
      options: start.options,
      signal: job.controller.signal,
      onProgress: (counts) => {
        job.counts = counts;
        start.onProgress?.(counts);
      },
    });
    await insertErrors(
      start.db,
      id,
      outcome.refused.map((r) => ({ row: r.row, cells: r.cells, issues: r.issues })),
    );
    await updateImport(start.db, id, {
      status: outcome.status,
      headers: JSON.stringify(outcome.headers),
      total: outcome.processed,
      // What a rolled-back import would have written is reported, but nothing of it is stored as done.
      created: outcome.created,
      updated: outcome.updated,
      failed: outcome.failed,
      error: outcome.error ? JSON.stringify(outcome.error) : null,
      finished_at: new Date(),
      options: JSON.stringify({ ...start.options, rolledBack: outcome.rolledBack }),
    });
    return outcome;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const text =
      error && typeof error === 'object' && 'text' in error
        ? (error as { text: { en: string; zh: string } }).text
        : { en: `the import failed: ${detail}`, zh: `导入失败：${detail}` };
    await updateImport(start.db, id, { status: 'failed', error: JSON.stringify(text), finished_at: new Date() }).catch(
      () => undefined,
    );
    return undefined;
  } finally {
    live.delete(id);
    if (start.removeFile) await rm(start.path, { force: true });
  }
}

/** Asks a running import of this engine to stop; its transaction rolls back. False when none is running here. */
export function cancelImport(id: string): boolean {
  const job = live.get(id);
  job?.controller.abort();
  return job !== undefined;
}

/** The job row, or 404 (also for another user's import: imports are private to who started them, and admins). */
export async function readJobRow(db: Knex, id: string, actor: Actor, admin: boolean): Promise<ImportRow> {
  const row = live.get(id)?.row ?? (await findImport(db, id));
  if (!row || (!admin && row.created_by !== actor.id))
    throw new NotFoundError({ en: 'no such import', zh: '没有这次导入' });
  // Running in no engine (this one or another, see holdImportLock): its engine died and took its transaction along.
  if (row.status === 'running' && !live.has(id) && (await failIfInterrupted(db, id, INTERRUPTED)))
    return (await findImport(db, id))!;
  return row;
}

const INTERRUPTED = {
  en: 'the engine running this import stopped before it finished; nothing of it was written',
  zh: '执行这次导入的引擎在完成前停止了，没有写入任何数据',
};

/** Whether the import runs in this engine now (its problems are stored only when it ends). */
export function isRunningHere(id: string): boolean {
  return live.has(id);
}

/** A job as the API answers it: live counts while it runs here, the stored outcome after. */
export function toImportJob(row: ImportRow, issues: ImportIssue[]): ImportJob {
  const id = row.id as string;
  const running = live.get(id);
  const options = row.options as ImportOptions & { rolledBack?: boolean };
  const { fraction: _fraction, ...counts } = running?.counts ?? {
    processed: Number(row.total),
    created: Number(row.created),
    updated: Number(row.updated),
    failed: Number(row.failed),
  };
  const started = row.started_at ? new Date(row.started_at as string).getTime() : undefined;
  const ended = row.finished_at ? new Date(row.finished_at as string).getTime() : Date.now();
  const seconds = started !== undefined ? Math.max((ended - started) / 1000, 0.001) : undefined;
  const status = running ? 'running' : (row.status as ImportJob['status']);
  return {
    id,
    entity: row.entity as string,
    fileName: (row.file_name as string | null) ?? null,
    mode: options.mode,
    key: options.key ?? null,
    dryRun: Boolean(options.dryRun),
    skipBad: Boolean(options.skipBad),
    status,
    ...counts,
    rowsPerSecond: seconds ? Math.round(counts.processed / seconds) : null,
    secondsLeft:
      running?.counts.fraction && seconds
        ? Math.round((seconds * (1 - running.counts.fraction)) / running.counts.fraction)
        : null,
    headers: (row.headers as string[]) ?? [],
    issues,
    error: (row.error as ImportJob['error']) ?? null,
    undoable: status === 'succeeded' && !options.rolledBack && counts.created + counts.updated > 0,
    createdAt: new Date(row.created_at as string).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at as string).toISOString() : null,
    undoneAt: row.undone_at ? new Date(row.undone_at as string).toISOString() : null,
  };
}

/**
 * Takes an import back as a whole, in one transaction: its records are locked, and if any changed since
 * (a newer version, or deleted) nothing is undone (409); else created records are deleted and changed ones
 * get their values back, each with its audit row.
 */
export async function undoImport(
  db: Knex,
  model: Model,
  row: ImportRow,
  actor: Actor,
  requestId: string | undefined,
): Promise<ImportUndone> {
  const job = toImportJob(row, []);
  if (!job.undoable)
    throw new ConflictError({
      en: 'this import cannot be undone: it wrote nothing, is still running or was undone already',
      zh: '这次导入无法撤销：它没有写入数据、仍在进行或已撤销',
    });
  const id = job.id;
  const who = { actorId: actor.id, requestId: requestId ?? `import:${id}` };
  return db.transaction(async (trx) => {
    const entities = (await importedEntities(trx, id))
      .sort((a, b) => (a === job.entity ? -1 : b === job.entity ? 1 : 0))
      .map((name) => model.entities.get(name))
      .filter((entity) => entity !== undefined);
    let changed = 0;
    for (const entity of entities) changed += await changedSince(trx, id, entity);
    if (changed)
      throw new ConflictError(
        {
          en: `${changed} records of this import were changed or deleted since; it can no longer be undone as a whole`,
          zh: `这次导入的记录中有 ${changed} 条在导入后被修改或删除，无法整体撤销`,
        },
        { extra: { changed } },
      );
    let deleted = 0;
    let restored = 0;
    for (const entity of entities) {
      restored += await restoreUpdated(trx, id, entity, who);
      deleted += await deleteCreated(trx, id, entity, who);
    }
    await updateImport(trx, id, { status: 'undone', undone_at: new Date() });
    return { deleted, restored };
  });
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
