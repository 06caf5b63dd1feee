import type { ResponseOf } from '@lodestar/ui-shared';

// The definition types (entities, fields, workflows) come from @lodestar/core, generated from the meta-schemas;
// the answers of fixed routes from the engine's contracts (ui-shared's generated client), and records from core's
// envelope types, which the engine builds its answers with. Here only their names.

/** The engine's own classification of a field (`/meta/entities` → `kinds`), so the UI never re-derives it. */
export type { FieldKind } from '@lodestar/core';

/** What the signed-in user may do with one entity: scopes (`none`, `own`, `team`, `all`) and read-only fields. */
export type { EffectivePermissions as EntityPermissions } from '@lodestar/core';

/** The signed-in user (`GET /auth/me`). */
export type Me = ResponseOf<'/auth/me', 'get'>;

/**
 * A stored record as the API returns it (its system attributes snake_case, as filters and sorts name them
 * too), and a keyset page of `GET /api/v1/records/{entity}`.
 */
export type { RecordJson, RecordPage } from '@lodestar/core';
