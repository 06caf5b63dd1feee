import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { answerWidget, visibleDashboards } from '../../dashboards/dashboard-answers.js';
import { parseDashboardFilters } from '../../dashboards/dashboard-filters.js';
import { actorOf } from '../actor.js';
import { laggingReader } from '../lagging-reads.js';
import { DASHBOARDS } from '../contract/dashboards.js';
import { route } from '../contract/route.js';
import { modelOf } from '../pin-model.js';

/** The published dashboards: which the caller sees, and each widget's figures under their permissions. */
export function dashboardsRouter(ctx: AppContext): Router {
  const router = Router();
  route(router, DASHBOARDS.routes.list, (req, res) => {
    res.json(visibleDashboards(modelOf(req), actorOf(req)));
  });
  route(router, DASHBOARDS.routes.widget, async (req, res) => {
    const ids = { dashboard: req.params.dashboard as string, widget: req.params.widget as string };
    const filters = parseDashboardFilters(req.query as Record<string, unknown>);
    res.json(await answerWidget(await laggingReader(ctx, req), modelOf(req), actorOf(req), ids, ctx.clock(), filters));
  });
  return router;
}
