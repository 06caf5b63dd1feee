import { closeSync, existsSync, openSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Config } from '../../config.js';
import { lockDataDir, dataDirOwner } from '../../db/data-dir-lock.js';
import { dumpDatabase, hasDatabase, restoreDatabase } from '../../db/pglite-archive.js';
import { LodestarError, type Text } from '../../errors.js';
import type { Lang } from '../lang.js';
import { BACKUP_MESSAGES, megabytes } from './backup-messages.js';

/** A refusal worded in both languages (reportFailure prints the run's). */
class BackupRefused extends LodestarError {
  readonly status = 409;
  readonly type = 'backup-refused';
  readonly title = 'Backup or restore refused';
}

type Messages = (typeof BACKUP_MESSAGES)['en'];
const refuse = (words: (t: Messages) => string) =>
  new BackupRefused({ en: words(BACKUP_MESSAGES.en), zh: words(BACKUP_MESSAGES.zh) } satisfies Text);

export interface BackupOptions {
  force?: boolean;
}

/** The embedded database's folder, refusing PostgreSQL and a folder a running engine holds. */
function embeddedDir(config: Config, verb: 'backup' | 'restore'): string {
  if ('databaseUrl' in config.db) throw new BackupRefused(BACKUP_MESSAGES.en.postgres);
  const dir = config.db.dataDir;
  const owner = dataDirOwner(dir);
  if (owner !== undefined) throw refuse((t) => t.running(owner, dir, verb));
  return dir;
}

/** Steps on stderr, and a bar for the bytes on a terminal: a large database takes a while. */
function progress(lang: Lang, steps: number) {
  const t = BACKUP_MESSAGES[lang];
  let n = 0;
  return {
    step: (what: string) => console.error(t.step(++n, steps, what)),
    /** Writes or reads `total` bytes in chunks, showing MB done when stderr is a terminal. */
    bytes(total: number, each: (offset: number, length: number) => void) {
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar({ format: t.bar, hideCursor: true, stream: process.stderr })
        : undefined;
      bar?.start(Number(megabytes(total)), 0);
      const chunk = 4 * 1024 * 1024;
      for (let offset = 0; offset < total; offset += chunk) {
        each(offset, Math.min(chunk, total - offset));
        bar?.update(Number(megabytes(Math.min(offset + chunk, total))));
      }
      bar?.stop();
    },
  };
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

/** `lodestar backup <file>`: the stopped engine's embedded database as one .tar.gz (written aside, then renamed). */
export async function runBackup(config: Config, file: string, options: BackupOptions, lang: Lang): Promise<void> {
  const t = BACKUP_MESSAGES[lang];
  const dir = embeddedDir(config, 'backup');
  if (!hasDatabase(dir)) throw refuse((m) => m.noDatabase(dir));
  if (existsSync(file) && !options.force) throw refuse((m) => m.fileExists(file));
  const started = Date.now();
  const show = progress(lang, 3);
  const unlock = lockDataDir(dir);
  try {
    show.step(t.opening(dir));
    const archive = await dumpDatabase(dir, () => show.step(t.packing));
    show.step(t.writing(file));
    const partial = `${file}.partial`;
    const fd = openSync(partial, 'w');
    try {
      show.bytes(archive.length, (offset, length) => writeSync(fd, archive, offset, length));
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
    console.log(t.backedUp(file, megabytes(archive.length), seconds(started)));
  } finally {
    unlock();
  }
}

/** `lodestar restore <file>`: replaces the stopped engine's embedded database with a backup, keeping the old one. */
export async function runRestore(config: Config, file: string, options: BackupOptions, lang: Lang): Promise<void> {
  const t = BACKUP_MESSAGES[lang];
  const dir = embeddedDir(config, 'restore');
  if (!existsSync(file)) throw refuse((m) => m.noFile(file));
  if (hasDatabase(dir) && !options.force) throw refuse((m) => m.holdsDatabase(dir));
  const started = Date.now();
  const show = progress(lang, 3);
  const unlock = lockDataDir(dir);
  try {
    show.step(t.reading(file));
    const archive = new Uint8Array(statSync(file).size);
    const fd = openSync(file, 'r');
    try {
      show.bytes(archive.length, (offset, length) => {
        for (let done = 0; done < length;) done += readSync(fd, archive, offset + done, length - done, offset + done);
      });
    } finally {
      closeSync(fd);
    }
    show.step(t.loading);
    const restored = await restoreDatabase(dir, archive, new Date(), () => show.step(t.swapping)).catch(
      (error: unknown) => {
        throw new BackupRefused(
          { en: BACKUP_MESSAGES.en.notABackup(file), zh: BACKUP_MESSAGES.zh.notABackup(file) },
          { cause: error },
        );
      },
    );
    console.log(t.restored(dir, restored.modelVersion, restored.users, seconds(started)));
    if (restored.keptAs) console.log(t.keptAs(restored.keptAs));
  } finally {
    unlock();
  }
}
