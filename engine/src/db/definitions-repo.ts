import type { StoredDraft, StoredVersion, VersionSummary } from '@lodestar/core';
import type { Knex } from 'knex';

// The rows are core's types, as the meta routes answer them: timestamps become ISO text when read.
export type { StoredDraft, StoredVersion };

const VERSIONS = 'lodestar_model_versions';

/** A timestamp column as ISO text (node-postgres and PGlite hand over a Date). */
function instant(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

function toVersion<Row extends { published_at: unknown }>(row: Row | undefined) {
  return row && { ...row, published_at: instant(row.published_at) };
}

function toDraft(row: StoredDraft): StoredDraft {
  return { ...row, updated_at: instant(row.updated_at) };
}

/** The newest published version, or undefined on an empty database. */
export async function readCurrentVersion(knex: Knex): Promise<StoredVersion | undefined> {
  return toVersion(await knex<StoredVersion>(VERSIONS).orderBy('version', 'desc').first());
}

export async function readLatestVersionNumber(knex: Knex): Promise<number | undefined> {
  const row = await knex(VERSIONS).max<{ max: number | null }>('version as max').first();
  return row?.max ?? undefined;
}

export async function readVersion(knex: Knex, version: number): Promise<StoredVersion | undefined> {
  return toVersion(await knex<StoredVersion>(VERSIONS).where({ version }).first());
}

/** Version summaries, newest first, without the definitions themselves. */
export async function listVersions(knex: Knex): Promise<Omit<VersionSummary, 'noteText'>[]> {
  const rows = await knex<VersionSummary>(VERSIONS)
    .select('version', 'hash', 'source', 'note', 'published_by', 'published_at')
    .orderBy('version', 'desc');
  return rows.map((row) => toVersion(row)!);
}

/** Appends version N+1. Versions are immutable: there is no update or delete. */
export async function insertVersion(trx: Knex.Transaction, row: Omit<StoredVersion, 'published_at'>): Promise<void> {
  await trx(VERSIONS).insert({ ...row, definitions: JSON.stringify(row.definitions), plan: JSON.stringify(row.plan) });
}

/** Serializes publishes: the second waits, then sees the first's version. */
export async function lockVersions(trx: Knex.Transaction): Promise<void> {
  await trx.raw(`LOCK TABLE ${VERSIONS} IN EXCLUSIVE MODE`);
}

/** The stored drafts, by id; with `id`, that one or none (an empty list, so "no draft yet" is not an error). */
export async function listDrafts(knex: Knex, id?: string): Promise<StoredDraft[]> {
  const query = knex<StoredDraft>('lodestar_drafts').orderBy('id');
  return (await (id === undefined ? query : query.where({ id }))).map(toDraft);
}

export async function readDraft(knex: Knex, id: string): Promise<StoredDraft | undefined> {
  const row = await knex<StoredDraft>('lodestar_drafts').where({ id }).first();
  return row && toDraft(row);
}

export async function writeDraft(knex: Knex, draft: Omit<StoredDraft, 'updated_at'>): Promise<void> {
  await knex('lodestar_drafts')
    .insert({ ...draft, definitions: JSON.stringify(draft.definitions), updated_at: knex.fn.now() })
    .onConflict('id')
    .merge();
}

export async function deleteDraft(knex: Knex, id: string): Promise<number> {
  return knex('lodestar_drafts').where({ id }).del();
}

/** Every seed row, newest model version first: what installed the model, and when. */
export async function listSeeds(knex: Knex): Promise<{ source: string; version: number }[]> {
  return knex('lodestar_seeds').orderBy('version', 'desc').select('source', 'version');
}

export async function readSeedHash(knex: Knex, source: string): Promise<{ hash: string; version: number } | undefined> {
  return knex('lodestar_seeds').where({ source }).first('hash', 'version');
}

export async function writeSeedHash(
  trx: Knex.Transaction,
  source: string,
  hash: string,
  version: number,
): Promise<void> {
  await trx('lodestar_seeds').insert({ source, hash, version, seeded_at: trx.fn.now() }).onConflict('source').merge();
}

/** The newest published version number, for a PGlite folder read on its own (db/pglite-archive.ts). */
export const LATEST_VERSION_SQL = `select max(version) as max from ${VERSIONS}`;
