import type { Express, Request } from 'express';

const ROUTE = Symbol('route');
const TEMPLATE = Symbol('routeTemplate');

type Marked = Request & { [ROUTE]?: unknown; [TEMPLATE]?: string };

/**
 * The router sets `req.route` when a route matches, while `req.baseUrl` is still that router's mount
 * path; by the time the response is sent an error may have unwound the routers and reset `baseUrl`.
 * An accessor on this app's request prototype notes `baseUrl + path` at that moment: no work per request
 * beyond the router's own assignment.
 */
export function captureRouteTemplates(app: Express): void {
  Object.defineProperty(app.request, 'route', {
    configurable: true,
    get(this: Marked) {
      return this[ROUTE];
    },
    set(this: Marked, route: { path: unknown }) {
      this[ROUTE] = route;
      this[TEMPLATE] = `${this.baseUrl ?? ''}${String(route.path)}`;
    },
  });
}

/** `/api/v1/records/:entity/:id`; undefined when no route matched (static files, 404s). */
export function routeTemplateOf(req: Request): string | undefined {
  return (req as Marked)[TEMPLATE];
}
