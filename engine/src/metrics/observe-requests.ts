import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import type { Logger } from '../log.js';
import { requestIdOf } from '../api/request-id.js';
import type { Metrics } from './registry.js';
import { routeTemplateOf } from './route-template.js';

/** Probes hit every engine every few seconds: their lines are debug, everything else info. */
const PROBES = /^\/(api\/v1\/health(\/|$)|metrics$)/;

/** The label of a request no route answered (static files of the web apps, unknown addresses). */
export const NO_ROUTE = 'none';

/**
 * One log line per request (id, method, route template, path, status, duration) and, with metrics on,
 * one observation under the route template. Nothing is attached when neither would be used.
 */
export function observeRequests(log: Logger, metrics: Metrics | undefined): RequestHandler {
  return (req, res, next) => {
    // Read before the routers: inside one, `req.path` is relative to its mount point.
    const probe = PROBES.test(req.path);
    if (!metrics && !log.isLevelEnabled('debug') && (probe || !log.isLevelEnabled('info'))) return next();
    const start = performance.now();
    res.once('close', () => {
      const ms = performance.now() - start;
      const route = routeTemplateOf(req) ?? NO_ROUTE;
      metrics?.observe(req.method, route, res.statusCode, ms / 1000);
      const level = probe ? 'debug' : 'info';
      if (!log.isLevelEnabled(level)) return;
      log[level](
        {
          reqId: requestIdOf(req),
          method: req.method,
          route,
          path: req.originalUrl.split('?', 1)[0],
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          ...(!res.writableFinished && { aborted: true }),
        },
        'request',
      );
    });
    next();
  };
}
