import type { Request, RequestHandler } from 'express';
import type { Actor } from '../workflow/reference.js';

/** Who sends a request; identity (logins, tokens, API keys) plugs in here. */
export type IdentifyActor = (req: Request) => Actor | Promise<Actor>;

/** The actor of a request no identity vouches for: no user, no roles. */
export const ANONYMOUS: Actor = { id: 'anonymous', roles: [] };

const ACTOR = Symbol('actor');

/** Resolves the actor once per request, before any route runs. */
export function identifyActor(identify: IdentifyActor = () => ANONYMOUS): RequestHandler {
  return async (req, _res, next) => {
    (req as unknown as Record<symbol, Actor>)[ACTOR] = await identify(req);
    next();
  };
}

/** The actor of this request. */
export function actorOf(req: Request): Actor {
  return (req as unknown as Record<symbol, Actor>)[ACTOR] ?? ANONYMOUS;
}
