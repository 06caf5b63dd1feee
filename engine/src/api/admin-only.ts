import type { RequestHandler } from 'express';
import { ForbiddenError, type Text } from '../errors.js';
import { isAdmin } from '../permissions/entity-grant.js';
import { actorOf } from './actor.js';

/** Lets only administrators through; `what` completes "only administrators …" (仅限系统管理员…) in the 403. */
export function adminOnly(what: Text): RequestHandler {
  return (req, _res, next) => {
    if (!isAdmin(actorOf(req).roles))
      throw new ForbiddenError({ en: `only administrators ${what.en}`, zh: `仅限系统管理员${what.zh}` });
    next();
  };
}
