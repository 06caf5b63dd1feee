import type { Request, RequestHandler } from 'express';
import type { Model } from '../model/compile-model.js';
import type { ModelCache } from '../model/model-cache.js';

const MODEL = Symbol('model');

/** Pins one model version for the whole request, so a publish mid-request cannot mix two versions. */
export function pinModel(models: ModelCache): RequestHandler {
  return (req, _res, next) => {
    (req as unknown as Record<symbol, Model>)[MODEL] = models.current();
    next();
  };
}

/** The model pinned for this request. */
export function modelOf(req: Request): Model {
  return (req as unknown as Record<symbol, Model>)[MODEL]!;
}
