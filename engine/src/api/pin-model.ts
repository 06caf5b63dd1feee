import type { ErrorRequestHandler, Request, RequestHandler, Router } from 'express';
import type { Knex } from 'knex';
import { watchCommits, withWorkLog, type WorkLog } from '../db/committed-writes.js';
import { LodestarError } from '../errors.js';
import type { Model } from '../model/compile-model.js';
import type { ModelCache } from '../model/model-cache.js';

const PINNED = Symbol('pinned');

interface Pinned {
  model: Model;
  /** What this run of the request has committed (see retryOnNewerModel). */
  log: WorkLog;
  /** How many times the request was run again on a newer model. */
  reruns: number;
}

/** A request meets at most this many publishes; two in one request's lifetime is already rare. */
const MAX_RERUNS = 2;

/** Pins one model version for the whole request, so a publish mid-request cannot mix two versions. */
export function pinModel(models: ModelCache): RequestHandler {
  return (req, _res, next) => {
    const pinned: Pinned = { model: models.current(), log: { committed: false }, reruns: pinnedOf(req)?.reruns ?? 0 };
    (req as unknown as Record<symbol, Pinned>)[PINNED] = pinned;
    withWorkLog(pinned.log, next);
  };
}

/**
 * Pins another model for the rest of this request: preview mode (preview/preview-mode.ts) runs a request on a
 * draft's model. A rerun after a publish pins afresh and passes through preview mode again.
 */
export function repinModel(req: Request, model: Model): void {
  pinnedOf(req)!.model = model;
}

/** The model pinned for this request. */
export function modelOf(req: Request): Model {
  return pinnedOf(req)!.model;
}

/**
 * Makes a publish invisible to requests. A request pinned to version N may run N's SQL after N+1
 * renamed, dropped or retyped a column (this process learns of a publish elsewhere within a
 * second, and a publish here commits while requests wait on its locks). Such a request fails with a
 * database error. When it failed that way, committed nothing, has answered nothing yet, and a newer
 * version exists, it runs again from the start on the newest model, which answers as that version
 * would (a renamed field is then an unknown field: 422, a sort by it 400). Errors the engine
 * raised itself (validation, not found, conflicts) are answers of version N and stand.
 * Install after every route of the router it reruns; `knex` is the database the routes write to.
 */
export function retryOnNewerModel(models: ModelCache, router: Router, knex: Knex): ErrorRequestHandler {
  watchCommits(knex);
  return async (error, req, res, next) => {
    const pinned = pinnedOf(req);
    if (!pinned || pinned.reruns >= MAX_RERUNS || pinned.log.committed || res.headersSent || !mayBeStale(error))
      return next(error);
    let newest: Model;
    try {
      newest = await models.refresh();
    } catch {
      return next(error);
    }
    if (newest.version === pinned.model.version) return next(error);
    pinned.reruns++;
    router(req, res, next);
  };
}

/** Whether this run of the request has committed writes (read-your-writes follows them, see replica-reads.ts). */
export function committedIn(req: Request): boolean {
  return pinnedOf(req)?.log.committed === true;
}

/** The pinned model, if the request got as far as being pinned (error handlers run for any request). */
export function pinnedModelOf(req: Request): Model | undefined {
  return pinnedOf(req)?.model;
}

function pinnedOf(req: Request): Pinned | undefined {
  return (req as unknown as Record<symbol, Pinned | undefined>)[PINNED];
}

/** Failures a schema change can cause: database errors and unexpected ones, not HTTP or engine answers. */
function mayBeStale(error: unknown): boolean {
  if (error instanceof LodestarError || !(error instanceof Error)) return false;
  const e = error as { status?: unknown; statusCode?: unknown };
  return e.status === undefined && e.statusCode === undefined;
}
