import type { Knex } from 'knex';
import { toAuditActor } from '../audit/audit-entry.js';
import { auditInsertFromCte, changesSql, type SqlFragment } from '../audit/audit-sql.js';
import { quoteIdent } from '../records/quote-ident.js';
import type { HandoverTarget } from './handover-plan.js';

export interface HandoverParams {
  fromUserId: string;
  toUserId: string;
  actorId: string | null;
  requestId?: string | undefined;
}

/**
 * ONE statement per entity: move the records to the new owner (a new version, so writers holding the old
 * one get 409 and remembered rows are re-read), write one 'handover' audit row per moved record with
 * `{ owner_id: [from, to] }`, and answer how many moved as `n`.
 */
export function moveOwnerSql(target: HandoverTarget, params: HandoverParams): SqlFragment {
  const where = ownedWhere(target, params.fromUserId);
  const audit = auditInsertFromCte({
    cte: 'moved',
    actorId: params.actorId,
    entity: target.entity,
    action: 'handover',
    requestId: params.requestId,
    recordIdSql: 'moved.id::text',
    changesSql: changesSql({
      owner_id: [
        { sql: '?::uuid', bindings: [params.fromUserId] },
        { sql: '?::uuid', bindings: [params.toUserId] },
      ],
    }),
  });
  return {
    sql:
      `with moved as (update ${quoteIdent(target.table)} as t set owner_id = ?::uuid, version = t.version + 1, updated_at = now(), updated_by = ?::uuid ` +
      `where ${where.sql} returning t.id), audited as (${audit.sql}) select count(*) as n from moved`,
    bindings: [params.toUserId, toAuditActor(params.actorId), ...where.bindings, ...audit.bindings],
  };
}

/** How many records moveOwnerSql would move (a dry run): the same condition, counted. */
export function countOwnedSql(target: HandoverTarget, fromUserId: string): SqlFragment {
  const where = ownedWhere(target, fromUserId);
  return {
    sql: `select count(*) as n from ${quoteIdent(target.table)} as t where ${where.sql}`,
    bindings: where.bindings,
  };
}

function ownedWhere(target: HandoverTarget, fromUserId: string): { sql: string; bindings: Knex.RawBinding[] } {
  if (target.closedStates.length === 0) return { sql: 't.owner_id = ?::uuid', bindings: [fromUserId] };
  // A record not started in a workflow (state null) is open too.
  const list = target.closedStates.map(() => '?').join(', ');
  return {
    sql: `t.owner_id = ?::uuid and (t.state is null or t.state not in (${list}))`,
    bindings: [fromUserId, ...target.closedStates],
  };
}
