import type { RequestHandler, Router } from 'express';
import type { RouteSpec } from './spec.js';
import { validateRequest } from './validate.js';

const contractChecks = new WeakSet<object>();

/**
 * Registers a route from its contract: the validation runs right before the last handler (after any
 * sign-in, role or rate-limit middleware, so an anonymous caller still gets 401, not 422).
 */
export function route(router: Router, spec: RouteSpec, ...handlers: [...RequestHandler[], RequestHandler]): void {
  const check = validateRequest(spec);
  contractChecks.add(check);
  const last = handlers[handlers.length - 1]!;
  router[spec.method](spec.path, ...handlers.slice(0, -1), check, last);
}

/** Whether a handler is the validation of a contract: the route-schemas test walks express's stacks with it. */
export function isContractCheck(handler: unknown): boolean {
  return typeof handler === 'function' && contractChecks.has(handler);
}
