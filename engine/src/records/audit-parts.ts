import { auditInsertFromCte, type SqlExpr } from '../audit/audit-sql.js';
import type { AuditAction } from '../audit/audit-entry.js';
import type { CompiledEntity } from '../model/compile-model.js';
import type { CtePart } from '../runtime/cte-parts.js';
import { quoteIdent } from './quote-ident.js';

/** Who makes a change, as the audit trail records it. */
export interface AuditWho {
  actorId?: string | null | undefined;
  requestId?: string | undefined;
}

/**
 * The audit row of each record the CTE `source` wrote, as a further CTE part `a`: the write and its
 * trail are one statement, so neither commits without the other.
 */
export function auditPart(
  source: string,
  entity: CompiledEntity,
  action: AuditAction,
  who: AuditWho,
  changes: SqlExpr,
  detail?: SqlExpr,
): CtePart {
  const audit = auditInsertFromCte({
    cte: source,
    actorId: who.actorId,
    entity: entity.id,
    action,
    requestId: who.requestId,
    recordIdSql: `${source}.id::text`,
    changesSql: changes,
    ...(detail && { detailSql: detail }),
  });
  return { sql: `a as (${audit.sql})`, bindings: audit.bindings };
}

/** Columns every write touches, which say nothing of the change itself. */
const BOOKKEEPING = `('id', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by', 'state_entered_at', 'sla_due_at', 'search_doc')`;

/** A new record's values as `{ field: [null, value] }`, empty ones left out. */
export function createdChanges(source: string): string {
  return wholeRowChanges(source, 'jsonb_build_array(null, e.value)');
}

/** A deleted record's values as `{ field: [value, null] }`, empty ones left out. */
export function deletedChanges(source: string): string {
  return wholeRowChanges(source, 'jsonb_build_array(e.value, null)');
}

function wholeRowChanges(source: string, pair: string): string {
  return `(select coalesce(jsonb_object_agg(e.key, ${pair}), '{}'::jsonb) from jsonb_each(to_jsonb(${source})) as e where e.value not in ('null'::jsonb, '[]'::jsonb) and e.key not in ${BOOKKEEPING})`;
}

/**
 * `{ field: [before, after] }` of the columns `names` that an UPDATE in the CTE `source` changed. The
 * "before" side reads the table itself: every part of one statement sees the snapshot taken before
 * it, so that is the row as the update found it (at the version the update matched).
 */
export function updatedChanges(entity: CompiledEntity, source: string, names: string[]): SqlExpr {
  if (!names.length) return `'{}'::jsonb`;
  const pairs = names.map(
    (name) => `?::text, jsonb_build_array(to_jsonb(o.${quoteIdent(name)}), to_jsonb(${source}.${quoteIdent(name)}))`,
  );
  return {
    sql:
      `(select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from ${quoteIdent(entity.table.name)} as o, ` +
      `jsonb_each(jsonb_build_object(${pairs.join(', ')})) as e where o.id = ${source}.id and (e.value -> 0) is distinct from (e.value -> 1))`,
    bindings: names,
  };
}

/** `with w as (<statement>), a as (<audit of w>) select * from w`: a single write statement with its audit row. */
export function withAudit(
  statement: { sql: string; bindings: unknown[] },
  audit: (source: string) => CtePart,
): { sql: string; bindings: unknown[] } {
  const part = audit('w');
  return {
    sql: `with w as (${statement.sql}), ${part.sql} select w.* from w`,
    bindings: [...statement.bindings, ...part.bindings],
  };
}
