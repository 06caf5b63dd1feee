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
