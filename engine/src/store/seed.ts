import type { Knex } from 'knex';
import { hashDefinitionSet } from '../definitions/definition-set.js';
import { readFolder } from '../definitions/read-folder.js';
import type { Text } from '../errors.js';
import type { Plan } from '../migrate/plan.js';
import { readCurrentVersion, readSeedHash, writeSeedHash } from '../db/definitions-repo.js';
import { planChange } from './plan-change.js';
import { publish } from './publish.js';

export type SeedResult =
  | { status: 'unchanged'; version: number }
  | { status: 'published'; version: number; plan: Plan }
  | { status: 'planned'; plan: Plan };

export interface SeedOptions {
  /** Apply the plan: always, never (only compute it), or only to an empty database (first start). */
  apply: 'always' | 'never' | 'ifEmpty';
  allowDestructive?: boolean;
}

const SOURCE = 'folder';

/** The note of a version seeded from the folder; stored in English, shown in the reader's language (noteText). */
export const SEED_NOTE: Text = { en: 'seeded from the definitions folder', zh: '由定义文件夹初始化' };

/** A listed version with its note in both languages where the engine wrote it (an admin's own note is theirs, as written). */
export function withNoteText<V extends { source: string; note: string | null }>(version: V): V & { noteText?: Text } {
  return version.source === SOURCE && version.note === SEED_NOTE.en ? { ...version, noteText: SEED_NOTE } : version;
}

/**
 * Brings the database in line with a definitions folder. An unchanged folder (same hash as last
 * seeded) is a no-op; otherwise the plan is returned, and applied
 * when asked (`ifEmpty`: only when nothing is published yet, as at first start).
 */
export async function seedFromFolder(knex: Knex, root: string, options: SeedOptions): Promise<SeedResult> {
  const { set, files } = await readFolder(root);
  const hash = hashDefinitionSet(set);
  const [seeded, current] = await Promise.all([readSeedHash(knex, SOURCE), readCurrentVersion(knex)]);
  if (current && seeded?.hash === hash) return { status: 'unchanged', version: current.version };
  if (current && current.hash === hash) {
    await knex.transaction((trx) => writeSeedHash(trx, SOURCE, hash, current.version));
    return { status: 'unchanged', version: current.version };
  }
  if (options.apply === 'never' || (current && options.apply === 'ifEmpty'))
    return { status: 'planned', plan: await planChange(knex, set, files) };
  const result = await publish(knex, {
    definitions: set,
    files,
    source: SOURCE,
    allowDestructive: options.allowDestructive ?? false,
    note: SEED_NOTE.en,
    alsoInTransaction: (trx, version) => writeSeedHash(trx, SOURCE, hash, version),
  });
  return { status: 'published', ...result };
}
