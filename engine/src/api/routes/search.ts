import { Router } from 'express';
import { laggingReader } from '../lagging-reads.js';
import type { AppContext } from '../../context.js';
import { accessFor } from '../../permissions/model-access.js';
import { runSearch } from '../../search/run-search.js';
import { actorOf } from '../actor.js';
import { SEARCH } from '../contract/search.js';
import { route } from '../contract/route.js';
import { validQuery } from '../contract/validate.js';
import { modelOf } from '../pin-model.js';

/** `GET /search?q=张伟&limit=5`: records the caller may read, matched only in fields the caller may read. */
export function searchRouter(ctx: AppContext): Router {
  const router = Router();
  route(router, SEARCH.routes.search, async (req, res) => {
    const query = validQuery<{ q: string; limit?: number }>(req);
    const model = modelOf(req);
    const access = accessFor(model, actorOf(req));
    res.json(
      await runSearch(await laggingReader(ctx, req), { model, access, q: query.q ?? '', limit: query.limit ?? 5 }),
    );
  });
  return router;
}
