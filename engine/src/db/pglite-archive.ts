import { PGLITE_EXTENSIONS } from './pglite-extensions.js';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { COUNT_USERS_SQL } from '../identity/users-repo.js';
import { LATEST_VERSION_SQL } from './definitions-repo.js';

/** Where connect.ts keeps the embedded database inside DATA_DIR. */
export const pgFolder = (dataDir: string) => join(dataDir, 'pg');

/** Whether DATA_DIR holds an embedded database already. */
export const hasDatabase = (dataDir: string) => existsSync(join(pgFolder(dataDir), 'PG_VERSION'));

/** The whole embedded database as a gzipped tar (PGlite's own format), read while nothing else has it open. */
export async function dumpDatabase(dataDir: string, onOpened: () => void = () => {}): Promise<Uint8Array> {
  const pglite = new PGlite({ dataDir: pgFolder(dataDir), extensions: PGLITE_EXTENSIONS });
  try {
    await pglite.waitReady;
    onOpened();
    const archive = await pglite.dumpDataDir('gzip');
    return new Uint8Array(await archive.arrayBuffer());
  } finally {
    await pglite.close();
  }
}

/** What a restored database holds: enough to tell the operator it is the one they meant. */
export interface RestoredSummary {
  modelVersion: number | undefined;
  users: number;
}

/**
 * Loads an archive into a fresh folder beside the database, checks it opens and holds Lodestar's tables,
 * then swaps it in; the database it replaces is kept beside it (`pg.before-restore-<time>`), never deleted.
 */
export async function restoreDatabase(
  dataDir: string,
  archive: Uint8Array,
  now: Date,
  onChecked: () => void = () => {},
): Promise<RestoredSummary & { keptAs?: string }> {
  const fresh = join(dataDir, 'pg.restoring');
  rmSync(fresh, { recursive: true, force: true });
  let summary: RestoredSummary;
  try {
    const pglite = new PGlite({
      dataDir: fresh,
      loadDataDir: new Blob([archive as Uint8Array<ArrayBuffer>]),
      extensions: PGLITE_EXTENSIONS,
    });
    try {
      await pglite.waitReady;
      const versions = await pglite.query<{ max: number | null }>(LATEST_VERSION_SQL);
      const users = await pglite.query<{ n: number }>(COUNT_USERS_SQL);
      summary = { modelVersion: versions.rows[0]?.max ?? undefined, users: users.rows[0]?.n ?? 0 };
    } finally {
      await pglite.close();
    }
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  }
  onChecked();
  let keptAs: string | undefined;
  if (existsSync(pgFolder(dataDir))) {
    keptAs = join(dataDir, `pg.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`);
    renameSync(pgFolder(dataDir), keptAs);
  }
  renameSync(fresh, pgFolder(dataDir));
  return { ...summary, ...(keptAs && { keptAs }) };
}
