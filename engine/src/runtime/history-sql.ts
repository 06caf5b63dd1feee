/*
 * The pure half of history-repo.ts: history as SQL text that pure builders (the reports' aggregates) put
 * into their one statement. The boundary rule keeps pure modules from importing the repository, so the
 * fragment lives here, beside its owner (table-owners.test.ts names it).
 */

/** SQL text with `?` placeholders and its bindings, in order. */
export interface HistorySql {
  sql: string;
  bindings: string[];
}

/** The columns a reader of a workflow's history gets: enough to follow stage changes, not the audit details. */
export const WORKFLOW_HISTORY_COLUMNS = ['id', 'record_id', 'from_state', 'to_state', 'owner_id', 'at'] as const;

/**
 * One workflow's history rows of one entity, as a derived table to alias (`from <this> h`): per record,
 * its start (`from_state` null), stage changes, approvals and SLA breaches, ordered by `id` within a
 * record. PostgreSQL pulls such a subquery up into the query around it, so the (entity, record_id, id)
 * index serves it as it served the table named directly.
 */
export function workflowHistorySql(entity: string, workflow: string): HistorySql {
  return {
    sql: `(select ${WORKFLOW_HISTORY_COLUMNS.join(', ')} from lodestar_history where entity = ? and workflow = ?)`,
    bindings: [entity, workflow],
  };
}

/**
 * Whether the record aliased `alias` has an approval decision for `step` (any step when null; `decision` or any
 * decision) since it entered its state: an EXISTS on the (entity, record_id, id) index, for the approval inbox.
 * Rows of `{ role }` approvals name only the role, which is their step's id.
 */
export function approvalDecidedSql(
  alias: string,
  entity: string,
  step: string | null,
  decision: 'approved' | 'rejected' | null,
): HistorySql {
  return {
    sql: `exists (select 1 from lodestar_history h where h.entity = ? and h.record_id = ${alias}.id${
      step === null ? '' : ' and coalesce(h.approval_step, h.approval_role) = ?'
    } and ${decision === null ? 'h.decision is not null' : 'h.decision = ?'} and h.at >= ${alias}.state_entered_at)`,
    bindings: [entity, ...(step === null ? [] : [step]), ...(decision === null ? [] : [decision])],
  };
}
