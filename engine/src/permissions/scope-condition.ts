import type { Scope } from '../definitions/roles.js';
import type { Actor } from '../actor.js';
import { UUID_RE } from '@lodestar/core';

/** A WHERE condition with `?` placeholders and its bound values. */
export interface SqlCondition {
  sql: string;
  bindings: unknown[];
}

const NOTHING: SqlCondition = { sql: 'false', bindings: [] };

/**
 * The records a scope reaches, as a condition on the row aliased `alias`; undefined for `all` (no
 * condition at all, so an unrestricted query is the very same statement). Team is every record
 * owned by a user in the actor's unit or below, read from the org tree at query time, so moving a
 * user between units takes effect at once; an actor outside any unit has only their own records.
 * `ownOrUnowned` / `teamOrUnowned` add the records nobody owns (a pool), as `owner_id is null`.
 */
export function scopeCondition(scope: Scope, actor: Actor, alias = 't'): SqlCondition | undefined {
  if (scope === 'all') return undefined;
  const unowned = scope === 'ownOrUnowned' || scope === 'teamOrUnowned';
  const owned = ownedCondition(unowned ? (scope === 'ownOrUnowned' ? 'own' : 'team') : scope, actor, alias);
  if (!unowned) return owned;
  const nobody = `${alias}.owner_id is null`;
  return owned === NOTHING
    ? { sql: nobody, bindings: [] }
    : { sql: `(${owned.sql} or ${nobody})`, bindings: owned.bindings };
}

function ownedCondition(scope: 'none' | 'own' | 'team', actor: Actor, alias: string): SqlCondition {
  if (scope === 'none' || !isUuid(actor.id)) return NOTHING;
  if (scope === 'own' || !actor.orgUnitId) return { sql: `${alias}.owner_id = ?`, bindings: [actor.id] };
  // Members read at the request's start: the planner sees the very list, as it sees an own scope's one id, and
  // chooses the same plans (an index walk per owner, or the sort index with a cheap filter).
  // Bound as one array literal: knex would spread a JavaScript array into a list of parameters.
  if (actor.teamMembers)
    return { sql: `${alias}.owner_id = any(?::uuid[])`, bindings: [`{${actor.teamMembers.join(',')}}`] };
  // `= any(array(…))`, not `in (…)`: the member list becomes one value computed once (an InitPlan),
  // so the planner walks the (owner_id, …) index per member or the sort index with a cheap filter.
  // `in (subquery)` is planned as a join whose row estimate (from the org tree, often never analyzed)
  // decides the plan, and measured up to 100× slower on a 1M-row table (bench/RESULTS.md).
  return { sql: `${alias}.owner_id = any(array(${TEAM_MEMBERS}))`, bindings: [actor.orgUnitId] };
}

/**
 * The ids of users in a unit (bound) and every unit below it (paths are `/root/…/unit/`). The pure half of
 * identity/users-repo.ts: list filters embed it in their one statement (table-owners.test.ts).
 */
export const TEAM_MEMBERS =
  'select u.id from lodestar_users as u join lodestar_org_units as o on o.id = u.org_unit_id ' +
  "where o.path like (select p.path || '%' from lodestar_org_units as p where p.id = ?)";

/** Both conditions (either may be absent). */
export function bothConditions(a: SqlCondition | undefined, b: SqlCondition | undefined): SqlCondition | undefined {
  if (!a || !b) return a ?? b;
  return { sql: `(${a.sql}) and (${b.sql})`, bindings: [...a.bindings, ...b.bindings] };
}

function isUuid(id: string): boolean {
  return UUID_RE.test(id);
}
