import express, { type Express } from 'express';
import type { AppContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { identifyActor } from './actor.js';
import { pinModel } from './pin-model.js';
import { problemHandler } from './problem.js';
import { metaRouter } from './routes/meta.js';
import { recordsRouter } from './routes/records.js';
import { reportsRouter } from './routes/reports.js';
import { workflowRouter } from './routes/workflow.js';
import { docsRouter, openApiRouter } from './routes/docs.js';
import { authRouter } from './routes/auth.js';
import { adminRouter } from './routes/admin.js';
import { auditRouter } from './routes/audit.js';
import helmet from 'helmet';
import { uiRouter } from './routes/ui.js';
import { usersDirectoryRouter } from './routes/users-directory.js';
import { viewsRouter } from './routes/views.js';
import { myDayRouter } from './routes/my-day.js';
import { requestId } from './request-id.js';

/** Express assembly: the middleware order lives here and nowhere else. */
export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestId());
  // Served over plain http on a laptop (`npm start`): no upgrade of subresources to https.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // Single records carry their own ETag (the version); hashing every list body costs time for nothing.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.get('/api/v1/health', async (_req, res) => {
    await ctx.db.knex.raw('select 1');
    res.json({ status: 'ok', modelVersion: ctx.models.current().version, database: ctx.db.kind });
  });
  const api = express.Router();
  api.use(express.json({ limit: '5mb', type: ['application/json', 'application/merge-patch+json'] }));
  api.use(pinModel(ctx.models));
  // Public: login, first-run setup, the docs page. Everything after identifyActor needs a token or key.
  const requireActor = identifyActor(ctx.identify);
  api.use('/auth', authRouter(ctx, { requireActor, forget: (secret) => ctx.forgetSession?.(secret), ...(ctx.loginsPerMinute && { loginsPerMinute: ctx.loginsPerMinute }) }));
  api.get('/', (req, res) => res.redirect(302, `${req.baseUrl}/docs`));
  api.use('/docs', docsRouter());
  api.use(requireActor);
  api.use(openApiRouter());
  api.use('/meta', metaRouter(ctx));
  api.use('/records', workflowRouter(ctx));
  api.use('/records', auditRouter(ctx));
  api.use('/records', recordsRouter(ctx));
  api.use('/reports', reportsRouter(ctx));
  api.use('/users', usersDirectoryRouter(ctx));
  api.use('/views', viewsRouter(ctx));
  api.use('/my-day', myDayRouter(ctx));
  api.use('/admin', adminRouter(ctx, () => ctx.forgetAllSessions?.()));
  api.use((req) => {
    throw new NotFoundError(`no route for ${req.method} ${req.baseUrl}${req.path}`);
  });
  app.use('/api/v1', api);
  app.use(uiRouter());
  app.use(problemHandler(ctx.log));
  return app;
}
