import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { DEMO_PASSWORD, loadInstalledDemo } from '../../demo/load-installed.js';
import { removeDemo } from '../../demo/remove-demo.js';
import { adminOnly } from '../admin-only.js';
import { DEMO } from '../contract/demo.js';
import { route } from '../contract/route.js';
import { modelOf } from '../pin-model.js';

/**
 * Sample data from the UI: on the embedded database the server holds the data folder, so `lodestar demo`
 * cannot run beside it. Same loader and remover as the CLI, on the model this request pinned.
 */
export function demoRouter(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;
  const admins = adminOnly({ en: 'load and remove sample data', zh: '加载和删除示例数据' });
  route(router, DEMO.routes.loadDemo, admins, async (req, res) => {
    const summary = await loadInstalledDemo(knex, modelOf(req), ctx.definitionsDir, ctx.clock());
    res.status(201).json({
      counts: summary.counts,
      events: summary.events,
      refused: summary.refusedCount,
      users: summary.users,
      password: DEMO_PASSWORD,
    });
  });
  route(router, DEMO.routes.removeDemo, admins, async (req, res) => {
    res.json({ counts: await removeDemo(knex, modelOf(req)) });
  });
  return router;
}
