import type { Knex } from 'knex';
import { toAuditActor, type AuditAction } from './audit-entry.js';

/** A piece of SQL and its `?` bindings, in text order. */
export interface SqlFragment {
  sql: string;
  bindings: Knex.RawBinding[];
}

/** A SQL expression: plain text (no bindings), or text with its bindings. */
export type SqlExpr = string | SqlFragment;

export interface AuditFromCte {
  /** The CTE whose rows are the changed records, e.g. 'moved' in `with moved as (update … returning t.id)`. */
  cte: string;
  /** Who changed them; null or a non-uuid ('system') is stored as null, the engine itself. */
  actorId: string | null | undefined;
  /** An entity id, or one of AUDIT_OBJECTS. The same for every row. */
  entity: string;
  action: AuditAction;
  requestId?: string | null | undefined;
  /** The record id of each row, as text, over the CTE's columns: e.g. `moved.id::text`. */
  recordIdSql: SqlExpr;
  /** The `{ field: [before, after] }` jsonb of each row (default `'{}'`); see changesSql() to build one. */
  changesSql?: SqlExpr;
  /** The detail jsonb of each row (default null); jsonParam(value) binds one constant value for all rows. */
  detailSql?: SqlExpr;
}

const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `insert into lodestar_audit (…) select … from <cte>`: one audit row per row of the CTE, so an audited
 * change is ONE statement, the write and its trail committing together (no transaction needed).
 *
 * Compose it after the CTE that writes and RETURNs the records, either as the statement's main part
 *
 *     const audit = auditInsertFromCte({ cte: 'moved', actorId, entity: 'opportunity', action: 'handover',
 *       requestId, recordIdSql: 'moved.id::text',
 *       changesSql: changesSql({ owner_id: [{ sql: '?::uuid', bindings: [from] }, 'moved.owner_id'] }) });
 *     await trx.raw(`with moved as (update "opportunity" as t set owner_id = ? where t.owner_id = ? returning t.id, t.owner_id) ${audit.sql}`,
 *                   [to, from, ...audit.bindings]);
 *
 * or as a further CTE, `…, audited as (${audit.sql}) select …`. Bindings follow the SQL text, so pass the
 * bindings of everything written before `audit.sql` first. The text has `?` placeholders (knex raw style);
 * a caller's fragment that needs the jsonb `?` operator must escape it as `\\?`.
 *
 * RETURNING shows the row after the change only (PostgreSQL 15), so "before" values come from the caller:
 * a bound constant, as above, or a column of an earlier CTE that read the row (`select … for update`)
 * joined into `cte`.
 */
export function auditInsertFromCte(options: AuditFromCte): SqlFragment {
  if (!SAFE_NAME.test(options.cte)) throw new Error(`unsafe CTE name: ${JSON.stringify(options.cte)}`);
  const recordId = toFragment(options.recordIdSql);
  const changes = toFragment(options.changesSql ?? `'{}'::jsonb`);
  const detail = toFragment(options.detailSql ?? 'null::jsonb');
  return {
    sql:
      'insert into lodestar_audit (actor_id, entity, record_id, action, changes, detail, request_id) ' +
      `select ?::uuid, ?::text, (${recordId.sql})::text, ?::text, (${changes.sql})::jsonb, (${detail.sql})::jsonb, ?::text from ${options.cte}`,
    bindings: [
      toAuditActor(options.actorId),
      options.entity,
      ...recordId.bindings,
      options.action,
      ...changes.bindings,
      ...detail.bindings,
      options.requestId ?? null,
    ],
  };
}

/**
 * The changes jsonb `{ field: [before, after], … }` from a SQL expression per side, e.g.
 * `changesSql({ owner_id: [{ sql: '?::uuid', bindings: [from] }, 'moved.owner_id'] })`. Field names are bound,
 * never spliced into the text.
 */
export function changesSql(fields: Record<string, readonly [SqlExpr, SqlExpr]>): SqlFragment {
  const entries = Object.entries(fields);
  if (entries.length === 0) return { sql: `'{}'::jsonb`, bindings: [] };
  const parts = entries.map(([name, [before, after]]) => {
    const b = toFragment(before);
    const a = toFragment(after);
    return { sql: `?::text, jsonb_build_array(${b.sql}, ${a.sql})`, bindings: [name, ...b.bindings, ...a.bindings] };
  });
  return {
    sql: `jsonb_build_object(${parts.map((p) => p.sql).join(', ')})`,
    bindings: parts.flatMap((p) => p.bindings),
  };
}

/** One JSON value, bound as a parameter: the same detail (or changes) for every row. */
export function jsonParam(value: unknown): SqlFragment {
  return { sql: '?::jsonb', bindings: [JSON.stringify(value ?? null)] };
}

function toFragment(expr: SqlExpr): SqlFragment {
  return typeof expr === 'string' ? { sql: expr, bindings: [] } : expr;
}
