import type { Knex } from 'knex';
import { jsonParam } from '../audit/audit-sql.js';
import type { Text } from '../errors.js';
import type { CompiledEntity } from '../model/compile-model.js';
import { auditPart, deletedChanges, updatedChanges, type AuditWho } from '../records/audit-parts.js';
import { quoteIdent } from '../records/quote-ident.js';
import type { CtePart } from '../runtime/cte-parts.js';

/*
 * The owner of lodestar_imports, lodestar_import_records and lodestar_import_errors (import-tables.ts).
 * Every function takes its connection: the import's transaction, or the database for the job's row.
 */

const IMPORTS = 'lodestar_imports';
const RECORDS = 'lodestar_import_records';
const ERRORS = 'lodestar_import_errors';

export type ImportRow = Record<string, unknown>;

export async function insertImport(db: Knex, row: ImportRow): Promise<void> {
  await db(IMPORTS).insert(row);
}

export async function updateImport(db: Knex, id: string, columns: ImportRow): Promise<void> {
  await db(IMPORTS).where({ id }).update(columns);
}

export async function findImport(db: Knex, id: string): Promise<ImportRow | undefined> {
  return db(IMPORTS).where({ id }).first();
}

/** The advisory lock key of an import: its transaction holds it, so any engine can tell whether it still runs. */
const lockKey = (importId: string): string => BigInt(`0x${importId.replace(/-/g, '').slice(0, 15)}`).toString();

/** Taken first thing in the import's transaction, released by its commit, rollback or the process's death. */
export async function holdImportLock(trx: Knex, importId: string): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(?::bigint)', [lockKey(importId)]);
}

/**
 * An import row still `running` whose transaction no engine holds (the engine was killed: its transaction
 * rolled back with it) is marked failed; true when it was.
 */
export async function failIfInterrupted(db: Knex, importId: string, error: Text): Promise<boolean> {
  return db.transaction(async (trx) => {
    const { rows } = (await trx.raw('select pg_try_advisory_xact_lock(?::bigint) as free', [lockKey(importId)])) as {
      rows: { free: boolean }[];
    };
    if (!rows[0]?.free) return false;
    const changed = await trx(IMPORTS)
      .where({ id: importId, status: 'running' })
      .update({ status: 'failed', error: JSON.stringify(error), finished_at: trx.fn.now() });
    return changed > 0;
  });
}

/**
 * `ir`: one row per record the CTE `source` created (its id and version), in the statement that creates
 * them, so what undo takes back is exactly what committed.
 */
export function createdPart(source: string, importId: string, entity: string): CtePart {
  return {
    sql: `ir as (insert into ${RECORDS} (import_id, entity, record_id, action, version) select ?::uuid, ?::text, ${source}.id, 'create', ${source}.version from ${source})`,
    bindings: [importId, entity],
  };
}

/** What an import created or changed, for undo. */
export interface WrittenRecord {
  importId: string;
  entity: string;
  recordId: string;
  action: 'create' | 'update';
  version: number;
  before?: unknown;
}

/** Remembers one record the import created or changed (one by one: records with links or start actions). */
export async function recordWritten(db: Knex, row: WrittenRecord): Promise<void> {
  await recordsWritten(db, [row]);
}

/** Remembers records the import created or changed, in one insert per 1,000. */
export async function recordsWritten(db: Knex, rows: WrittenRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db(RECORDS).insert(
      rows.slice(i, i + 1000).map((row) => ({
        import_id: row.importId,
        entity: row.entity,
        record_id: row.recordId,
        action: row.action,
        version: row.version,
        before: row.before === undefined ? null : JSON.stringify(row.before),
      })),
    );
}

export interface BadRow {
  row: number;
  cells: unknown[];
  issues: unknown[];
}

export async function insertErrors(db: Knex, importId: string, rows: BadRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db(ERRORS).insert(
      rows.slice(i, i + 500).map((r) => ({
        import_id: importId,
        row_number: r.row,
        cells: JSON.stringify(r.cells),
        issues: JSON.stringify(r.issues),
      })),
    );
}

export async function readErrors(db: Knex, importId: string, limit?: number): Promise<BadRow[]> {
  const query = db(ERRORS).where({ import_id: importId }).orderBy('row_number');
  const rows = await (limit === undefined ? query : query.limit(limit));
  return rows.map((r: ImportRow) => ({
    row: Number(r.row_number),
    cells: r.cells as unknown[],
    issues: r.issues as unknown[],
  }));
}

/** The entities an import wrote, and how many of its records changed since (or are gone); rows locked. */
export async function changedSince(trx: Knex, importId: string, entity: CompiledEntity): Promise<number> {
  const table = quoteIdent(entity.table.name);
  await trx.raw(
    `select t.id from ${table} as t join ${RECORDS} as r on r.record_id = t.id and r.import_id = ? and r.entity = ? for update of t`,
    [importId, entity.id],
  );
  const { rows } = (await trx.raw(
    `select count(*)::int as n from ${RECORDS} as r left join ${table} as t on t.id = r.record_id
      where r.import_id = ? and r.entity = ? and (t.id is null or t.version <> r.version)`,
    [importId, entity.id],
  )) as { rows: { n: number }[] };
  return rows[0]!.n;
}

export async function importedEntities(db: Knex, importId: string): Promise<string[]> {
  const rows = await db(RECORDS).where({ import_id: importId }).distinct('entity');
  return rows.map((r: ImportRow) => r.entity as string);
}

/** Deletes the records an import created, each with its audit row; answers how many. */
export async function deleteCreated(
  trx: Knex,
  importId: string,
  entity: CompiledEntity,
  who: AuditWho,
): Promise<number> {
  const table = quoteIdent(entity.table.name);
  const audit = auditPart('d', entity, 'delete', who, deletedChanges('d'), jsonParam({ undoImport: importId }));
  const { rows } = (await trx.raw(
    `with d as (delete from ${table} as t using ${RECORDS} as r
        where r.import_id = ? and r.entity = ? and r.action = 'create' and r.record_id = t.id returning t.*),
      ${audit.sql} select count(*)::int as n from d`,
    [importId, entity.id, ...audit.bindings],
  )) as { rows: { n: number }[] };
  return rows[0]!.n;
}

/** Puts back the values an import changed, each record with a new version and its audit row; answers how many. */
export async function restoreUpdated(
  trx: Knex,
  importId: string,
  entity: CompiledEntity,
  who: AuditWho,
): Promise<number> {
  const { rows: keys } = (await trx.raw(
    `select distinct jsonb_object_keys(before) as k from ${RECORDS} where import_id = ? and entity = ? and action = 'update'`,
    [importId, entity.id],
  )) as { rows: { k: string }[] };
  const names = keys.map((k) => k.k).filter((k) => entity.table.columns.some((c) => c.name === k));
  if (!names.length) return 0;
  const table = quoteIdent(entity.table.name);
  const sets = names.map(
    (name) =>
      `${quoteIdent(name)} = case when jsonb_exists(r.before, ?) then p.${quoteIdent(name)} else t.${quoteIdent(name)} end`,
  );
  const changes = updatedChanges(entity, 'u', names);
  const audit = auditPart('u', entity, 'update', who, changes, jsonParam({ undoImport: importId }));
  const { rows } = (await trx.raw(
    `with u as (update ${table} as t set ${sets.join(', ')}, version = t.version + 1, updated_at = now()
        from ${RECORDS} as r, lateral jsonb_populate_record(null::${table}, r.before) as p
        where r.import_id = ? and r.entity = ? and r.action = 'update' and r.record_id = t.id returning t.*),
      ${audit.sql} select count(*)::int as n from u`,
    [...names, importId, entity.id, ...audit.bindings],
  )) as { rows: { n: number }[] };
  return rows[0]!.n;
}

/** Import jobs queued and running (metrics/backlog.ts composes it into one statement). */
export const importsBacklogSql = (): string =>
  `(select count(*) from ${IMPORTS} where status = 'queued') as imports_queued,
    (select count(*) from ${IMPORTS} where status = 'running') as imports_running`;
