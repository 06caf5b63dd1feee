import type { RequestHandler } from 'express';
import { ForbiddenError } from '../errors.js';
import { isAdmin } from '../permissions/entity-grant.js';
import { actorOf } from './actor.js';

/** Lets only administrators through; `what` completes "only administrators …" in the 403. */
export function adminOnly(what: string): RequestHandler {
  return (req, _res, next) => {
    if (!isAdmin(actorOf(req).roles)) throw new ForbiddenError(`only administrators ${what}`);
    next();
  };
}
