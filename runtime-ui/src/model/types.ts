import type { ResponseOf } from '@lodestar/ui-shared';

// The definition types (entities, fields, workflows) come from @lodestar/core, generated from the meta-schemas;
// the answers of fixed routes from the engine's contracts (ui-shared's generated client). Here: their names,
// and records, whose routes are documented per entity.

/** The engine's own classification of a field (`/meta/entities` → `kinds`), so the UI never re-derives it. */
export type { FieldKind } from '@lodestar/core';

/** What the signed-in user may do with one entity: scopes (`none`, `own`, `team`, `all`) and read-only fields. */
export type EntityPermissions = ResponseOf<'/meta/entities', 'get'>['permissions'][string];

/** The signed-in user (`GET /auth/me`). */
export type Me = ResponseOf<'/auth/me', 'get'>;

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
