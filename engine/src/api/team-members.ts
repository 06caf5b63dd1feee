import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import type { Actor } from '../actor.js';
import { isAdmin } from '../permissions/entity-grant.js';
import { reachesByTeam } from '../permissions/model-access.js';
import { TEAM_MEMBERS } from '../permissions/scope-condition.js';
import { runPrepared } from '../db/prepared.js';
import { actAs, actorOf } from './actor.js';
import { modelOf } from './pin-model.js';

/**
 * Reads the actor's team once per request, for actors whose roles reach records by team: every team
 * condition of the request then binds the member ids (scope-condition.ts). Read per request, not cached,
 * so a user moved between units counts for their new team at once, as the org tree says. A team condition
 * as a subquery made the planner guess the team's size and walk the wrong index (bench/RESULTS.md).
 */
export function readTeamMembers(knex: Knex): RequestHandler {
  return (req, _res, next) => {
    const actor = actorOf(req);
    if (!actor.orgUnitId || actor.teamMembers || isAdmin(actor.roles) || !reachesByTeam(modelOf(req), actor.roles))
      return next();
    teamOf(knex, actor).then((members) => {
      actAs(req, { ...actor, teamMembers: members });
      next();
    }, next);
  };
}

async function teamOf(knex: Knex, actor: Actor): Promise<string[]> {
  const [row] = await runPrepared<{ ids: string[] }>(knex, `select array(${TEAM_MEMBERS})::text[] as ids`, [
    actor.orgUnitId!,
  ]);
  return row?.ids ?? [];
}
