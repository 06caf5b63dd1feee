import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite has no cross-process lock, and two processes on one directory lose committed rows.
 * A pid file guards the directory; a stale one (its process gone) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'lodestar.pid');
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = dataDirOwner(dataDir);
    if (owner !== undefined) {
      throw new Error(
        `the data directory ${dataDir} is in use by process ${owner}; stop it or set DATA_DIR to another folder`,
      );
    }
    writeFileSync(path, String(process.pid));
  }
  return () => rmSync(path, { force: true });
}

/** The live process (other than this one) holding the data directory, if any: backup and restore refuse then. */
export function dataDirOwner(dataDir: string): number | undefined {
  let owner: number;
  try {
    owner = Number(readFileSync(join(dataDir, 'lodestar.pid'), 'utf8'));
  } catch {
    return undefined;
  }
  return owner && owner !== process.pid && isAlive(owner) ? owner : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
