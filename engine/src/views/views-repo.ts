import type { SavedView } from '@lodestar/core';
import type { Knex } from 'knex';
import type { ViewBody } from './view-body.js';

/** A saved view as the API answers it: core's SavedView. */
export type ViewJson = SavedView;

const COLUMNS = 'id, entity, name, query, created_at';

/** The user's views of one entity, by name. */
export async function listViews(knex: Knex, userId: string, entity: string): Promise<ViewJson[]> {
  const rows = await knex('lodestar_saved_views')
    .select(knex.raw(COLUMNS))
    .where({ user_id: userId, entity })
    .orderBy([{ column: 'name' }, { column: 'id' }]);
  return rows.map(toViewJson);
}

/**
 * Saves a view: a new name inserts, a name the user already has for the entity replaces its query.
 * One statement (no read-then-write race); `xmax = 0` tells an inserted row from an updated one.
 */
export async function saveView(
  knex: Knex,
  userId: string,
  entity: string,
  body: ViewBody,
): Promise<{ view: ViewJson; created: boolean }> {
  const { rows } = await knex.raw(
    `insert into lodestar_saved_views (user_id, entity, name, query) values (?, ?, ?, ?::jsonb)
     on conflict (user_id, entity, name) do update set query = excluded.query, updated_at = now()
     returning ${COLUMNS}, (xmax = 0) as inserted`,
    [userId, entity, body.name, JSON.stringify(body.query)],
  );
  const row = rows[0] as Record<string, unknown>;
  return { view: toViewJson(row), created: row.inserted === true };
}

/** Deletes one of the user's views of the entity; false when there is no such view of theirs. */
export async function deleteView(knex: Knex, userId: string, entity: string, id: string): Promise<boolean> {
  return (await knex('lodestar_saved_views').where({ id, user_id: userId, entity }).delete()) > 0;
}

function toViewJson(row: Record<string, unknown>): ViewJson {
  const createdAt = row.created_at instanceof Date ? row.created_at.toISOString() : String(row.created_at);
  const query =
    typeof row.query === 'string'
      ? (JSON.parse(row.query) as Record<string, unknown>)
      : (row.query as Record<string, unknown>);
  return { id: String(row.id), entity: String(row.entity), name: String(row.name), query, createdAt };
}
