import type { SavedView, ViewSharing } from '@lodestar/core';
import type { Knex } from 'knex';
import type { Actor } from '../actor.js';
import type { ViewBody } from './view-body.js';
import { unitAndAboveSql, userNameJoinSql } from '../identity/users-repo.js';

/** A saved view as the API answers it: core's SavedView. */
export type ViewJson = SavedView;

const COLUMNS =
  'v.id, v.entity, v.name, v.query, v.created_at, v.user_id, v.shared_unit_id, v.shared_role, u.display_name as owner_name';

/** Administrators manage every view: share, unshare and delete. */
const isAdmin = (actor: Actor) => actor.roles.includes('admin');

/**
 * The views of one entity the actor sees: their own first (by name), then those shared with a role they hold
 * or with their org unit or a unit above it (a team's view reaches the teams below it).
 */
export async function listViews(knex: Knex, actor: Actor, entity: string): Promise<ViewJson[]> {
  const { rows } = await knex.raw(
    `select ${COLUMNS} from lodestar_saved_views as v ${userNameJoinSql('u', 'v.user_id')}
      where v.entity = ? and (v.user_id = ? or v.shared_role = any(?::text[]) or v.shared_unit_id in (
        ${unitAndAboveSql()}))
      order by (v.user_id = ?) desc, v.name, v.id`,
    [entity, actor.id, actor.roles, actor.orgUnitId ?? null, actor.id],
  );
  return (rows as Record<string, unknown>[]).map((row) => toViewJson(row, actor.id));
}

/**
 * Saves a view: a new name inserts, a name the user already has for the entity replaces its query.
 * One statement (no read-then-write race); `xmax = 0` tells an inserted row from an updated one.
 */
export async function saveView(
  knex: Knex,
  actor: Actor,
  entity: string,
  body: ViewBody,
): Promise<{ view: ViewJson; created: boolean }> {
  const { rows } = await knex.raw(
    `with v as (insert into lodestar_saved_views (user_id, entity, name, query) values (?, ?, ?, ?::jsonb)
       on conflict (user_id, entity, name) do update set query = excluded.query, updated_at = now()
       returning *, (xmax = 0) as inserted)
     select ${COLUMNS}, v.inserted from v ${userNameJoinSql('u', 'v.user_id')}`,
    [actor.id, entity, body.name, JSON.stringify(body.query)],
  );
  const row = rows[0] as Record<string, unknown>;
  return { view: toViewJson(row, actor.id), created: row.inserted === true };
}

/** Shares one view (its owner's or, for an administrator, anyone's); undefined when there is no such view. */
export async function shareView(
  knex: Knex,
  actor: Actor,
  entity: string,
  id: string,
  sharing: ViewSharing | null,
): Promise<ViewJson | undefined> {
  const { rows } = await knex.raw(
    `with v as (update lodestar_saved_views set shared_unit_id = ?, shared_role = ?, updated_at = now()
       where id = ? and entity = ? and (user_id = ? or ?) returning *)
     select ${COLUMNS} from v ${userNameJoinSql('u', 'v.user_id')}`,
    [sharing?.unitId ?? null, sharing?.role ?? null, id, entity, actor.id, isAdmin(actor)],
  );
  const row = rows[0] as Record<string, unknown> | undefined;
  return row && toViewJson(row, actor.id);
}

/** Deletes one of the user's views of the entity (an administrator: anyone's); false when there is none. */
export async function deleteView(knex: Knex, actor: Actor, entity: string, id: string): Promise<boolean> {
  const query = knex('lodestar_saved_views').where({ id, entity });
  if (!isAdmin(actor)) query.where({ user_id: actor.id });
  return (await query.delete()) > 0;
}

function toViewJson(row: Record<string, unknown>, callerId: string): ViewJson {
  const createdAt = row.created_at instanceof Date ? row.created_at.toISOString() : String(row.created_at);
  const query =
    typeof row.query === 'string'
      ? (JSON.parse(row.query) as Record<string, unknown>)
      : (row.query as Record<string, unknown>);
  const sharing: ViewSharing = {
    ...(row.shared_unit_id ? { unitId: String(row.shared_unit_id) } : {}),
    ...(row.shared_role ? { role: String(row.shared_role) } : {}),
  };
  return {
    id: String(row.id),
    entity: String(row.entity),
    name: String(row.name),
    query,
    createdAt,
    mine: row.user_id === callerId,
    ownerId: String(row.user_id),
    ownerName: String(row.owner_name),
    sharedWith: sharing.unitId || sharing.role ? sharing : null,
  };
}
