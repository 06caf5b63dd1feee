/*
 * The audit trail as the API answers it (`GET /records/{entity}/{id}/audit`, `GET /admin/audit`): engine
 * audit/audit-repo.ts reads it, the runtime UI's audit tab shows it.
 */

export type AuditAction = 'create' | 'update' | 'delete' | 'transition' | 'handover' | 'publish' | 'permission';

/** `{ field: [before, after] }`, JSON values (a Date is its ISO text); null stands for "no value". */
export type AuditChanges = Record<string, [unknown, unknown]>;

/** One audit row. `id` is text: it is a bigint, and the cursor of the next page. */
export interface AuditRow {
  id: string;
  at: string;
  /** null: the engine itself. */
  actorId: string | null;
  /** An entity id, or `lodestar.user`, `lodestar.orgUnit`, `lodestar.model`. */
  entity: string;
  recordId: string;
  action: AuditAction;
  changes: AuditChanges;
  /** What the change was beyond field values: `{ event, from, to }` of a transition, a publish's plan summary. */
  detail: unknown;
  requestId: string | null;
}

/** A page of audit rows, newest first. */
export interface AuditPage {
  data: AuditRow[];
  /** The cursor of the next (older) page; null on the last page. */
  nextCursor: string | null;
}
