import type { Knex } from 'knex';
import { runPrepared } from '../db/prepared.js';
import type { CompiledEntity } from '../model/compile-model.js';
import type { SqlCondition } from '../permissions/scope-condition.js';
import { auditPart, createdChanges, deletedChanges, updatedChanges, withAudit, type AuditWho } from './audit-parts.js';
import { toInsertSql, toUpdateSql, type Row, type RowChange } from './records-repo.js';
import { quoteIdent } from './quote-ident.js';
import { toSelectSql } from './to-sql.js';

/** Columns a write sets that are not the change itself. */
const STAMPS = new Set(['created_by', 'updated_by']);

/** Inserts a row and its `create` audit row in one statement; the full record. */
export async function insertAudited(db: Knex, entity: CompiledEntity, columns: Row, who: AuditWho): Promise<Row> {
  const statement = withAudit(toInsertSql(entity, columns), (source) =>
    auditPart(source, entity, 'create', who, createdChanges(source)),
  );
  return (await runPrepared<Row>(db, statement.sql, statement.bindings as Knex.RawBinding[]))[0]!;
}

/**
 * The conditional update of updateRow plus its `update` audit row (the changed columns, before and
 * after), in one statement; `links` adds many-to-many changes the caller computed. Undefined when no
 * row matched (and then no audit row is written either).
 */
export async function updateAudited(
  db: Knex,
  entity: CompiledEntity,
  change: RowChange,
  who: AuditWho,
  links?: Record<string, [unknown, unknown]>,
): Promise<Row | undefined> {
  const names = Object.keys(change.columns).filter((name) => !STAMPS.has(name));
  const statement = withAudit(toUpdateSql(entity, change), (source) => {
    const changes = updatedChanges(entity, source, names);
    const all = links && Object.keys(links).length ? merged(changes, links) : changes;
    return auditPart(source, entity, 'update', who, all);
  });
  return (await runPrepared<Row>(db, statement.sql, statement.bindings as Knex.RawBinding[]))[0];
}

/** Deletes a row at a version (within `condition`) with its `delete` audit row (the values it had); the deleted row, if any. */
export async function deleteAudited(
  db: Knex,
  entity: CompiledEntity,
  target: { id: string; version: number; condition?: SqlCondition | undefined },
  who: AuditWho,
): Promise<Row | undefined> {
  const scope = target.condition ? ` and (${target.condition.sql})` : '';
  const sql = `delete from ${quoteIdent(entity.table.name)} as t where t.id = ? and t.version = ?${scope} returning ${toSelectSql(entity)}`;
  const statement = withAudit(
    { sql, bindings: [target.id, target.version, ...(target.condition?.bindings ?? [])] },
    (source) => auditPart(source, entity, 'delete', who, deletedChanges(source)),
  );
  return ((await db.raw(statement.sql, statement.bindings as Knex.RawBinding[])) as { rows: Row[] }).rows[0];
}

function merged(changes: string | { sql: string; bindings: unknown[] }, extra: Record<string, [unknown, unknown]>) {
  const base = typeof changes === 'string' ? { sql: changes, bindings: [] } : changes;
  return { sql: `(${base.sql} || ?::jsonb)`, bindings: [...base.bindings, JSON.stringify(extra)] as Knex.RawBinding[] };
}
