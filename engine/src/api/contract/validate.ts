import type { RequestHandler, Request } from 'express';
import { BadRequestError, NotFoundError, ValidationError } from '../../errors.js';
import type { RouteSpec } from './spec.js';
import { summarize, toContractIssues } from './issue-text.js';
import { bodies, compile, queries } from './check.js';

const validQueries = new WeakMap<Request, Record<string, unknown>>();

/** The query of a request its route validated, with values of the declared types (express re-parses `req.query` on each read). */
export function validQuery<T extends Record<string, unknown>>(req: Request): Partial<T> {
  return (validQueries.get(req) ?? {}) as Partial<T>;
}

const NOT_FOUND = { en: 'there is nothing at this address', zh: '此地址下没有内容' };

/**
 * The middleware of one route: path parameters (404 when ill-formed: such an id names nothing),
 * then the query (400), then the body (422), each against the route's contract.
 */
export function validateRequest(spec: RouteSpec): RequestHandler {
  const params =
    spec.params &&
    compile(bodies, {
      type: 'object',
      properties: Object.fromEntries(Object.entries(spec.params).map(([name, p]) => [name, p.schema])),
    });
  const query = spec.query && compile(queries, { type: 'object', ...spec.query });
  const body = spec.body && compile(bodies, spec.body);
  return (req, _res, next) => {
    if (params && !params(req.params)) throw new NotFoundError(spec.notFound ?? NOT_FOUND);
    if (query) {
      const values: Record<string, unknown> = { ...req.query };
      if (!query(values)) {
        const issues = toContractIssues(query.errors, '/query');
        throw new BadRequestError(summarize(issues), { issues });
      }
      validQueries.set(req, values);
    }
    // No body is an empty one; the handler gets the object its contract checked, never undefined.
    if (body) req.body ??= {};
    if (body && !body(req.body)) {
      const issues = toContractIssues(body.errors);
      throw spec.malformedBody === 400
        ? new BadRequestError(summarize(issues), { issues })
        : new ValidationError(summarize(issues), { issues });
    }
    next();
  };
}
