// The definition types (entities, fields, workflows) come from @lodestar/core, generated from the meta-schemas.
// Here: what the API answers about the signed-in user and records.

/** The engine's own classification of a field (`/meta/entities` → `kinds`), so the UI never re-derives it. */
export type { FieldKind } from '@lodestar/core';

/** What the signed-in user may do with one entity: scopes (`none`, `own`, `team`, `all`) and read-only fields. */
export interface EntityPermissions {
  read: string;
  create: string;
  update: string;
  delete: string;
  readOnly: string[];
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  orgUnitId: string | null;
}

/**
 * A stored record as the API returns it: its fields plus the system attributes `id`, `record_type`,
 * `state`, `state_entered_at`, `sla_breached_at`, `owner_id`, `created_at`, `updated_at`, `created_by`,
 * `updated_by` and `version` (snake_case, as filters and sorts name them too).
 */
export type RecordJson = Record<string, unknown> & { id: string };

/** A keyset page of `GET /api/v1/records/{entity}`. */
export interface RecordPage {
  data: RecordJson[];
  nextCursor: string | null;
}
