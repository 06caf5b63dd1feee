import type { Request, RequestHandler } from 'express';
import type { Actor, IdentifyActor } from '../actor.js';

export type { IdentifyActor };

/** The actor of a request no identity vouches for: no user, no roles. */
export const ANONYMOUS: Actor = { id: 'anonymous', roles: [] };

const ACTOR = Symbol('actor');

/** Resolves the actor once per request, before any route runs. */
export function identifyActor(identify: IdentifyActor = () => ANONYMOUS): RequestHandler {
  return (req, _res, next) => {
    const set = (actor: Actor) => {
      (req as unknown as Record<symbol, Actor>)[ACTOR] = actor;
      next();
    };
    // An identity that answers synchronously (a fixed actor in tests) costs no extra tick; bearer tokens are looked up.
    const actor = identify(req);
    if (actor instanceof Promise) return actor.then(set);
    set(actor);
  };
}

/** The actor of this request. */
export function actorOf(req: Request): Actor {
  return (req as unknown as Record<symbol, Actor>)[ACTOR] ?? ANONYMOUS;
}

/** Replaces the actor for the rest of this request: preview mode acts as the previewed role or user. */
export function actAs(req: Request, actor: Actor): void {
  (req as unknown as Record<symbol, Actor>)[ACTOR] = actor;
}
