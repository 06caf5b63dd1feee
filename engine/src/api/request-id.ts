import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';

/** What a caller's X-Request-Id may look like; anything else (too long, spaces, control characters) is replaced. */
export const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

const ID = Symbol('requestId');

/**
 * Names every request: the caller's `X-Request-Id` when it is a plain token (so a proxy's or client's id
 * ties their logs to our audit rows), else a random UUID. Echoed in the response's `X-Request-Id`.
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const id = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
    (req as unknown as Record<symbol, string>)[ID] = id;
    res.setHeader('X-Request-Id', id);
    next();
  };
}

/** This request's id; undefined when the requestId middleware did not run. */
export function requestIdOf(req: Request): string | undefined {
  return (req as unknown as Record<symbol, string | undefined>)[ID];
}
