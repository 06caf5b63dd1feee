import type { Request } from 'express';

/**
 * Who acts: the user id and the roles that user holds. Every layer judges by it (permissions, guards,
 * history), so it lives below them all; the API resolves it once per request (api/actor.ts).
 */
export interface Actor {
  id: string;
  roles: string[];
  /** The org unit the user belongs to (team scopes); absent for the engine itself. */
  orgUnitId?: string | null;
  /**
   * The users of that unit and the units below it, read once at the start of a request whose roles reach
   * records by team (api/team-members.ts): team conditions then bind the list instead of a subquery.
   */
  teamMembers?: readonly string[];
}

/** Who sends a request; identity (logins, tokens, API keys) plugs in here. */
export type IdentifyActor = (req: Request) => Actor | Promise<Actor>;
